// Issue 16 / ADR 013: the scorecard's satisfaction layer read from feedback's monthly rollup gives
// what the scan of the records gives — on random records around Moscow's month boundaries, by
// month and by quarter, on both dialects — and stays right when the organisation's time zone
// changes (counted again in the new zone; a rollup of another zone is never read) and when two
// stages are merged. Feedback records are never edited; an admin's deletion (issue 19) takes its
// count back (feedback/feedback-deletion.test.ts holds that to a fresh recount).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ctxFor, type Ctx } from '../../context.ts';
import { fixedClock } from '../../lib/clock.ts';
import { call, createTestApp, createTestOrg, type TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { scoreMonthsOf } from '../feedback/index.ts';
import { stageSatisfaction } from '../metrics/index.ts';
import { orgTimeZone } from '../orgs/index.ts';
import { periodsOf } from './periods.ts';

const STAGES = ['альфа', 'бета'];
/** Moscow month boundaries (21:00Z the day before) and a minute either side. */
const EDGES = ['2026-01-31T21:00:00Z', '2026-02-28T21:00:00Z', '2026-03-31T21:00:00Z'].flatMap(
  (b) => [-60_000, 0, 60_000].map((d) => Date.parse(b) + d),
);
const FIRST = Date.parse('2025-12-31T12:00:00Z');
const LAST = Date.parse('2026-04-30T12:00:00Z');
const SCALE = { nps: [0, 10], csat: [1, 5], ces: [1, 7] } as const;

const recordArb = fc.record({
  stage: fc.option(fc.constantFrom(0, 1), { freq: 6 }),
  type: fc.constantFrom('nps', 'nps', 'csat', 'ces'),
  score: fc.nat(10),
  at: fc.oneof(
    fc.constantFrom(...EDGES),
    fc.integer({ min: FIRST / 60_000, max: LAST / 60_000 }).map((m) => m * 60_000),
  ),
});
type Rec = { stage: number | null; type: string; score: number; at: number };
const WINDOWS = [
  { period: 'month' as const, from: '2026-01-01', to: '2026-05-01' },
  { period: 'quarter' as const, from: '2026-01-01', to: '2026-04-01' },
  { period: 'month' as const, from: '2026-03-01', to: '2026-04-01' },
];

describe.each(testDialects())('the satisfaction rollup on %s', (dialect) => {
  let t: TestApp;
  const clock = fixedClock('2026-06-01T00:00:00Z');
  beforeAll(async () => {
    t = await createTestApp({ dialect, clock });
  });
  afterAll(async () => t?.close());

  async function world(records: Rec[]) {
    const org = await createTestOrg(t.deps, 'Свёртка');
    const api = async (method: 'POST' | 'PATCH', url: string, payload: object) => {
      const res = await call(t.app, org.apiKey, { method, url, payload });
      expect(res.statusCode, res.body).toBeLessThan(300);
      return res.json();
    };
    await api('PATCH', '/api/v1/org', { timeZone: 'Europe/Moscow' });
    const stageIds: string[] = [];
    for (const key of STAGES) stageIds.push((await api('POST', '/api/v1/stages', { key })).id);
    for (const r of records) {
      const [min, max] = SCALE[r.type as keyof typeof SCALE];
      await api('POST', '/api/v1/feedback', {
        ...(r.stage !== null ? { stage: STAGES[r.stage] } : {}),
        score: { type: r.type, value: min + (r.score % (max - min + 1)) },
        receivedAt: new Date(r.at).toISOString(),
      });
    }
    const ctx = ctxFor(t.deps, { type: 'system', id: null, orgId: org.orgId, role: 'admin' });
    return { org, api, ctx, stageIds };
  }

  /**
   * Rollup path and scan path of each window, in `timeZone`; the rollup must have answered when
   * `counted` (an organisation whose intake never counted a record has none: the scan answers).
   */
  async function bothPaths(ctx: Ctx, timeZone: string, counted = true) {
    for (const w of WINDOWS) {
      const { periods } = periodsOf(w, timeZone, clock.now(), 1);
      const bounds = [...periods.map((p) => p.from), periods.at(-1)!.to];
      const months = { timeZone, periods: periods.map((p) => p.months) };
      const rolled = await stageSatisfaction(ctx, { bounds, months });
      const scanned = await stageSatisfaction(ctx, { bounds });
      expect(Object.fromEntries(rolled)).toEqual(Object.fromEntries(scanned));
      const all = periods.flatMap((p) => p.months);
      const rows = await scoreMonthsOf(ctx, {
        fromMonth: all[0]!,
        toMonth: '2026-12',
        timeZone,
      });
      if (counted) expect(rows).not.toBeNull();
    }
  }

  it('gives the figures of the scan, before and after the time zone changes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(recordArb, { maxLength: 25 }), async (records) => {
        const { api, ctx } = await world(records);
        await bothPaths(
          ctx,
          'Europe/Moscow',
          records.some((r) => r.stage !== null),
        );
        // Half an hour off Moscow's boundaries: every month is counted again.
        await api('PATCH', '/api/v1/org', { timeZone: 'Asia/Kolkata' });
        // As the organisation stores it (the zone's canonical name).
        await bothPaths(ctx, await orgTimeZone(ctx));
      }),
      { numRuns: Number(process.env.ROLLUP_PROPERTY_RUNS ?? 6) },
    );
  });

  it('is not read when it was counted in another zone, and follows a merge of stages', async () => {
    const records = [
      { stage: 0, type: 'nps', score: 10, at: EDGES[4]! }, // 1 March 00:00 in Moscow
      { stage: 0, type: 'nps', score: 3, at: EDGES[3]! }, // 28 February 23:59 in Moscow
      { stage: 1, type: 'nps', score: 9, at: EDGES[5]! },
      { stage: 1, type: 'csat', score: 4, at: EDGES[5]! },
    ];
    const { api, ctx, stageIds } = await world(records);
    const q = { fromMonth: '2026-02', toMonth: '2026-04', timeZone: 'Europe/Moscow' };
    const rows = (await scoreMonthsOf(ctx, q))!.map((r) => [r.month, r.stage, r.score, r.count]);
    expect(rows.sort()).toEqual([
      ['2026-02', 'альфа', 3, 1],
      ['2026-03', 'альфа', 10, 1],
      ['2026-03', 'бета', 5, 1], // csat 1 + 4 % 5
      ['2026-03', 'бета', 9, 1],
    ]);
    expect(await scoreMonthsOf(ctx, { ...q, timeZone: 'UTC' })).toBeNull();
    await api('POST', `/api/v1/stages/${stageIds[1]}/merge`, { intoId: stageIds[0] });
    const merged = (await scoreMonthsOf(ctx, q))!.map((r) => [r.month, r.stage, r.score, r.count]);
    expect(merged.sort()).toEqual([
      ['2026-02', 'альфа', 3, 1],
      ['2026-03', 'альфа', 10, 1],
      ['2026-03', 'альфа', 5, 1],
      ['2026-03', 'альфа', 9, 1],
    ]);
    await bothPaths(ctx, 'Europe/Moscow');
  });
});
