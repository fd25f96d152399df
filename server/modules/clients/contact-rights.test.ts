// Data-subject rights (issue 19): a contact's export holds everything the modules know; erasure
// leaves nothing personal in any table of the database while every figure reads the same.
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { call, createTestApp, createTestOrg, type TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { fixedClock } from '../../lib/clock.ts';
import { buildWorld, IVAN } from './contact-rights.fixtures.ts';

const RESOLUTION = 'Вернули Ивану 5000 ₽ на карту 4276 0000 1111 2222';
const SECRETS = [
  IVAN.name,
  IVAN.email,
  '9125550102',
  ...IVAN.texts,
  IVAN.note,
  IVAN.reply,
  RESOLUTION,
];

/** Every row of every table of this test's database, as text. */
async function everything(t: TestApp): Promise<Map<string, string>> {
  const db = t.deps.db;
  const schema =
    t.deps.dbHandle.dialect === 'postgres'
      ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]!.s
      : undefined;
  const out = new Map<string, string>();
  for (const table of await db.introspection.getTables()) {
    if (schema && table.schema !== schema) continue;
    const rows = await db
      .selectFrom(table.name as 'feedback')
      .selectAll()
      .execute();
    out.set(table.name, JSON.stringify(rows));
  }
  return out;
}

const FIGURES = [
  '/api/v1/metrics/satisfaction?metric=nps&from=2026-01-01T00:00:00Z&to=2026-12-01T00:00:00Z&groupBy=month',
  '/api/v1/metrics/satisfaction?metric=nps&from=2026-01-01T00:00:00Z&to=2026-12-01T00:00:00Z&groupBy=stage',
  '/api/v1/metrics/nps-by-role?from=2026-01-01T00:00:00Z&to=2026-12-01T00:00:00Z',
  '/api/v1/scorecard?from=2026-07-01&to=2026-12-01',
  '/api/v1/scorecard/operations?from=2026-07-01&to=2026-12-01',
];

