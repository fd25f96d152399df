// npm run bench: intake (single and batch, against the naive baseline) and acknowledgement
// latency; SQLite always, PostgreSQL with BENCH_PG=1. Prints a table and writes JSON to
// bench/results/. Options: BENCH_SECONDS (10), BENCH_ROUNDS (3), BENCH_CONNECTIONS (50).
import { execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { benchAckLatency } from './ack-latency.ts';
import { benchIntake } from './intake.ts';
import { dropBenchDatabases, freshPgDatabase } from './lib.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);

const machine = {
  cpus: cpus().length,
  cpu: cpus()[0]?.model,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  load: execSync('cat /proc/loadavg').toString().trim(),
};
const results: Record<string, unknown> = {
  at: new Date().toISOString(),
  machine,
  settings: { seconds, rounds, connections },
};

const freshSqlite = async () =>
  `sqlite:${join(mkdtempSync(join(tmpdir(), 'cl-bench-')), 'bench.db')}`;
results.intakeSqlite = await benchIntake({
  rounds,
  seconds,
  connections,
  freshDatabaseUrl: freshSqlite,
});
if (process.env.BENCH_PG === '1')
  results.intakePostgres = await benchIntake({
    rounds,
    seconds,
    connections,
    databaseUrl: await freshPgDatabase('cl_bench'),
    freshDatabaseUrl: () => freshPgDatabase('cl_bench'),
  });
results.ackSqlite = await benchAckLatency({ rate: 50, seconds });
await dropBenchDatabases();

const table: string[] = ['| benchmark | result |', '|---|---|'];
for (const key of ['intakeSqlite', 'intakePostgres'] as const) {
  const r = results[key] as Awaited<ReturnType<typeof benchIntake>> | undefined;
  if (!r) continue;
  r.rounds.forEach((round, i) =>
    table.push(
      `| ${r.dialect} single, round ${i + 1} | ClientLoop ${round.clientloop.rps} req/s (p50 ${round.clientloop.p50} ms, p99 ${round.clientloop.p99} ms, errors ${round.clientloop.errors + round.clientloop.non2xx}) vs naive ${round.naive.rps} req/s → ${round.ratio}× |`,
    ),
  );
  table.push(`| ${r.dialect} single, median ratio | ${r.ratioMedian}× |`);
  table.push(
    `| ${r.dialect} batch (1000/request) | ${r.batch.recordsPerSecond} records/s (p99 ${r.batch.p99} ms, errors ${r.batch.errors}) |`,
  );
  for (const [mode, w] of Object.entries(r.withWorker)) {
    table.push(
      `| ${r.dialect} single with the worker (text sweep), ${mode === 'inProcess' ? 'same process' : 'separate process'} | ${w.rps} req/s (p99 ${w.p99} ms, errors ${w.errors}); last record analysed ${w.analysisLagMs} ms after the load |`,
    );
  }
  table.push(
    `| ${r.dialect} peak memory | ClientLoop ${r.peakMemoryMiB.clientloop} MiB, naive ${r.peakMemoryMiB.naive} MiB |`,
  );
}
const ack = results.ackSqlite as Awaited<ReturnType<typeof benchAckLatency>>;
table.push(
  `| ack latency at ${ack.rate}/s (sqlite) | p50 ${ack.p50Ms} ms, p99 ${ack.p99Ms} ms, max ${ack.maxMs} ms; sent ${ack.sent}, received ${ack.received}, missing ${ack.missing}, duplicates ${ack.duplicates} |`,
);

process.stdout.write(`${table.join('\n')}\n\n${JSON.stringify(results, null, 2)}\n`);
mkdirSync('bench/results', { recursive: true });
writeFileSync(
  `bench/results/${results.at as string}.json`.replace(/:/g, '-'),
  JSON.stringify(results, null, 2),
);
