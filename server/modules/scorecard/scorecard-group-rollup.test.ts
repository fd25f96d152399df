// Issue 16 / ADR 017: the satisfaction layer narrowed to a segment, a manager or both, read from
// feedback's counts per client group, gives what the scan of the records gives. Random histories
// — records of random clients (or none) around Moscow's month boundaries, one by one and in
// batches; clients moved to another segment or manager; stages merged; the time zone changed —
// then every filter and window must agree on both dialects, and a rebuild from the records must
// give the same counts. A hand-made example pins the counts themselves.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx, type Ctx } from '../../context.ts';
import { fixedClock } from '../../lib/clock.ts';
import { call, createTestApp, createTestOrg, type TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { rebuildScoreGroups, scoreGroupsOf } from '../feedback/index.ts';
import { stageSatisfaction } from '../metrics/index.ts';
import { orgTimeZone } from '../orgs/index.ts';
import { periodsOf } from './periods.ts';

const STAGES = ['альфа', 'бета', 'гамма'];
/** Moscow month boundaries (21:00Z the day before) and a minute either side. */
const EDGES = ['2026-01-31T21:00:00Z', '2026-02-28T21:00:00Z', '2026-03-31T21:00:00Z'].flatMap(
  (b) => [-60_000, 0, 60_000].map((d) => Date.parse(b) + d),
);
const FIRST = Date.parse('2025-12-31T12:00:00Z');
const LAST = Date.parse('2026-04-30T12:00:00Z');
const SCALE = { nps: [0, 10], csat: [1, 5], ces: [1, 7] } as const;

const record = fc.record({
  client: fc.option(fc.nat(5), { freq: 5 }),
  stage: fc.option(fc.nat(2), { freq: 6 }),
  type: fc.constantFrom('nps', 'nps', 'csat', 'ces'),
  score: fc.nat(10),
  at: fc.oneof(
    fc.constantFrom(...EDGES),
    fc.integer({ min: FIRST / 60_000, max: LAST / 60_000 }).map((m) => m * 60_000),
  ),
});
type Rec = typeof record extends fc.Arbitrary<infer T> ? T : never;
const op = fc.oneof(
  { weight: 5, arbitrary: record.map((r) => ({ t: 'one' as const, r })) },
  {
    weight: 2,
    arbitrary: fc
      .array(record, { minLength: 1, maxLength: 8 })
      .map((rs) => ({ t: 'batch' as const, rs })),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant('regroup' as const),
      client: fc.nat(5),
      segment: fc.constantFrom('A', 'B', null),
      manager: fc.constantFrom(0, 1, null),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ t: fc.constant('merge' as const), from: fc.nat(2), into: fc.nat(2) }),
  },
  { weight: 1, arbitrary: fc.constant({ t: 'zone' as const }) },
);
const WINDOWS = [
  { period: 'month' as const, from: '2026-01-01', to: '2026-05-01' },
  { period: 'quarter' as const, from: '2026-01-01', to: '2026-04-01' },
  { period: 'month' as const, from: '2026-03-01', to: '2026-04-01' },
];

