// Set-based case opening (issue 20) changes nothing but the number of statements: the same
// records give the same cases, timeline, SLA timers, owners' mails, webhook deliveries, outbox
// messages and case rollup rows whether an intake group opens them together or they are opened
// one by one. Two identical organisations in one database, compared row by row with every id
// replaced by a label (its table and rank). Both dialects.
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { call, createTestApp, createTestOrg, type TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { systemCtx } from '../../context.ts';
import type { FeedbackTable } from '../../db/types.ts';
import { fixedClock } from '../../lib/clock.ts';
import type { QueueMessageInput } from '../messaging/index.ts';
import { caseRuleFor, openCaseForFeedback, openCasesForFeedback } from './index.ts';

const HOOK_URL = 'https://203.0.113.10/hook';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** Records of every kind routing and matching know: by manager, stage, fallback; new clients. */
const RECORDS = [
  {
    score: { type: 'nps', value: 2 },
    text: 'Всё плохо',
    client: { name: 'Альфа', externalId: 'ext-1' },
  },
  {
    score: { type: 'nps', value: 9 },
    text: 'Отлично',
    client: { name: 'Альфа', externalId: 'ext-1' },
  },
  {
    score: { type: 'nps', value: 0 },
    stage: 'доставка',
    client: { name: 'Новый', externalId: 'ext-new' },
  },
  {
    score: { type: 'nps', value: 5 },
    client: { name: 'Новый', externalId: 'ext-new' },
    contact: { email: 'new@example.ru', name: 'Нина' },
  },
  { score: { type: 'csat', value: 1 }, contact: { email: 'new@example.ru', name: 'Нина' } },
  {
    text: 'Это ужасно, верните деньги',
    contact: { email: 'anna@example.ru', name: 'Anna', language: 'en' },
  },
  {
    score: { type: 'nps', value: 6 },
    stage: 'оплата',
    contact: { phone: '+79990000000', name: 'Пётр' },
  },
  { score: { type: 'ces', value: 7 }, stage: 'доставка', text: 'Too hard' },
  { score: { type: 'nps', value: 10 }, text: 'Спасибо!' },
  {
    score: { type: 'nps', value: 3 },
    client: { name: 'Гамма', externalId: 'ext-3' },
    stage: 'доставка',
  },
];

describe.each(testDialects())('set-based case opening on %s', (dialect) => {
  let t: TestApp;
  afterEach(async () => t?.close());

  /** An organisation with a manager's client, a stage owner, a high-priority policy and a webhook. */
  async function setUpOrg(name: string) {
    const org = await createTestOrg(t.deps, 'Ромашка');
    const api = async (method: 'POST' | 'PATCH', url: string, payload: object) => {
      const res = await call(t.app, org.apiKey, { method, url, payload });
      expect(res.statusCode, res.body).toBeLessThan(300);
      return res.json();
    };
    const person = (email: string, language: string) =>
      api('POST', '/api/v1/users', {
        email: `${email}.${name}@example.ru`,
        name: email,
        password: 'long-enough-pass',
        role: 'manager',
        language,
      });
    const maria = await person('maria', 'ru');
    const stan = await person('stan', 'en');
    await api('POST', '/api/v1/clients', {
      name: 'Альфа',
      externalId: 'ext-1',
      managerId: maria.id,
    });
    await api('POST', '/api/v1/stages', { key: 'доставка', ownerId: stan.id });
    const day = [['09:00', '18:00']];
    await api('POST', '/api/v1/sla-policies', {
      name: 'Срочные',
      priority: 'high',
      firstResponseMinutes: 60,
      resolutionMinutes: 480,
      timeZone: 'Europe/Moscow',
      businessHours: { 1: day, 2: day, 3: day, 4: day, 5: day },
    });
    await api('POST', '/api/v1/webhooks', { url: HOOK_URL, events: ['feedback.created'] });
    return org;
  }

  /** Every row intake and case opening wrote for the organisation, ids replaced by labels. */
  async function snapshot(orgId: string) {
    const db = t.deps.db;
    const all = async (table: string, order = 'id') =>
      (
        await sql<
          Record<string, unknown>
        >`select * from ${sql.table(table)} where org_id = ${orgId} order by ${sql.ref(order)}`.execute(
          db,
        )
      ).rows;
    const labels = new Map<string, string>([[orgId, 'org']]);
    const label = (rows: Record<string, unknown>[], table: string, column = 'id') =>
      rows.forEach((r, i) => labels.set(String(r[column]), `${table}#${i}`));
    const tables: Record<string, Record<string, unknown>[]> = {};
    for (const table of ['users', 'clients', 'contacts', 'feedback', 'cases', 'webhook_deliveries'])
      label((tables[table] = await all(table)), table);
    label(await all('webhook_deliveries', 'event_id'), 'event', 'event_id');
    for (const f of tables.feedback!)
      labels.set(String(f.public_ref), `ref(${labels.get(String(f.id))})`);
    const text = (v: unknown) =>
      String(v)
        .replace(UUID, (id) => labels.get(id) ?? '?')
        .replace(/CL-[A-Z0-9]{10}/g, (ref) => labels.get(ref) ?? ref)
        // A status link's tag signs its reference (issue 19), so it differs with the reference.
        .replace(/(\/status\/[^\s"]*?)-[A-Z0-9]{20}\b/g, '$1-tag')
        .replace(/\.org[ab]@/g, '.org@')
        .replace(/admin\d+\.\d+@/g, 'admin@')
        .replace(/unsubscribe\/[\w-]+/g, 'unsubscribe/token')
        .replace(/(R\d+)-[0-9a-f]{8}/g, '$1');
    for (const m of (tables.messages = await all('messages')))
      labels.set(String(m.id), `message(${text(m.dedupe_key)})`);
    tables.case_events = await all('case_events');
    tables.jobs = await all('jobs');
    tables.case_rollup_members = await all('case_rollup_members', 'case_id');
    tables.case_rollup_figures = await all('case_rollup_figures', 'period');
    tables.case_rollup_zones = await all('case_rollup_zones', 'org_id');
    const out: Record<string, string[]> = {};
    delete tables.users; // their e-mails and passwords differ between the two organisations
    for (const [table, rows] of Object.entries(tables))
      out[table] = rows
        .map((r) => {
          const { id, ...rest } = r;
          // Rows nothing refers to are compared by content: their ids differ in creation order.
          const keep = ['case_events', 'jobs', 'messages'].includes(table) ? rest : { id, ...rest };
          return Object.entries(keep)
            .filter(([k]) => table !== 'feedback' || (k !== 'public_ref' && k !== 'ref_key'))
            .map(
              ([k, v]) =>
                `${k}=${v === null ? 'null' : text(v instanceof Date ? v.toISOString() : v)}`,
            )
            .join(' ');
        })
        .sort();
    return out;
  }

  it('stores the same rows for a batch opened as one group as for the records sent one by one', async () => {
    t = await createTestApp({
      dialect,
      clock: fixedClock('2026-11-23T07:00:00.000Z'),
      env: { SMTP_URL: 'smtp://127.0.0.1:2' },
    });
    const together = await setUpOrg('orga');
    const oneByOne = await setUpOrg('orgb');
    const batch = await call(t.app, together.apiKey, {
      method: 'POST',
      url: '/api/v1/feedback/batch',
      payload: { items: RECORDS },
    });
    expect(batch.statusCode, batch.body).toBe(200);
    for (const record of RECORDS) {
      const res = await call(t.app, oneByOne.apiKey, {
        method: 'POST',
        url: '/api/v1/feedback',
        payload: record,
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const a = await snapshot(together.orgId);
    const b = await snapshot(oneByOne.orgId);
    // Eight records ask for a case; each is routed, mailed and timed, and counted in the rollup.
    expect(a.cases).toHaveLength(8);
    expect(a.case_events).toHaveLength(16);
    expect(a.case_rollup_members!.length).toBeGreaterThan(0);
    expect(a.webhook_deliveries).toHaveLength(RECORDS.length);
    for (const table of Object.keys(a)) expect(a[table], table).toEqual(b[table]);
  });

  it('opens the same cases as openCaseForFeedback called once per record', async () => {
    t = await createTestApp({ dialect, clock: fixedClock('2026-11-23T07:00:00.000Z') });
    const together = await setUpOrg('orga');
    const oneByOne = await setUpOrg('orgb');
    const rowsFor = async (orgId: string) => {
      const clients = await t.deps.db
        .selectFrom('clients')
        .selectAll()
        .where('org_id', '=', orgId)
        .execute();
      const alpha = clients.find((c) => c.external_id === 'ext-1')!.id;
      return RECORDS.map((r, i): FeedbackTable => ({
        id: `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`.replace(
          /^0{8}/,
          orgId.slice(0, 8),
        ),
        org_id: orgId,
        public_ref: `R${i}-${orgId.slice(-8)}`,
        ref_key: String(i),
        channel: 'api',
        client_id: r.client?.externalId === 'ext-1' ? alpha : null,
        contact_id: null,
        stage: r.stage ?? null,
        survey_id: null,
        score_type: (r.score?.type ?? null) as FeedbackTable['score_type'],
        score_value: r.score?.value ?? null,
        text: r.text ?? null,
        language: null,
        sentiment_label: null,
        sentiment_score: null,
        topics: '[]',
        source_id: null,
        raw: null,
        case_id: null,
        acknowledged_at: null,
        received_at: '2026-11-23T07:00:00.000Z',
        created_at: '2026-11-23T07:00:00.000Z',
      }));
    };
    const mailsA: QueueMessageInput[] = [];
    const mailsB: QueueMessageInput[] = [];
    const rowsA = await rowsFor(together.orgId);
    const rowsB = await rowsFor(oneByOne.orgId);
    await t.deps.db.transaction().execute(async (trx) => {
      const ctxA = systemCtx(t.deps, together.orgId, trx);
      const requests = rowsA
        .map((feedback) => ({ ctx: ctxA, feedback, rule: ruleOf(feedback) }))
        .filter((r) => r.rule !== null) as Parameters<typeof openCasesForFeedback>[0][number][];
      for (const o of await openCasesForFeedback(requests)) mailsA.push(...o.mails);
      const ctxB = systemCtx(t.deps, oneByOne.orgId, trx);
      for (const feedback of rowsB) {
        const rule = ruleOf(feedback);
        if (rule) await openCaseForFeedback(ctxB, feedback, rule, mailsB);
      }
    });
    const a = await snapshot(together.orgId);
    const b = await snapshot(oneByOne.orgId);
    expect(a.cases).toHaveLength(8);
    for (const table of [
      'cases',
      'case_events',
      'jobs',
      'case_rollup_members',
      'case_rollup_figures',
      'case_rollup_zones',
    ])
      expect(a[table], table).toEqual(b[table]);
    // The owners' mails: the same people, subjects and variables, but for the case's own id.
    const strip = (m: QueueMessageInput[], orgId: string) =>
      JSON.stringify(m)
        .replace(/(R\d+)-[0-9a-f]{8}/g, '$1')
        .replace(/\.org[ab]@/g, '.org@')
        .replace(/admin\d+\.\d+@/g, 'admin@')
        .replace(UUID, (id) => (id.startsWith(orgId.slice(0, 8)) ? 'fb' : 'id'));
    expect(mailsA).toHaveLength(8);
    expect(strip(mailsA, together.orgId)).toEqual(strip(mailsB, oneByOne.orgId));
  });
});

const ruleOf = (f: FeedbackTable) =>
  caseRuleFor(
    f.score_type && f.score_value !== null ? { type: f.score_type, value: f.score_value } : null,
    f.text,
  );
