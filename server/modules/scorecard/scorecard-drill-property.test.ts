// Issue 16's Done-when, as a property over random worlds (scorecard-drill-world.fixtures.ts) on
// both dialects: for every metric of every stage of the scorecard — by month and by quarter,
// unfiltered and narrowed to a segment — its drill-down, followed through all its pages, lists
// exactly as many rows as the metric's `n` (Σ count for eNPS; none when n is null, and none of a
// hidden eNPS cell; competency coverage has no drill-down at all), and where the rows determine
// the value, they give the scorecard's value.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../lib/clock.ts';
import {
  call,
  createTestApp,
  createTestOrg,
  type TestApp,
  type TestOrg,
} from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import type { LayerMetricOut, ScorecardOut } from '../../../shared/api/scorecard-layers.ts';
import { valueFromRows } from './scorecard-drill-recompute.fixtures.ts';
import { drillAll } from './scorecard-drill.fixtures.ts';
import { loadWorld, worldArb } from './scorecard-drill-world.fixtures.ts';

const PUBLIC_URL = 'https://cx.example.ru';
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const SEGMENT = `&segment=${encodeURIComponent('опт')}`;
/** Windows whose last period is January, February, March and the first quarter. */
const QUERIES = [
  'period=month&from=2026-01-01&to=2026-02-01',
  'period=month&from=2026-02-01&to=2026-03-01',
  'period=month&from=2026-03-01&to=2026-04-01',
  'period=quarter&from=2026-01-01&to=2026-04-01',
  `period=month&from=2026-02-01&to=2026-03-01${SEGMENT}`,
  `period=quarter&from=2026-01-01&to=2026-04-01${SEGMENT}`,
];
const RUNS = Number(process.env.DRILL_PROPERTY_RUNS ?? 8);

describe.each(testDialects())('the drill-down property on %s', (dialect) => {
  let t: TestApp;
  const clock = fixedClock('2026-01-01T00:00:00Z');
  beforeAll(async () => {
    t = await createTestApp({
      dialect,
      clock,
      env: { PUBLIC_URL, RATE_LIMIT_PUBLIC_PER_MINUTE: '100000' },
    });
  });
  afterAll(async () => t?.close());

  it('lists, for every scorecard number, exactly the rows it counts and the value they give', async () => {
    const seen: Record<string, number> = {};
    let drills = 0;
    await fc.assert(
      fc.asyncProperty(worldArb, fc.integer({ min: 2, max: 6 }), async (world, limit) => {
        const org: TestOrg = await createTestOrg(t.deps, 'Мир');
        const api = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
          call(t.app, org.apiKey, { method, url, ...(payload ? { payload } : {}) });
        const post = (path: string, fields: Record<string, string>) =>
          t.app.inject({
            method: 'POST',
            url: path,
            headers: FORM,
            payload: new URLSearchParams(fields).toString(),
          });
        await loadWorld({ api, post, clock, publicUrl: PUBLIC_URL }, world);
        for (const query of QUERIES) {
          const res = await api('GET', `/api/v1/scorecard?${query}`);
          expect(res.statusCode, res.body).toBe(200);
          const card = res.json() as ScorecardOut;
          for (const stage of card.stages)
            for (const m of Object.values(stage.layers).flat() as LayerMetricOut[]) {
              const label = `${query} ${stage.key} ${m.metric}`;
              // Competency coverage has no drill-down by design (scorecard/employee-layer.ts): its
              // rows are assessments, 360 answers among them, which are never listed one by one.
              if (m.metric === 'competency_coverage') {
                expect(m.drill, label).toBeNull();
                continue;
              }
              expect(m.drill, label).not.toBeNull();
              const { first, items } = await drillAll((u) => api('GET', u), m.drill!, limit);
              drills += 1;
              const rows =
                first.kind === 'enps_counts'
                  ? items.reduce((s, i) => s + i.count!, 0)
                  : items.length;
              if (first.kind === 'enps_counts' && m.value === null) {
                // A hidden cell (or none): its number of answers, and not one row about them.
                expect(items, label).toEqual([]);
                expect(first.total, label).toBe(m.n ?? 0);
                continue;
              }
              expect(rows, label).toBe(m.n ?? 0);
              expect(first.total, label).toBe(rows);
              if (rows > 0) seen[first.kind] = (seen[first.kind] ?? 0) + 1;
              const value = valueFromRows(m.metric, items);
              if (value !== undefined) expect(m.value, label).toBe(value);
              else expect(m.value, label).toBe(m.n);
            }
        }
      }),
      { numRuns: RUNS },
    );
    // The worlds were not empty: the kinds that random data always reaches had rows to check.
    for (const kind of ['feedback', 'transactions', 'cases', 'calls', 'kpi_values'])
      expect(seen[kind] ?? 0, kind).toBeGreaterThan(0);
    expect(drills).toBeGreaterThan(RUNS * QUERIES.length * 2 * 18);
  }, 600_000);
});