describe.each(testDialects())('contact export and erasure on %s', (dialect) => {
  let t: TestApp;
  afterEach(async () => t?.close());

  it('exports everything about a contact, then erases it: nothing personal left, every figure the same', async () => {
    t = await createTestApp({ dialect, clock: fixedClock('2026-11-15T10:00:00Z') });
    const org = await createTestOrg(t.deps);
    const api = (method: string, url: string, payload?: unknown) =>
      call(t.app, org.apiKey, { method: method as 'GET', url, payload: payload as object });
    const w = await buildWorld(t.app, org.apiKey);
    // A webhook subscribed to case events (stored directly: its URL is never called here), so a
    // delivery carries the case's resolution text.
    const at = '2026-11-15T10:00:00.000Z';
    await t.deps.db
      .insertInto('webhooks')
      .values({
        id: '01900000-0000-7000-8000-000000000001',
        org_id: org.orgId,
        url: 'https://hooks.example.com/in',
        secret_enc: 's2.00000000.x.x.x',
        secret_prefix: 'whsec_test…',
        events: JSON.stringify(['case.updated', 'case.resolved']),
        active: 1,
        allowed_host: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const resolved = await api('PATCH', `/api/v1/cases/${w.caseId}`, {
      status: 'resolved',
      resolution: RESOLUTION,
      resolutionCode: 'fixed',
    });
    expect(resolved.statusCode, resolved.body).toBe(200);

    const exported = await api('GET', `/api/v1/contacts/${w.contactId}/export`);
    expect(exported.statusCode).toBe(200);
    const data = exported.json();
    expect(data.contact).toMatchObject({ name: IVAN.name, email: IVAN.email });
    const section = (key: string) =>
      data.sections.find((s: { key: string }) => s.key === key).items;
    expect(section('feedback').map((f: { text: string }) => f.text)).toEqual(IVAN.texts);
    expect(section('feedback').map((f: { score: number }) => f.score)).toEqual([2, 9]);
    const events = section('cases')[0].events.map((e: { body: string | null }) => e.body);
    expect(events).toContain(IVAN.note);
    expect(events).toContain(IVAN.reply);
    expect(section('messages').map((m: { kind: string }) => m.kind)).toEqual(
      expect.arrayContaining(['ack', 'reply']),
    );
    expect(section('calls')).toHaveLength(1);
    expect(JSON.stringify(data)).not.toContain('Ольга');

    const page = await api('GET', `/api/v1/contacts/${w.contactId}/export?format=html&lang=en`);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('Data about a contact');
    expect(page.body).toContain(IVAN.texts[0]);
    expect(page.body).toContain('Cases and replies');

    const before = await Promise.all(FIGURES.map(async (u) => (await api('GET', u)).json()));
    const all = await everything(t);
    for (const s of SECRETS) expect([...all.values()].some((rows) => rows.includes(s))).toBe(true);

    const erased = await api('POST', `/api/v1/contacts/${w.contactId}/erase`);
    expect(erased.statusCode).toBe(200);
    expect(erased.json().contact).toMatchObject({ name: '', email: null, phone: null });
    expect(erased.json().contact.erasedAt).not.toBeNull();
    expect(erased.json().counts).toMatchObject({ feedback: 2, cases: 1, calls: 1 });

    // Nothing personal anywhere: every table, every column (the audit log too).
    for (const [table, rows] of await everything(t))
      for (const s of SECRETS) expect(rows.includes(s), `${table} still holds "${s}"`).toBe(false);
    // The other client's contact is untouched.
    expect((await api('GET', `/api/v1/feedback/${w.otherFeedbackId}`)).json().text).toBe(
      'Ольга довольна',
    );
    // Every figure reads as before, and the hand-computed example holds: September has Ivan's 2
    // (one detractor → −100), October his 9 and Olga's 10 (two promoters → +100).
    const after = await Promise.all(FIGURES.map(async (u) => (await api('GET', u)).json()));
    expect(after).toEqual(before);
    expect(
      after[0].groups.map((g: { key: string; value: number; responses: number }) => [
        g.key,
        g.value,
        g.responses,
      ]),
    ).toEqual([
      ['2026-09', -100, 1],
      ['2026-10', 100, 2],
    ]);

    // Idempotent, audited once, never mailed again.
    const again = await api('POST', `/api/v1/contacts/${w.contactId}/erase`);
    expect(again.json().counts).toEqual({});
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', 'in', ['contact.erased', 'contact.exported'])
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual([
      'contact.erased',
      'contact.exported',
      'contact.exported',
    ]);
    const resub = await api('POST', `/api/v1/contacts/${w.contactId}/resubscribe`);
    expect(resub.statusCode).toBe(409);
    expect(resub.json().code).toBe('contact_erased');
    const patch = await api('PATCH', `/api/v1/contacts/${w.contactId}`, { email: 'x@y.ru' });
    expect(patch.json().code).toBe('contact_erased');
    expect((await api('GET', `/api/v1/contacts/${w.contactId}`)).json().unsubscribedAt).not.toBe(
      null,
    );
    const queued = await t.deps.db
      .selectFrom('messages')
      .select('status')
      .where('contact_id', '=', w.contactId)
      .where('status', '=', 'queued')
      .execute();
    expect(queued).toEqual([]);
  });

  it('lets only admins export, erase and delete', async () => {
    t = await createTestApp({ dialect });
    const org = await createTestOrg(t.deps);
    const w = await buildWorld(t.app, org.apiKey);
    const manager = (
      await call(t.app, org.apiKey, {
        method: 'POST',
        url: '/api/v1/api-keys',
        payload: { name: 'm', role: 'manager' },
      })
    ).json().secret;
    for (const [method, url] of [
      ['GET', `/api/v1/contacts/${w.contactId}/export`],
      ['POST', `/api/v1/contacts/${w.contactId}/erase`],
      ['DELETE', `/api/v1/contacts/${w.contactId}`],
      ['DELETE', `/api/v1/feedback/${w.feedbackIds[0]}`],
      ['DELETE', `/api/v1/cases/${w.caseId}`],
      ['PUT', '/api/v1/settings/retention'],
    ] as const) {
      const res = await call(t.app, manager, {
        method,
        url,
        payload: method === 'PUT' ? { textMonths: 12 } : undefined,
      });
      expect(res.statusCode, `${method} ${url}`).toBe(403);
    }
    const still = await call(t.app, org.apiKey, {
      method: 'GET',
      url: `/api/v1/contacts/${w.contactId}`,
    });
    expect(still.json().email).toBe(IVAN.email);
  });
});
