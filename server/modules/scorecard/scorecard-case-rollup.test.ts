// Issue 16 / ADR 015: the scorecard's case metrics read from the cases module's rollup give what
// the cases themselves give (caseFigures over listCaseFacts) — random cases opened, answered,
// resolved, reopened and closed around Moscow's month boundaries, windows by month and by quarter
// ending before, at and after now, on both dialects — whether the figures are still dirty (the
// reader computes them) or the worker's sweep has computed them, after the time zone changes
// (counted again) and after two stages are merged.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ctxFor, type Ctx } from '../../context.ts';
import { fixedClock } from '../../lib/clock.ts';
import { call, createTestApp, createTestOrg, type TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { caseRollupFigures, listCaseFacts, sweepCaseRollup } from '../cases/index.ts';
import { orgTimeZone } from '../orgs/index.ts';
import { caseFigures } from './case-figures.ts';
import { CASE_METRIC_KEYS } from './metric-keys.ts';
import { periodsOf } from './periods.ts';

const STAGES = ['альфа', 'бета'];
const MOVES = ['in_progress', 'resolved', 'in_progress', 'resolved', 'closed'];
/** Moscow month boundaries (21:00Z the day before) and a minute either side. */
const EDGES = ['2026-01-31T21:00:00Z', '2026-02-28T21:00:00Z', '2026-03-31T21:00:00Z'].flatMap(
  (b) => [-60_000, 0, 60_000].map((d) => Date.parse(b) + d),
);
const FIRST = Date.parse('2026-01-20T12:00:00Z');
const LAST = Date.parse('2026-04-20T12:00:00Z');
const minute = fc.integer({ min: FIRST / 60_000, max: LAST / 60_000 }).map((m) => m * 60_000);

const NOW = ['2026-03-15T10:00:00Z', '2026-04-30T21:30:00Z', '2026-06-10T00:00:00Z'];
/** A few hours before each now: cases due after it (not due yet, taken away at reading). */
const RECENT = NOW.map((n) => Date.parse(n) - 3 * 3_600_000);
const caseArb = fc.record({
  stage: fc.constantFrom(0, 1),
  at: fc.oneof(fc.constantFrom(...EDGES), fc.constantFrom(...RECENT), minute),
  moves: fc.array(fc.integer({ min: 10, max: 20 * 24 * 60 }), { maxLength: 5 }),
});
type CaseSpec = { stage: number; at: number; moves: number[] };
const WINDOWS = [
  { period: 'month' as const, from: '2026-01-01', to: '2026-06-01' },
  { period: 'quarter' as const, from: '2026-01-01', to: '2026-07-01' },
  { period: 'month' as const, from: '2026-03-01', to: '2026-04-01' },
];

describe.each(testDialects())('the case rollup on %s', (dialect) => {
  let t: TestApp;
  const clock = fixedClock('2026-01-01T00:00:00Z');
  beforeAll(async () => {
    t = await createTestApp({ dialect, clock });
  });
  afterAll(async () => t?.close());

  async function world(cases: CaseSpec[], now: number) {
    clock.set(new Date(FIRST - 86_400_000));
    const org = await createTestOrg(t.deps, 'Свёртка случаев');
    const api = async (method: 'POST' | 'PATCH', url: string, payload: object) => {
      const res = await call(t.app, org.apiKey, { method, url, payload });
      expect(res.statusCode, res.body).toBeLessThan(300);
      return res.json();
    };
    await api('PATCH', '/api/v1/org', { timeZone: 'Europe/Moscow' });
    // Cases get due times (the SLA share) and business minutes (the medians).
    const day = [['09:00', '18:00']];
    await api('POST', '/api/v1/sla-policies', {
      name: 'Рабочие часы',
      firstResponseMinutes: 240,
      resolutionMinutes: 1080,
      timeZone: 'Europe/Moscow',
      businessHours: { 1: day, 2: day, 3: day, 4: day, 5: day },
      holidays: ['2026-03-09'],
      isDefault: true,
    });
    const stageIds: string[] = [];
    for (const key of STAGES) stageIds.push((await api('POST', '/api/v1/stages', { key })).id);
    const events: { at: number; run: () => Promise<unknown> }[] = [];
    // Nothing is dated after now: the clock only moves forward.
    for (const c of cases.filter((x) => x.at < now)) {
      let id = '';
      events.push({
        at: c.at,
        run: async () =>
          (id = (await api('POST', '/api/v1/cases', { title: 'случай', stage: STAGES[c.stage] }))
            .id),
      });
      let at = c.at;
      for (const [i, delay] of c.moves.entries()) {
        at += delay * 60_000;
        if (at < now)
          events.push({
            at,
            run: () => api('PATCH', `/api/v1/cases/${id}`, { status: MOVES[i] }),
          });
      }
    }
    for (const e of events.sort((a, b) => a.at - b.at)) {
      clock.set(new Date(e.at));
      await e.run();
    }
    clock.set(new Date(now));
    const ctx = ctxFor(t.deps, { type: 'system', id: null, orgId: org.orgId, role: 'admin' });
    return { api, ctx, stageIds };
  }

  /** Rollup and cases give the same figures for every window, stage and period. */
  async function bothPaths(ctx: Ctx) {
    const timeZone = await orgTimeZone(ctx);
    const now = clock.now();
    for (const w of WINDOWS) {
      const { periods } = periodsOf(w, timeZone, now, 1);
      const window = { from: periods[0]!.from, to: periods.at(-1)!.to };
      const rolled = await caseRollupFigures(ctx, { periods, now: now.toISOString(), timeZone });
      expect(rolled).not.toBeNull();
      const facts = await listCaseFacts(ctx, window);
      for (const stage of STAGES)
        periods.forEach((p, i) => {
          const live = caseFigures(
            facts.filter((c) => c.stage === stage),
            p,
            now.toISOString(),
          );
          const row = rolled!.get(stage)?.[i];
          const got = row && {
            'cases.ack_minutes': row.ack,
            'cases.resolve_minutes': row.resolve,
            'cases.reopen_rate': row.reopen,
            'cases.sla_breach_share': row.sla,
            'cases.backlog': row.backlog,
          };
          for (const m of CASE_METRIC_KEYS)
            expect(
              got?.[m] ?? caseFigures([], p, now.toISOString())[m],
              `${stage} ${p.label} ${m}`,
            ).toEqual(live[m]);
        });
    }
  }

  const drain = async () => {
    while ((await sweepCaseRollup(t.deps)) > 0);
  };

  it('gives the figures of the cases, dirty or swept, across a zone change and a merge', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(caseArb, { maxLength: 6 }),
        fc.constantFrom(...NOW),
        async (cases, nowIso) => {
          const { api, ctx, stageIds } = await world(cases, Date.parse(nowIso));
          await bothPaths(ctx); // figures still dirty: the reader computes them
          await drain();
          await bothPaths(ctx); // as the worker computed them
          await api('PATCH', '/api/v1/org', { timeZone: 'Asia/Kolkata' });
          await bothPaths(ctx);
          await api('POST', `/api/v1/stages/${stageIds[1]}/merge`, { intoId: stageIds[0] });
          await bothPaths(ctx);
          await drain();
          await bothPaths(ctx);
        },
      ),
      { numRuns: Number(process.env.ROLLUP_PROPERTY_RUNS ?? 8) },
    );
  });
});
