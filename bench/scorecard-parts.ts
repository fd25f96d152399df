// npm run bench:scorecard-parts — where a scorecard request spends its time: each source of the
// four layers (as layers.service.ts loads them) timed alone, in process, on the database a run of
// bench/scorecard.ts left (BENCH_DIR for SQLite, or BENCH_PG_URL to the PostgreSQL one), for the
// 12-month window by month. Median of BENCH_REQUESTS runs after one warm-up.
import { join } from 'node:path';
import { ctxFor } from '../server/context.ts';
import { caseRollupFigures } from '../server/modules/cases/index.ts';
import { stageEconomics } from '../server/modules/economics/index.ts';
import { stageSatisfaction } from '../server/modules/metrics/index.ts';
import { orgTimeZone } from '../server/modules/orgs/index.ts';
import { employeeScorecard } from '../server/modules/pulse/index.ts';
import {
  getOperationsScorecard,
  getScorecard,
  periodsOf,
} from '../server/modules/scorecard/index.ts';
import { listStageTargets } from '../server/modules/stages/index.ts';
import { stageResponseRates } from '../server/modules/surveys/index.ts';
import { phoneMetricsByPeriod } from '../server/modules/telephony/index.ts';
import { openDeps } from './scorecard-data.ts';

const DIR = process.env.BENCH_DIR ?? '/tmp/cl-scorecard-bench';
const URL = process.env.BENCH_PG_URL ?? `sqlite:${join(DIR, 'bench.db')}`;
const RUNS = Number(process.env.BENCH_REQUESTS ?? 5);

const deps = await openDeps(URL);
const org = await deps.db
  .selectFrom('orgs')
  .select('id')
  .where('name', '=', 'Бенчмарк карты')
  .executeTakeFirstOrThrow();
const ctx = ctxFor(deps, { type: 'system', id: null, orgId: org.id, role: 'admin' });
const q = { period: 'month' as const, from: '2025-12-01', to: '2026-12-01' };
const timeZone = await orgTimeZone(ctx);
const now = ctx.clock.now();
const { periods, toDate } = periodsOf(q, timeZone, now, 1);
const instants = [...periods.map((p) => p.from), periods.at(-1)!.to];
const days = [...periods.map((p) => p.firstDay), periods.at(-1)!.nextDay];
const today = now.toISOString().slice(0, 10);

const parts: Record<string, () => Promise<unknown>> = {
  'stage targets': () => listStageTargets(ctx),
  satisfaction: () =>
    stageSatisfaction(ctx, {
      bounds: instants,
      months: { timeZone, periods: periods.map((p) => p.months) },
    }),
  'response rates': () => stageResponseRates(ctx, { bounds: instants }),
  'transactional (stageEconomics)': () =>
    stageEconomics(ctx, { bounds: days, next: '2027-01-01', today }),
  'cases (rollup)': () => caseRollupFigures(ctx, { periods, now: now.toISOString(), timeZone }),
  'calls (rollup)': () => phoneMetricsByPeriod(ctx, { timeZone, periods }),
  'operations (cases, calls, KPIs)': () =>
    getOperationsScorecard(ctx, { period: 'month', from: periods[0]!.firstDay, to: toDate }),
  'employee (eNPS)': () =>
    employeeScorecard(ctx, { period: 'month', from: periods[0]!.firstDay, to: toDate }),
  'the whole scorecard': () => getScorecard(ctx, q),
};
const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY) : undefined;
for (const [name, run] of Object.entries(parts)) {
  if (only && !only.test(name)) continue;
  await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(`${name.padEnd(34)} median ${times[Math.floor(times.length / 2)]!.toFixed(1)} ms`);
}
await deps.dbHandle.close();
