// Random small worlds for the drill-down property test (scorecard-drill-property.test.ts): two
// stages and four clients of an organisation in Moscow, with feedback (and the cases detractors
// open), cases moved through their statuses, survey invitations, transactions, calls, KPI values
// and pulse answers spread over January–March 2026 — often exactly on a month's boundary in
// Moscow, where an off-by-one period filter shows — all loaded through the API at their times.
import fc from 'fast-check';
import { expect } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { Clock } from '../../lib/clock.ts';

export const STAGES = ['альфа', 'бета'] as const;
export const SEGMENTS = ['опт', 'опт', 'розница', null] as const;
const FIRST = Date.parse('2025-12-31T21:00:00Z'); // January 1st, 00:00 in Moscow
/** Month boundaries in Moscow (21:00Z the day before) and a minute either side of them. */
const EDGES = ['2026-01-31T21:00:00Z', '2026-02-28T21:00:00Z', '2026-03-31T21:00:00Z'].flatMap(
  (b) => [-60_000, 0, 60_000].map((d) => Date.parse(b) + d),
);
const DATE_EDGES = ['2026-01-31', '2026-02-01', '2026-02-28', '2026-03-01', '2026-03-31'];
const MONTHS = ['2026-01', '2026-02', '2026-03'];
const CASE_SCRIPT = ['in_progress', 'resolved', 'in_progress', 'resolved', 'closed'];

const iso = (ms: number) => new Date(ms).toISOString();
/** An instant in January – `now`, on a month boundary one time in three. */
const instant = (now: number) =>
  fc.oneof(
    { weight: 1, arbitrary: fc.constantFrom(...EDGES.filter((e) => e < now)) },
    { weight: 2, arbitrary: fc.integer({ min: FIRST / 60_000, max: now / 60_000 - 1 }) },
  );
const minuteOf = (t: number) => (t > 1e10 ? t : t * 60_000);
const date = fc.oneof(
  fc.constantFrom(...DATE_EDGES),
  fc
    .integer({ min: 0, max: 120 })
    .map((d) => iso(Date.parse('2025-12-20') + d * 86_400_000).slice(0, 10)),
);
const shiftDate = (d: string, days: number) =>
  iso(Date.parse(`${d.slice(0, 10)}T00:00:00Z`) + days * 86_400_000).slice(0, 10);
const stage = fc.option(fc.constantFrom(0, 1), { freq: 6 });

export const worldArb = fc
  .constantFrom('2026-04-02T09:00:00Z', '2026-05-10T09:00:00Z', '2026-03-28T12:00:00Z')
  .chain((nowIso) => {
    const now = Date.parse(nowIso);
    const at = instant(now).map(minuteOf);
    return fc.record({
      now: fc.constant(nowIso),
      feedback: fc.array(
        fc.record({
          client: fc.option(fc.constantFrom(0, 1, 2, 3), { freq: 6 }),
          stage,
          type: fc.constantFrom('nps', 'nps', 'csat', 'ces'),
          score: fc.nat(10),
          at,
        }),
        { maxLength: 18 },
      ),
      cases: fc.array(
        fc.record({
          stage: fc.constantFrom(0, 1),
          at,
          moves: fc.array(fc.integer({ min: 10, max: 6 * 24 * 60 }), { maxLength: 5 }),
        }),
        { maxLength: 4 },
      ),
      invites: fc.uniqueArray(
        fc.record({ stage: fc.constantFrom(0, 1), client: fc.constantFrom(0, 1, 2), at }),
        { maxLength: 3, selector: (i) => `${i.stage}|${i.client}` },
      ),
      answers: fc.array(
        fc.option(
          fc.record({ after: fc.integer({ min: 1, max: 40 * 24 * 60 }), score: fc.nat(10) }),
        ),
        { maxLength: 3 },
      ),
      transactions: fc.array(
        fc.record({
          client: fc.constantFrom(0, 1, 2, 3),
          stage,
          refund: fc.boolean(),
          date,
          minor: fc.integer({ min: 1, max: 500_000 }),
          due: fc.option(fc.integer({ min: 0, max: 45 }), { freq: 2 }),
          paid: fc.option(fc.integer({ min: -5, max: 15 }), { freq: 2 }),
        }),
        { maxLength: 14 },
      ),
      calls: fc.array(
        fc.record({
          stage,
          at,
          out: fc.boolean(),
          answered: fc.boolean(),
          wait: fc.nat(120),
          phone: fc.constantFrom(1, 2),
        }),
        { maxLength: 6 },
      ),
      kpis: fc.uniqueArray(
        fc.record({
          stage: fc.constantFrom(0, 1),
          month: fc.constantFrom(...MONTHS),
          value: fc.integer({ min: -50, max: 150 }),
        }),
        { maxLength: 5, selector: (v) => `${v.stage}|${v.month}` },
      ),
      pulse: fc.array(fc.record({ stage: fc.constantFrom(0, 1), at, score: fc.nat(10) }), {
        maxLength: 14,
      }),
    });
  });
export type World = typeof worldArb extends fc.Arbitrary<infer W> ? W : never;

const SCALE = { nps: 11, csat: 5, ces: 7 } as const;
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

export interface Loader {
  api: (
    method: 'GET' | 'POST' | 'PATCH' | 'PUT',
    url: string,
    payload?: object,
  ) => Promise<LightMyRequestResponse>;
  post: (path: string, fields: Record<string, string>) => Promise<LightMyRequestResponse>;
  clock: Clock & { set(at: string): void };
  publicUrl: string;
}

