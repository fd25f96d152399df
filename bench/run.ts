// npm run bench: intake (single and batch, against the naive baseline) and acknowledgement
// latency; SQLite always, PostgreSQL with BENCH_PG=1. Prints a table and writes JSON to
// bench/results/. Options: BENCH_SECONDS (10), BENCH_ROUNDS (3), BENCH_CONNECTIONS (50);
// BENCH_SQLITE=0 skips SQLite's intake, BENCH_ACK=0 the acknowledgement latency (run at half the
// real-shape capacity, or at BENCH_ACK_RATE per second).
import { execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { benchAckLatency } from './ack-latency.ts';
import { benchIntake } from './intake.ts';
import { dropBenchDatabases, freshPgDatabase, median } from './lib.ts';

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
if (process.env.BENCH_SQLITE !== '0')
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
// Acknowledgement latency at half of the measured real-shape capacity (issue 20), or BENCH_ACK_RATE.
const sqliteReal = (results.intakeSqlite as Awaited<ReturnType<typeof benchIntake>> | undefined)
  ?.lines.real;
const ackRate = Number(
  process.env.BENCH_ACK_RATE ??
    (sqliteReal
      ? Math.max(50, Math.round(median(sqliteReal.rounds.map((x) => x.clientloop.rps)) / 2))
      : 50),
);
if (process.env.BENCH_ACK !== '0')
  results.ackSqlite = await benchAckLatency({ rate: ackRate, seconds });
await dropBenchDatabases();

const table: string[] = ['| benchmark | result |', '|---|---|'];
for (const key of ['intakeSqlite', 'intakePostgres'] as const) {
  const r = results[key] as Awaited<ReturnType<typeof benchIntake>> | undefined;
  if (!r) continue;
  const names = {
    real: 'real shape, web,worker',
    realWebOnly: 'real shape, web only',
    light: 'light shape, web,worker',
  };
  for (const [line, name] of Object.entries(names) as [keyof typeof names, string][]) {
    const l = r.lines[line];
    l.rounds.forEach((round, i) =>
      table.push(
        `| ${r.dialect} ${name}, round ${i + 1} | ClientLoop ${round.clientloop.rps} req/s (p50 ${round.clientloop.p50} ms, p99 ${round.clientloop.p99} ms, errors ${round.clientloop.errors + round.clientloop.non2xx}) vs naive ${round.naive.rps} req/s → ${round.ratio}× |`,
      ),
    );
    table.push(`| ${r.dialect} ${name}, median ratio | ${l.ratioMedian}× |`);
  }
  for (const [name, b] of [
    ['web,worker', r.batch],
    ['web only', r.batchWebOnly],
  ] as const)
    table.push(
      `| ${r.dialect} batch of 1000 real-shape records, clients by external id, ${name} | ${b.recordsPerSecond} records/s (p99 ${b.p99} ms, errors ${b.errors}) |`,
    );
  for (const [mode, w] of Object.entries(r.withWorker ?? {})) {
    table.push(
      `| ${r.dialect} single with the worker (text sweep), ${mode === 'inProcess' ? 'same process' : 'separate process'} | ${w.rps} req/s (p99 ${w.p99} ms, errors ${w.errors}); last record analysed ${w.analysisLagMs} ms after the load |`,
    );
  }
  table.push(
    `| ${r.dialect} peak memory | ClientLoop ${r.peakMemoryMiB.clientloop} MiB, naive ${r.peakMemoryMiB.naive} MiB |`,
  );
}
const ack = results.ackSqlite as Awaited<ReturnType<typeof benchAckLatency>> | undefined;
if (ack)
  table.push(
    `| ack latency at ${ack.rate}/s (sqlite) | p50 ${ack.p50Ms} ms, p99 ${ack.p99Ms} ms, max ${ack.maxMs} ms; sent ${ack.sent}, received ${ack.received}, missing ${ack.missing}, duplicates ${ack.duplicates} |`,
  );

process.stdout.write(`${table.join('\n')}\n\n${JSON.stringify(results, null, 2)}\n`);
mkdirSync('bench/results', { recursive: true });
writeFileSync(
  `bench/results/${results.at as string}.json`.replace(/:/g, '-'),
  JSON.stringify(results, null, 2),
);
