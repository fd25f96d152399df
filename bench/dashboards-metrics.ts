// npm run bench:dashboards-metrics — the dashboard's metrics at 1 000 000 feedback records
// (issue 20): the satisfaction report as the dashboard asks for it (12 whole months of the
// organisation's zone, with the previous period) by month, stage, channel, segment and client,
// the headline without grouping, a custom range of days, the default window (ending now), the
// overview tiles and the text trends. Over real HTTP, in process: p50/p95 of BENCH_REQUESTS
// sequential requests after BENCH_WARMUP warm-up. It reads the data set of bench/scorecard.ts
// (never loads one): SQLite at BENCH_DIR/bench.db (BENCH_SQLITE=0 skips it), PostgreSQL with
// BENCH_PG=1 in BENCH_PG_NAME. BENCH_ONLY=<regular expression> times only the matching lines.
// `metricsEndpoints` is exported for bench/dashboards.ts (the whole dashboard's bench).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildApp } from '../server/app.ts';
import { KEY, openDeps } from './scorecard-data.ts';
import { loadAverage, machine, timeEndpoint } from './scorecard-http.ts';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 40);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 5);
const ONLY = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY) : undefined;
const DIR = process.env.BENCH_DIR ?? '/tmp/cl-scorecard-bench';
const PG_BASE = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const PG_NAME = process.env.BENCH_PG_NAME ?? 'cl_scorecard_bench';

/** The metrics pages' requests over the bench data (2024-12 … 2026-11, Europe/Moscow). */
export function metricsEndpoints(): Record<string, string> {
  const s = '/api/v1/metrics/satisfaction?metric=nps';
  const year = `${s}&from=2025-12-01&to=2026-12-01&compare=previous`;
  return {
    'metrics: 12 months by month': `${year}&groupBy=month`,
    'metrics: 12 months, headline': year,
    'metrics: 12 months by stage': `${year}&groupBy=stage`,
    'metrics: 12 months by channel': `${year}&groupBy=channel`,
    'metrics: 12 months by segment': `${year}&groupBy=segment`,
    'metrics: 12 months by client': `${year}&groupBy=client`,
    'metrics: 10 days by stage': `${s}&from=2026-11-01&to=2026-11-11&compare=previous&groupBy=stage`,
    'metrics: default window (to now) by month': `${s}&groupBy=month&compare=previous`,
    'metrics: overview tiles': '/api/v1/metrics/overview',
    'text: trends, 12 months': '/api/v1/text/trends?from=2025-12-01',
  };
}

async function benchOne(label: string, databaseUrl: string) {
  const m0 = performance.now();
  const deps = await openDeps(databaseUrl); // migrates (the first run fills new rollups)
  const migrateSeconds = +((performance.now() - m0) / 1000).toFixed(1);
  const app = await buildApp(deps, { serveWeb: false });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const timings: Record<string, { p50: number; p95: number }> = {};
  for (const [name, url] of Object.entries(metricsEndpoints())) {
    if (ONLY && !ONLY.test(name)) continue;
    timings[name] = await timeEndpoint(base, KEY, url, { requests: REQUESTS, warmup: WARMUP });
    console.log(`${label} ${name}: p50 ${timings[name]!.p50} ms, p95 ${timings[name]!.p95} ms`);
  }
  await app.close();
  await deps.db.destroy();
  return { migrateSeconds, timings };
}

const results: Record<string, unknown> = {
  at: new Date().toISOString(),
  machine: machine(),
  requests: REQUESTS,
};
if (process.env.BENCH_SQLITE !== '0')
  results.sqlite = await benchOne('sqlite', `sqlite:${join(DIR, 'bench.db')}`);
if (process.env.BENCH_PG === '1')
  results.postgres = await benchOne('postgres', PG_BASE.replace(/\/[^/]*$/, `/${PG_NAME}`));
results.loadAverageAtEnd = loadAverage();
mkdirSync('bench/results', { recursive: true });
const out = `bench/results/dashboards-metrics-${Date.now()}.json`;
writeFileSync(out, JSON.stringify(results, null, 2));
console.log(`written ${out}`);