/** Loads the world into the caller's fresh organisation, every event at its own time. */
export async function loadWorld(l: Loader, w: World): Promise<void> {
  const ok = async (method: 'POST' | 'PATCH' | 'PUT', url: string, payload: object) => {
    const res = await l.api(method, url, payload);
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.json();
  };
  l.clock.set(iso(FIRST - 86_400_000));
  await ok('PATCH', '/api/v1/org', { timeZone: 'Europe/Moscow' });
  for (const key of STAGES) await ok('POST', '/api/v1/stages', { key });
  const clients: string[] = [];
  const contacts: string[] = [];
  for (const [i, segment] of SEGMENTS.entries()) {
    const c = await ok('POST', '/api/v1/clients', {
      name: `ООО ${i}`,
      ...(segment ? { segment } : {}),
    });
    clients.push(c.id);
    contacts.push((await ok('POST', `/api/v1/clients/${c.id}/contacts`, { name: `К ${i}` })).id);
    // A large old sale of no stage, so any refund has something to refund and counts nowhere.
    await ok('POST', '/api/v1/transactions', {
      clientId: c.id,
      externalId: `base-${i}`,
      kind: 'sale',
      date: '2025-06-01',
      amount: 100_000,
    });
  }
  const surveys: string[] = [];
  for (const key of STAGES)
    surveys.push(
      (await ok('POST', '/api/v1/surveys', { name: key, metric: 'nps', stage: key })).id,
    );
  const pulse = await ok('POST', '/api/v1/pulses', {
    name: 'Пульс',
    stages: [...STAGES],
    send: false,
  });
  const links = STAGES.map((s) =>
    pulse.links.find((x: { stage: string }) => x.stage === s).url.replace(l.publicUrl, ''),
  );

  // Every event at its time, in time order, so cases open before they move.
  const events: Array<{ at: number; run: () => Promise<unknown> }> = [];
  for (const f of w.feedback)
    events.push({
      at: f.at,
      run: () =>
        ok('POST', '/api/v1/feedback', {
          ...(f.client !== null ? { clientId: clients[f.client] } : {}),
          ...(f.stage !== null ? { stage: STAGES[f.stage] } : {}),
          score: {
            type: f.type,
            value: f.type === 'nps' ? f.score : 1 + (f.score % SCALE[f.type]),
          },
          receivedAt: iso(f.at),
        }),
    });
  const now = Date.parse(w.now);
  for (const c of w.cases) {
    let id = '';
    events.push({
      at: c.at,
      run: async () =>
        (id = (await ok('POST', '/api/v1/cases', { title: 'случай', stage: STAGES[c.stage] })).id),
    });
    let t = c.at;
    for (const [i, delay] of c.moves.entries()) {
      t += delay * 60_000;
      if (t < now)
        events.push({
          at: t,
          run: () => ok('PATCH', `/api/v1/cases/${id}`, { status: CASE_SCRIPT[i] }),
        });
    }
  }
  for (const [n, inv] of w.invites.entries()) {
    let url = '';
    events.push({
      at: inv.at,
      run: async () => {
        const res = await ok('POST', `/api/v1/surveys/${surveys[inv.stage]}/invites`, {
          contactIds: [contacts[inv.client]],
          send: false,
        });
        url = res.items[0].url.replace(l.publicUrl, '');
      },
    });
    const answer = w.answers[n];
    if (answer && inv.at + answer.after * 60_000 < now)
      events.push({
        at: inv.at + answer.after * 60_000,
        run: async () =>
          expect((await l.post(url, { score: String(answer.score) })).statusCode).toBeLessThan(400),
      });
  }
  for (const p of w.pulse)
    events.push({
      at: p.at,
      run: async () =>
        expect((await l.post(links[p.stage]!, { score: String(p.score) })).statusCode).toBe(200),
    });
  events.sort((a, b) => a.at - b.at);
  for (const e of events) {
    l.clock.set(iso(e.at));
    await e.run();
  }
  l.clock.set(w.now);

  for (const [i, t] of w.transactions.entries()) {
    const due = t.due === null || t.refund ? undefined : shiftDate(t.date, t.due);
    // Paid up to 5 days early or 15 late, but never before the document itself.
    const paid = due && t.paid !== null ? shiftDate(due, t.paid) : undefined;
    const paidAt = paid && paid < t.date ? t.date : paid;
    await ok('POST', '/api/v1/transactions', {
      clientId: clients[t.client],
      externalId: `doc-${i}`,
      kind: t.refund ? 'refund' : 'sale',
      date: t.date,
      amount: t.minor / 100,
      ...(t.stage !== null ? { stage: STAGES[t.stage] } : {}),
      ...(due ? { dueDate: due, ...(paidAt ? { paidAt } : {}) } : {}),
    });
  }
  for (const [i, c] of w.calls.entries())
    await ok('POST', '/api/v1/calls', {
      externalId: `call-${i}`,
      startedAt: iso(c.at),
      direction: c.out ? 'out' : 'in',
      answered: c.answered,
      waitSeconds: c.out ? 0 : c.wait,
      phone: `+7 900 000-00-0${c.phone}`,
      ...(c.stage !== null ? { stage: STAGES[c.stage] } : {}),
    });
  await ok('PUT', '/api/v1/kpis/kpi-x', { name: 'Показатель', direction: 'up' });
  if (w.kpis.length)
    await ok('PUT', '/api/v1/kpis/kpi-x/values', {
      values: w.kpis.map((v) => ({ stage: STAGES[v.stage], period: v.month, value: v.value })),
    });
}
