// npx tsx bench/scorecard-cpu.ts — the CPU one scorecard request costs, on a shared machine where
// wall-clock latency mostly measures the other processes: Node's own CPU (process.cpuUsage) and
// the PostgreSQL backends' CPU (utime + stime of the database's backends in /proc, so PostgreSQL
// must run on this machine and the database must serve nobody else), per request, for the
// 12-month window by month (BENCH_QUERY adds e.g. `segment=segment-1`). Over BENCH_REQUESTS
// requests after 3 warm-up, in process (no HTTP), on the database a run of bench/scorecard.ts
// left (BENCH_PG_URL).
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { ctxFor } from '../server/context.ts';
import { getScorecard } from '../server/modules/scorecard/index.ts';
import { openDeps } from './scorecard-data.ts';

const URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/cl_scorecard_bench';
const RUNS = Number(process.env.BENCH_REQUESTS ?? 20);
const extra = Object.fromEntries(new URLSearchParams(process.env.BENCH_QUERY ?? ''));
const TICK_MS = 10; // USER_HZ = 100 on Linux

const deps = await openDeps(URL);
const org = await deps.db
  .selectFrom('orgs')
  .select('id')
  .where('name', '=', 'Бенчмарк карты')
  .executeTakeFirstOrThrow();
const ctx = ctxFor(deps, { type: 'system', id: null, orgId: org.id, role: 'admin' });
const q = { period: 'month' as const, from: '2025-12-01', to: '2026-12-01', ...extra };
const dbName = new globalThis.URL(URL).pathname.slice(1);

/** CPU milliseconds of every backend connected to the database now. */
async function backendsCpu(): Promise<number> {
  const { rows } = await sql<{
    pid: number;
  }>`select pid from pg_stat_activity where datname = ${dbName}`.execute(deps.db);
  let ticks = 0;
  for (const { pid } of rows) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // a backend that ended meanwhile
    }
  }
  return ticks * TICK_MS;
}

for (let i = 0; i < 3; i++) await getScorecard(ctx, q);
const pg0 = await backendsCpu();
const node0 = process.cpuUsage();
const t0 = performance.now();
for (let i = 0; i < RUNS; i++) await getScorecard(ctx, q);
const wall = (performance.now() - t0) / RUNS;
const node = process.cpuUsage(node0);
const pgMs = ((await backendsCpu()) - pg0) / RUNS;
const nodeMs = (node.user + node.system) / 1000 / RUNS;
console.log(
  `per request: Node CPU ${nodeMs.toFixed(1)} ms, PostgreSQL CPU ${pgMs.toFixed(1)} ms, ` +
    `wall ${wall.toFixed(1)} ms (query ${JSON.stringify(extra)})`,
);
await deps.dbHandle.close();