describe.each(testDialects())('the satisfaction rollup per client group on %s', (dialect) => {
  let t: TestApp;
  const clock = fixedClock('2026-06-01T00:00:00Z');
  beforeAll(async () => {
    t = await createTestApp({ dialect, clock });
  });
  afterAll(async () => t?.close());

  /** A fresh organisation in Moscow with two managers and six clients. */
  async function world() {
    const org = await createTestOrg(t.deps, 'Группы');
    const api = async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => {
      const res = await call(t.app, org.apiKey, { method, url, ...(payload ? { payload } : {}) });
      expect(res.statusCode, res.body).toBeLessThan(300);
      return res.json();
    };
    await api('PATCH', '/api/v1/org', { timeZone: 'Europe/Moscow' });
    for (const key of STAGES) await api('POST', '/api/v1/stages', { key });
    const admin = (await api('GET', '/api/v1/users')).items[0].id as string;
    const other = (
      await api('POST', '/api/v1/users', {
        email: `m${Date.now()}-${Math.random()}@example.com`,
        name: 'Менеджер',
        password: 'long-enough-pass',
      })
    ).id as string;
    const managers = [admin, other];
    const clients: string[] = [];
    for (let i = 0; i < 6; i++)
      clients.push(
        (
          await api('POST', '/api/v1/clients', {
            name: `К${i}`,
            ...(i % 3 ? { segment: i % 2 ? 'A' : 'B' } : {}),
            ...(i % 2 ? { managerId: managers[i % 4 === 1 ? 0 : 1] } : {}),
          })
        ).id,
      );
    const item = (r: Rec) => {
      const [min, max] = SCALE[r.type as keyof typeof SCALE];
      return {
        ...(r.client !== null ? { clientId: clients[r.client] } : {}),
        ...(r.stage !== null ? { stage: STAGES[r.stage] } : {}),
        score: { type: r.type, value: min + (r.score % (max - min + 1)) },
        receivedAt: new Date(r.at).toISOString(),
      };
    };
    const ctx = systemCtx(t.deps, org.orgId);
    return { api, ctx, managers, clients, item };
  }

  /** Every filter over every window: the group rollup answers, and as the scan does. */
  async function bothPaths(ctx: Ctx, managers: string[]) {
    const timeZone = await orgTimeZone(ctx);
    const filters = [
      { segment: 'A' },
      { segment: 'B' },
      { segment: 'C' },
      { managerId: managers[0] },
      { managerId: managers[1] },
      { segment: 'A', managerId: managers[0] },
      { segment: 'B', managerId: managers[1], stage: STAGES[0] },
    ];
    for (const w of WINDOWS) {
      const { periods } = periodsOf(w, timeZone, clock.now(), 1);
      const bounds = [...periods.map((p) => p.from), periods.at(-1)!.to];
      const months = { timeZone, periods: periods.map((p) => p.months) };
      for (const f of filters) {
        const rolled = await stageSatisfaction(ctx, { ...f, bounds, months });
        const scanned = await stageSatisfaction(ctx, { ...f, bounds });
        expect(Object.fromEntries(rolled), JSON.stringify(f)).toEqual(Object.fromEntries(scanned));
        const all = periods.flatMap((p) => p.months);
        const q = { ...f, fromMonth: all[0]!, toMonth: '2026-12', timeZone };
        expect(await scoreGroupsOf(ctx, q)).not.toBeNull();
      }
    }
  }

  const groupRows = async (orgId: string) =>
    (
      await t.deps.db
        .selectFrom('feedback_score_groups')
        .select(['segment', 'manager', 'month', 'stage', 'score_type', 'score_value', 'n'])
        .where('org_id', '=', orgId)
        .where('n', '<>', 0)
        .execute()
    )
      .map((r) => JSON.stringify({ ...r, score_value: Number(r.score_value), n: Number(r.n) }))
      .sort();

  it('gives the figures of the scan after regroups, merges and zone changes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 14 }), async (ops) => {
        const { api, ctx, managers, clients, item } = await world();
        let zone = 0;
        for (const o of ops) {
          if (o.t === 'one') await api('POST', '/api/v1/feedback', item(o.r));
          else if (o.t === 'batch')
            await api('POST', '/api/v1/feedback/batch', { items: o.rs.map(item) });
          else if (o.t === 'regroup')
            await api('PATCH', `/api/v1/clients/${clients[o.client]}`, {
              segment: o.segment,
              managerId: o.manager === null ? null : managers[o.manager],
            });
          else if (o.t === 'merge' && o.from !== o.into) {
            const stages = (await api('GET', '/api/v1/stages')).items as {
              id: string;
              key: string;
            }[];
            const from = stages.find((s) => s.key === STAGES[o.from]);
            const into = stages.find((s) => s.key === STAGES[o.into]);
            if (from && into)
              await api('POST', `/api/v1/stages/${from.id}/merge`, { intoId: into.id });
          } else if (o.t === 'zone') {
            // Half an hour off Moscow's boundaries, then back: every month is counted again.
            zone += 1;
            const timeZone = zone % 2 ? 'Asia/Kolkata' : 'Europe/Moscow';
            await api('PATCH', '/api/v1/org', { timeZone });
          }
        }
        await bothPaths(ctx, managers);
        const kept = await groupRows(ctx.orgId);
        await t.deps.db.transaction().execute((db) => rebuildScoreGroups({ db, orgId: ctx.orgId }));
        expect(await groupRows(ctx.orgId)).toEqual(kept);
      }),
      { numRuns: Number(process.env.ROLLUP_PROPERTY_RUNS ?? 6) },
    );
  });

  it('counts each record in its client group and moves it with the client', async () => {
    const { api, ctx, managers, clients, item } = await world();
    const nps = (client: number | null, score: number, at: number) =>
      item({ client, stage: 0, type: 'nps', score, at });
    // Client 1: segment A, the admin's; client 2: segment B, no manager; client 0: neither.
    await api('POST', '/api/v1/feedback/batch', {
      items: [nps(1, 10, EDGES[4]!), nps(1, 3, EDGES[3]!), nps(2, 9, EDGES[5]!)],
    });
    await api('POST', '/api/v1/feedback', nps(0, 0, EDGES[4]!));
    await api('POST', '/api/v1/feedback', nps(null, 8, EDGES[4]!));
    const q = { fromMonth: '2026-02', toMonth: '2026-04', timeZone: 'Europe/Moscow' };
    const rows = async (f: { segment?: string; managerId?: string }) =>
      (await scoreGroupsOf(ctx, { ...q, ...f }))!.map((r) => [r.month, r.score, r.count]).sort();
    // 28 February 23:59 in Moscow is February; 1 March 00:00 and 00:01 are March.
    expect(await rows({ segment: 'A' })).toEqual([
      ['2026-02', 3, 1],
      ['2026-03', 10, 1],
    ]);
    expect(await rows({ segment: 'B' })).toEqual([['2026-03', 9, 1]]);
    expect(await rows({ managerId: managers[0] })).toEqual([
      ['2026-02', 3, 1],
      ['2026-03', 10, 1],
    ]);
    expect(await rows({ managerId: managers[1] })).toEqual([]);
    // Client 1 moves to segment B under the other manager: both its records go with it.
    await api('PATCH', `/api/v1/clients/${clients[1]}`, {
      segment: 'B',
      managerId: managers[1],
    });
    expect(await rows({ segment: 'A' })).toEqual([]);
    expect(await rows({ segment: 'B' })).toEqual([
      ['2026-02', 3, 1],
      ['2026-03', 10, 1],
      ['2026-03', 9, 1],
    ]);
    expect(await rows({ segment: 'B', managerId: managers[1] })).toEqual([
      ['2026-02', 3, 1],
      ['2026-03', 10, 1],
    ]);
    expect(await rows({ managerId: managers[0] })).toEqual([]);
    // Another zone's months are never read.
    expect(await scoreGroupsOf(ctx, { ...q, timeZone: 'UTC', segment: 'B' })).toBeNull();
    await bothPaths(ctx, managers);
  });
});
