// Issue 20 / ADR 020: the satisfaction report and the overview read feedback's report counts
// (whole months and days of the organisation's zone, partial days scanned) and give what the
// scan of the records gives. Random histories — records of random clients, stages and channels
// around Moscow's day and month boundaries, one by one and in batches; deletions; clients moved
// to another segment; stages merged; the time zone changed — then every grouping, filter and
// window (whole months, whole days, arbitrary instants) must agree on both dialects, and a
// rebuild from the records must give the same rows. A hand-made example pins the figures.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx, type Ctx } from '../../context.ts';
import { fixedClock } from '../../lib/clock.ts';
import { call, createTestApp, createTestOrg, type TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { rebuildReportCounts } from '../feedback/index.ts';
import { orgTimeZone } from '../orgs/index.ts';
import * as repo from './metrics.repo.ts';
import { reportWindow } from './report-window.ts';
import { countScoresFromCounts, windowPieces } from './report-counts.ts';
import { SCALES, type SatisfactionMetric } from './satisfaction.ts';

const STAGES = ['альфа', 'бета', 'гамма'];
const CHANNELS = ['api', 'email', 'survey'] as const;
/** Moscow day and month boundaries (21:00Z), UTC midnights, and a minute either side. */
const EDGES = [
  '2026-01-31T21:00:00Z',
  '2026-02-01T00:00:00Z',
  '2026-02-14T21:00:00Z',
  '2026-02-28T21:00:00Z',
  '2026-03-01T00:00:00Z',
  '2026-03-31T21:00:00Z',
].flatMap((b) => [-60_000, 0, 60_000].map((d) => Date.parse(b) + d));
const FIRST = Date.parse('2026-01-20T12:00:00Z');
const LAST = Date.parse('2026-04-10T12:00:00Z');
const SCALE = { nps: [0, 10], csat: [1, 5], ces: [1, 7] } as const;

const record = fc.record({
  client: fc.option(fc.nat(3), { freq: 5 }),
  stage: fc.option(fc.nat(2), { freq: 4 }),
  channel: fc.nat(2),
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
  { weight: 2, arbitrary: fc.record({ t: fc.constant('delete' as const), i: fc.nat(30) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('regroup' as const),
      client: fc.nat(3),
      segment: fc.constantFrom('A', 'B', null),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ t: fc.constant('merge' as const), from: fc.nat(2), into: fc.nat(2) }),
  },
  { weight: 1, arbitrary: fc.constant({ t: 'zone' as const }) },
);
/** Whole Moscow months, whole days, instants on no boundary, a window inside one day. */
const WINDOWS = [
  { from: '2026-02-01', to: '2026-04-01' },
  { from: '2026-02-01', to: '2026-03-01' },
  { from: '2026-01-25', to: '2026-03-02' },
  { from: '2026-02-10', to: '2026-02-20' },
  { from: '2026-01-28T13:17:00Z', to: '2026-03-03T05:00:00Z' },
  { from: '2026-02-27T13:17:00Z', to: '2026-03-16T21:00:00+03:00' },
  { from: '2026-02-14T10:00:00Z', to: '2026-02-14T20:00:00Z' },
];
const GROUPS = [undefined, 'month', 'stage', 'channel', 'segment'] as const;
const FILTERS = [
  {},
  { stage: STAGES[0] },
  { channel: 'email' },
  { segment: 'A' },
  { segment: 'B', stage: STAGES[1] },
];

/** Histograms as sorted "type|group|score=count" lines, zero counts dropped. */
function lines(
  rows: Array<{ scoreType?: string; groupKey: string | null; score: number; count: number }>,
) {
  const sums = new Map<string, number>();
  for (const r of rows) {
    const k = `${r.scoreType ?? ''}|${r.groupKey}|${r.score}`;
    sums.set(k, (sums.get(k) ?? 0) + r.count);
  }
  return [...sums]
    .filter(([, n]) => n !== 0)
    .map(([k, n]) => `${k}=${n}`)
    .sort();
}

describe.each(testDialects())('the satisfaction report counts on %s', (dialect) => {
  let t: TestApp;
  const clock = fixedClock('2026-06-01T00:00:00Z');
  beforeAll(async () => {
    t = await createTestApp({ dialect, clock });
  });
  afterAll(async () => t?.close());

  async function world() {
    const org = await createTestOrg(t.deps, 'Отчёт');
    const api = async (
      method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
      url: string,
      payload?: object,
    ) => {
      const res = await call(t.app, org.apiKey, { method, url, ...(payload ? { payload } : {}) });
      expect(res.statusCode, res.body).toBeLessThan(300);
      return res.statusCode === 204 ? null : res.json();
    };
    await api('PATCH', '/api/v1/org', { timeZone: 'Europe/Moscow' });
    for (const key of STAGES) await api('POST', '/api/v1/stages', { key });
    const clients: string[] = [];
    for (let i = 0; i < 4; i++)
      clients.push(
        (
          await api('POST', '/api/v1/clients', {
            name: `К${i}`,
            ...(i ? { segment: i % 2 ? 'A' : 'B' } : {}),
          })
        ).id,
      );
    const item = (r: Rec) => {
      const [min, max] = SCALE[r.type as keyof typeof SCALE];
      return {
        ...(r.client !== null ? { clientId: clients[r.client] } : {}),
        ...(r.stage !== null ? { stage: STAGES[r.stage] } : {}),
        channel: CHANNELS[r.channel],
        score: { type: r.type, value: min + (r.score % (max - min + 1)) },
        receivedAt: new Date(r.at).toISOString(),
      };
    };
    return { api, ctx: systemCtx(t.deps, org.orgId), clients, item };
  }

  /** Every grouping × filter × window × metric, and the overview's three at once: counts = scan. */
  async function bothPaths(ctx: Ctx) {
    const timeZone = await orgTimeZone(ctx);
    for (const w of WINDOWS) {
      const window = reportWindow(clock.now(), timeZone, w.from, w.to);
      // NPS under every grouping and filter; CSAT and CES ungrouped and unfiltered.
      const cases = [
        ...GROUPS.flatMap((groupBy) =>
          FILTERS.map((f) => ({ metric: 'nps' as const, groupBy, f })),
        ),
        { metric: 'csat' as const, groupBy: undefined, f: {} },
        { metric: 'ces' as const, groupBy: 'stage' as const, f: {} },
      ];
      for (const { metric, groupBy, f } of cases) {
        const q = { ...f, ...window, groupBy };
        const counted = await countScoresFromCounts(ctx, timeZone, {
          ...q,
          scoreTypes: [metric],
        });
        const scanned = await repo.countScoresByGroup(ctx.db, ctx.orgId, {
          ...q,
          scoreType: metric,
          range: SCALES[metric],
        });
        if (windowPieces(window, timeZone) === null) expect(counted).toBeNull();
        else
          expect(lines(counted!), JSON.stringify({ w, metric, groupBy, f })).toEqual(
            lines(scanned.map((r) => ({ ...r, scoreType: metric }))),
          );
      }
      const scoreTypes: SatisfactionMetric[] = ['nps', 'csat', 'ces'];
      const counted = await countScoresFromCounts(ctx, timeZone, { ...window, scoreTypes });
      const scanned = await repo.countScoresByType(ctx.db, ctx.orgId, { ...window, scoreTypes });
      if (counted !== null)
        expect(lines(counted)).toEqual(lines(scanned.map((r) => ({ ...r, groupKey: null }))));
    }
  }

  const rowsOf = async (orgId: string) => {
    const months = await t.deps.db
      .selectFrom('feedback_report_months')
      .select(['month', 'utc_month', 'stage', 'channel', 'score_type', 'score_value', 'n'])
      .where('org_id', '=', orgId)
      .execute();
    const segments = await t.deps.db
      .selectFrom('feedback_report_segments')
      .select(['month', 'segment', 'utc_month', 'stage', 'channel', 'score_type', 'score_value'])
      .select('n')
      .where('org_id', '=', orgId)
      .execute();
    const days = await t.deps.db
      .selectFrom('feedback_report_days')
      .select(['day', 'utc_month', 'stage', 'channel', 'score_type', 'score_value', 'n'])
      .where('org_id', '=', orgId)
      .execute();
    return [...months, ...segments, ...days]
      .map((r) => JSON.stringify({ ...r, score_value: Number(r.score_value), n: Number(r.n) }))
      .sort();
  };

  it('gives the figures of the scan after deletions, regroups, merges and zone changes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 14 }), async (ops) => {
        const { api, ctx, clients, item } = await world();
        const ids: string[] = [];
        let zone = 0;
        for (const o of ops) {
          if (o.t === 'one') ids.push((await api('POST', '/api/v1/feedback', item(o.r))).id);
          else if (o.t === 'batch')
            await api('POST', '/api/v1/feedback/batch', { items: o.rs.map(item) });
          else if (o.t === 'delete' && ids.length > 0)
            await api('DELETE', `/api/v1/feedback/${ids.splice(o.i % ids.length, 1)[0]}`);
          else if (o.t === 'regroup')
            await api('PATCH', `/api/v1/clients/${clients[o.client]}`, { segment: o.segment });
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
            zone += 1;
            await api('PATCH', '/api/v1/org', {
              timeZone: zone % 2 ? 'Asia/Kolkata' : 'Europe/Moscow',
            });
          }
        }
        await bothPaths(ctx);
        const kept = await rowsOf(ctx.orgId);
        expect(kept.every((r) => !r.includes('"n":0'))).toBe(true);
        await t.deps.db
          .transaction()
          .execute((db) => rebuildReportCounts({ db, orgId: ctx.orgId }));
        expect(await rowsOf(ctx.orgId)).toEqual(kept);
      }),
      { numRuns: Number(process.env.ROLLUP_PROPERTY_RUNS ?? 5) },
    );
  }, 300_000);
});
