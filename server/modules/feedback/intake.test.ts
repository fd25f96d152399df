// The set-based intake (intake.ts): a group or batch writes every record's side effects once per
// record, keeps organisations apart, and applies Idempotency-Keys across and within groups.
import { afterEach, describe, expect, it } from 'vitest';
import { call, createTestApp, createTestOrg, type TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';

// Documentation range (TEST-NET-3): passes the SSRF guard, and no delivery job runs in this test.
const HOOK_URL = 'https://203.0.113.10/hook';

describe.each(testDialects())('set-based intake on %s', (dialect) => {
  let t: TestApp;
  afterEach(async () => t?.close());

  it('writes a batch of 300 with one acknowledgement, one webhook delivery and, when a rule asks, one case per record', async () => {
    // An SMTP address makes the outbox queue send jobs; no worker runs, so nothing is sent.
    t = await createTestApp({ dialect, env: { SMTP_URL: 'smtp://127.0.0.1:2' } });
    const org = await createTestOrg(t.deps);
    const hook = await call(t.app, org.apiKey, {
      method: 'POST',
      url: '/api/v1/webhooks',
      payload: { url: HOOK_URL, events: ['feedback.created'] },
    });
    expect(hook.statusCode).toBe(201);
    const items = Array.from({ length: 300 }, (_, i) => ({
      contact: { email: `c${i}@example.ru`, name: `Клиент ${i}`, language: i % 2 ? 'en' : 'ru' },
      score: { type: 'nps', value: i % 10 === 0 ? 2 : 9 },
      text: `Отзыв номер ${i}`,
      sourceId: `batch-${i}`,
    }));
    const res = await call(t.app, org.apiKey, {
      method: 'POST',
      url: '/api/v1/feedback/batch',
      payload: { items },
    });
    expect(res.statusCode).toBe(200);
    const results = res.json().results as { status: string; id: string }[];
    expect(results.every((r) => r.status === 'created')).toBe(true);

    const db = t.deps.db;
    const feedback = await db
      .selectFrom('feedback')
      .selectAll()
      .where('org_id', '=', org.orgId)
      .execute();
    expect(feedback).toHaveLength(300);
    expect(new Set(feedback.map((f) => f.id))).toEqual(new Set(results.map((r) => r.id)));
    const cases = await db.selectFrom('cases').selectAll().execute();
    expect(cases).toHaveLength(30);
    const withCase = feedback.filter((f) => f.case_id);
    expect(withCase).toHaveLength(30);
    for (const f of withCase) expect(cases.find((c) => c.id === f.case_id)?.feedback_id).toBe(f.id);

    const acks = await db.selectFrom('messages').selectAll().where('kind', '=', 'ack').execute();
    expect(acks).toHaveLength(300);
    expect(new Set(acks.map((m) => m.feedback_id))).toEqual(new Set(feedback.map((f) => f.id)));
    const english = acks.find((m) => m.to_address === 'c1@example.ru')!;
    expect(english.language).toBe('en');
    expect(english.case_id).toBeNull();
    expect(acks.find((m) => m.to_address === 'c10@example.ru')!.case_id).toBe(
      feedback.find((f) => f.source_id === 'batch-10')!.case_id,
    );

    const deliveries = await db.selectFrom('webhook_deliveries').selectAll().execute();
    expect(deliveries).toHaveLength(300);
    expect(new Set(deliveries.map((d) => d.event_id)).size).toBe(300);
    const delivered = new Set(
      deliveries.map((d) => (JSON.parse(d.payload) as { data: { id: string } }).data.id),
    );
    expect(delivered).toEqual(new Set(feedback.map((f) => f.id)));

    const jobs = await db.selectFrom('jobs').select(['name']).execute();
    const count = (name: string) => jobs.filter((j) => j.name === name).length;
    expect(count('messaging.send')).toBe(330); // 300 acknowledgements, 30 owners' assignments
    expect(count('webhooks.deliver')).toBe(300);

    // The same batch again: all duplicates, nothing new written.
    const again = await call(t.app, org.apiKey, {
      method: 'POST',
      url: '/api/v1/feedback/batch',
      payload: { items },
    });
    expect((again.json().results as { status: string; id: string }[]).map((r) => r.status)).toEqual(
      Array(300).fill('duplicate'),
    );
    expect((again.json().results as { id: string }[]).map((r) => r.id)).toEqual(
      results.map((r) => r.id),
    );
    expect(await db.selectFrom('messages').select('id').execute()).toHaveLength(330);
  });

  it('matches senders by e-mail once per batch and creates one contact for a new sender named twice', async () => {
    t = await createTestApp({ dialect });
    const org = await createTestOrg(t.deps);
    const known = await call(t.app, org.apiKey, {
      method: 'POST',
      url: '/api/v1/feedback',
      payload: { text: 'Первый раз', contact: { email: 'known@example.ru', name: 'Известный' } },
    });
    const items = [
      { text: 'Новый один', contact: { email: 'New@Example.ru', name: 'Новый' } },
      { text: 'Новый два', contact: { email: 'new@example.ru' } },
      { text: 'Снова я', contact: { email: 'KNOWN@example.ru' } },
    ];
    const res = await call(t.app, org.apiKey, {
      method: 'POST',
      url: '/api/v1/feedback/batch',
      payload: { items },
    });
    const ids = (res.json().results as { id: string }[]).map((r) => r.id);
    const rows = await t.deps.db
      .selectFrom('feedback')
      .select(['id', 'contact_id', 'client_id'])
      .where('id', 'in', ids)
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(ids[0]!)!.contact_id).toBe(byId.get(ids[1]!)!.contact_id);
    expect(byId.get(ids[0]!)!.client_id).toBe(byId.get(ids[1]!)!.client_id);
    expect(byId.get(ids[2]!)!.contact_id).toBe(known.json().contactId);
    const contacts = await t.deps.db
      .selectFrom('contacts')
      .select(['email'])
      .where('org_id', '=', org.orgId)
      .execute();
    expect(contacts.map((c) => c.email).sort()).toEqual(['known@example.ru', 'new@example.ru']);
    const people = await t.deps.db
      .selectFrom('clients')
      .select(['name', 'kind'])
      .where('org_id', '=', org.orgId)
      .orderBy('name')
      .execute();
    expect(people).toEqual([
      { name: 'Известный', kind: 'person' },
      { name: 'Новый', kind: 'person' },
    ]);
  });

  it('answers replays of a stored Idempotency-Key in one group with the record, and another body with 409', async () => {
    t = await createTestApp({ dialect });
    const org = await createTestOrg(t.deps);
    const post = (text: string) =>
      call(t.app, org.apiKey, {
        method: 'POST',
        url: '/api/v1/feedback',
        headers: { 'idempotency-key': 'k-1' },
        payload: { text },
      });
    const first = await post('Первый');
    expect(first.statusCode).toBe(201);
    const replies = await Promise.all(
      Array.from({ length: 10 }, (_, i) => post(i % 2 ? 'Другой' : 'Первый')),
    );
    replies.forEach((r, i) => {
      if (i % 2) {
        expect(r.statusCode).toBe(409);
        expect(r.json().code).toBe('idempotency_conflict');
      } else {
        expect(r.statusCode).toBe(200);
        expect(r.json().id).toBe(first.json().id);
      }
    });
    expect(await t.deps.db.selectFrom('feedback').select('id').execute()).toHaveLength(1);
  });

  it('stores the first of two different bodies sent at once under one new key and refuses the other', async () => {
    t = await createTestApp({ dialect });
    const org = await createTestOrg(t.deps);
    const post = (text: string) =>
      call(t.app, org.apiKey, {
        method: 'POST',
        url: '/api/v1/feedback',
        headers: { 'idempotency-key': 'fresh' },
        payload: { text },
      });
    const [a, b] = await Promise.all([post('Альфа'), post('Бета')]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    const stored = await t.deps.db.selectFrom('feedback').select('text').execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.text).toBe((a.statusCode === 201 ? a : b).json().text);
  });

  it('keeps organisations apart inside one group: the same source id is a new record in each', async () => {
    t = await createTestApp({ dialect });
    const orgs = [await createTestOrg(t.deps, 'A'), await createTestOrg(t.deps, 'B')];
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        call(t.app, orgs[i % 2]!.apiKey, {
          method: 'POST',
          url: '/api/v1/feedback',
          payload: { text: `Текст ${i}`, sourceId: 'shared-source' },
        }),
      ),
    );
    expect(responses.filter((r) => r.statusCode === 201)).toHaveLength(2);
    expect(responses.filter((r) => r.statusCode === 200)).toHaveLength(18);
    for (const org of orgs) {
      const rows = await t.deps.db
        .selectFrom('feedback')
        .select(['id', 'org_id'])
        .where('org_id', '=', org.orgId)
        .execute();
      expect(rows).toHaveLength(1);
      const mine = responses.filter((_, i) => orgs[i % 2] === org).map((r) => r.json().id);
      expect(new Set(mine)).toEqual(new Set([rows[0]!.id]));
    }
  });
});
