// npx tsx bench/stage-money.ts — times the scorecard's transactional layer alone (economics
// stageEconomics, ADR 014) on the data set bench/scorecard.ts left: a 12-month window by month
// (13 periods, as the scorecard asks), a 4-quarter window, with a segment, a manager and a stage
// filter. BENCH_DIR (SQLite file bench.db) or BENCH_PG=1 with BENCH_PG_NAME; BENCH_REQUESTS;
// BENCH_SCAN=1 times the scan of the transactions instead (the figures before the rollup);
// BENCH_CHECK=1 then compares both once per window; BENCH_WRITE=1 times what the rollup adds
// to a batch of 1000 new documents (rolled back).
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { systemCtx } from '../server/context.ts';
import { stageEconomics } from '../server/modules/economics/index.ts';
import { scanStageEconomics } from '../server/modules/economics/stage-figures.ts';
import { applyTransactionChanges } from '../server/modules/economics/rollups.service.ts';
import { openDeps, seeded, STAGES } from './scorecard-data.ts';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 20);
const PG_BASE = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const url =
  process.env.BENCH_PG === '1'
    ? PG_BASE.replace(/\/[^/]*$/, `/${process.env.BENCH_PG_NAME ?? 'cl_scorecard_bench'}`)
    : `sqlite:${join(process.env.BENCH_DIR ?? '/tmp/cl-scorecard-bench', 'bench.db')}`;

const months = (from: number, n: number, step: number) =>
  Array.from({ length: n + 1 }, (_, i) => {
    const m = from + i * step;
    return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-01`;
  });

const t0 = performance.now();
const deps = await openDeps(url); // migrates: 0035 fills the rollup from the transactions
console.log(`opened and migrated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
const org = await deps.db
  .selectFrom('orgs')
  .select('id')
  .where('name', '=', 'Бенчмарк карты')
  .executeTakeFirstOrThrow();
const admin = await deps.db
  .selectFrom('users')
  .select('id')
  .where('org_id', '=', org.id)
  .executeTakeFirstOrThrow();
const ctx = systemCtx(deps, org.id);
const byMonth = months(2025 * 12 + 10, 13, 1); // 2025-11 … 2026-11, next 2027-01
const cases: Record<string, Parameters<typeof stageEconomics>[1]> = {
  '12 months by month': { bounds: byMonth, next: '2027-01-01', today: '2026-12-04' },
  '4 quarters by quarter': {
    bounds: months(2025 * 12 + 6, 5, 3),
    next: '2027-01-01',
    today: '2026-12-04',
  },
  '12 months, one segment': {
    bounds: byMonth,
    next: '2027-01-01',
    today: '2026-12-04',
    segment: 'segment-1',
  },
  '12 months, one manager': {
    bounds: byMonth,
    next: '2027-01-01',
    today: '2026-12-04',
    managerId: admin.id,
  },
  '12 months, one stage': {
    bounds: byMonth,
    next: '2027-01-01',
    today: '2026-12-04',
    stage: 'support',
  },
};
console.log(`${url} load ${loadavg().map((x) => x.toFixed(2))}`);
for (const [name, q] of Object.entries(cases)) {
  const times: number[] = [];
  for (let i = 0; i < REQUESTS + 2; i++) {
    const t0 = performance.now();
    await (process.env.BENCH_SCAN === '1' ? scanStageEconomics : stageEconomics)(ctx, q);
    if (i >= 2) times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const p = (x: number) => times[Math.min(times.length - 1, Math.ceil(x * times.length) - 1)]!;
  console.log(`${name}: p50 ${p(0.5).toFixed(1)} ms, p95 ${p(0.95).toFixed(1)} ms`);
}
if (process.env.BENCH_WRITE === '1') {
  // What the rollup adds to a write: 1000 new documents of random clients (one batch), rolled back.
  const clients = (
    await deps.db.selectFrom('clients').select('id').where('org_id', '=', org.id).execute()
  ).map((c) => c.id);
  const r = seeded(7);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const whole: number[] = [];
  for (let round = 0; round < 12; round++) {
    const changes = Array.from({ length: 1000 }, () => {
      const date = `2026-${String(1 + Math.floor(r() * 11)).padStart(2, '0')}-1${Math.floor(r() * 9)}`;
      return {
        after: {
          client_id: pick(clients),
          kind: 'sale' as const,
          date,
          amount_minor: 1000,
          cost_minor: null,
          stage: r() < 0.8 ? pick(STAGES) : null,
          due_date: r() < 0.7 ? date : null,
          paid_at: r() < 0.5 ? date : null,
        },
      };
    });
    const t1 = performance.now();
    await deps.db
      .transaction()
      .execute(async (db) => {
        // Stage money reads the sale months the same call updates (ADR 014): timed as a whole.
        await applyTransactionChanges({ db, orgId: org.id }, changes);
        if (round > 1) whole.push(performance.now() - t1);
        throw new Error('rollback');
      })
      .catch(() => undefined);
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[5]!.toFixed(1);
  console.log(`a 1000-document batch: all rollups (stage money included) ${median(whole)} ms`);
}
if (process.env.BENCH_CHECK === '1')
  for (const [name, q] of Object.entries(cases)) {
    const a = JSON.stringify([...(await stageEconomics(ctx, q))].sort());
    const b = JSON.stringify([...(await scanStageEconomics(ctx, q))].sort());
    console.log(`${name}: rollup ${a === b ? 'equals' : 'DIFFERS FROM'} the scan`);
  }
await deps.db.destroy();
