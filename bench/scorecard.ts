// npm run bench:scorecard — the layered scorecard and the arbiter at 1 000 000 feedback records,
// 300 000 cases and 1 000 000 transactions (issue 16): an organisation in Moscow with 8 journey
// stages, 20 000 clients (5 segments, a quarter of them with a manager) and 24 months of data
// (2024-12 … 2026-11), loaded with multi-row inserts (not through the API), the economics rollups
// rebuilt as a bulk load must, the scorecard rollups rebuilt likewise. Then over real HTTP, in
// process: p50/p95 of BENCH_REQUESTS sequential requests after 5 warm-up for each scorecard
// window, the arbiter's stored report, and the scorecard after one new feedback record each time.
// SQLite (BENCH_SQLITE=0 skips it) on a file kept in BENCH_DIR (default /tmp/cl-scorecard-bench):
// the second run finds it and skips the load; PostgreSQL with BENCH_PG=1, in the database
// cl_scorecard_bench (BENCH_PG_NAME), kept too (BENCH_FRESH=1 loads both again). BENCH_FEEDBACK, BENCH_CASES,
// BENCH_TX scale the data; BENCH_ONLY=<regular expression> times only the matching lines.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildApp } from '../server/app.ts';
import { generate, KEY, openDeps } from './scorecard-data.ts';
import { loadAverage, machine, pgDatabase, reuse, timeEndpoint } from './scorecard-http.ts';

const FEEDBACK = Number(process.env.BENCH_FEEDBACK ?? 1_000_000);
const CASES = Number(process.env.BENCH_CASES ?? 300_000);
const TX = Number(process.env.BENCH_TX ?? 1_000_000);
const CALLS = Number(process.env.BENCH_CALLS ?? 100_000);
const SQLITE = process.env.BENCH_SQLITE !== '0';
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 40);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 5);
/** The arbiter's stored report is cheap: its lines may take more requests than the scorecard's. */
const ARBITER_REQUESTS = Number(process.env.BENCH_ARBITER_REQUESTS ?? REQUESTS);
const ONLY = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY) : undefined;
const FRESH = process.env.BENCH_FRESH === '1';
const DIR = process.env.BENCH_DIR ?? '/tmp/cl-scorecard-bench';
const PG_BASE = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const PG_NAME = process.env.BENCH_PG_NAME ?? 'cl_scorecard_bench';

const time = (
  base: string,
  key: string,
  url: string,
  opts: { requests?: number; before?: () => Promise<void> } = {},
) =>
  timeEndpoint(base, key, url, {
    requests: opts.requests ?? REQUESTS,
    warmup: WARMUP,
    before: opts.before,
  });

function satisfactionEndpoints(data: { managerId: string; clientId: string }) {
  const year =
    '/api/v1/metrics/satisfaction?metric=nps&from=2025-12-01&to=2026-12-01&compare=previous';
  return {
    'satisfaction, 12 months': year,
    'satisfaction, 12 months by month': `${year}&groupBy=month`,
    'satisfaction, 12 months, one segment': `${year}&segment=segment-1`,
    'satisfaction, 12 months, one segment + stage': `${year}&segment=segment-1&stage=support`,
    'satisfaction, 12 months, one manager': `${year}&managerId=${data.managerId}`,
    'satisfaction, 12 months, one manager + stage': `${year}&managerId=${data.managerId}&stage=support`,
    'satisfaction, 12 months, one client': `${year}&clientId=${data.clientId}`,
    'satisfaction, 12 months, one channel': `${year}&channel=api`,
    'satisfaction, 10 days, one segment':
      '/api/v1/metrics/satisfaction?metric=nps&from=2026-11-01&to=2026-11-11&compare=previous&segment=segment-1',
  } as Record<string, string>;
}

async function benchOne(label: string, databaseUrl: string) {
  const deps = await openDeps(databaseUrl);
  const t0 = Date.now();
  let data = FRESH ? undefined : await reuse(deps);
  let loadSeconds: number | null = null;
  if (!data) {
    console.log(`${label}: loading the data set (minutes)…`);
    data = await generate(deps);
    loadSeconds = (Date.now() - t0) / 1000;
  } else console.log(`${label}: reusing the data set in ${databaseUrl}`);
  const key = KEY;
  const app = await buildApp(deps, { serveWeb: false });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const endpoints: Record<string, string> = {
    'scorecard, 12 months by month': '/api/v1/scorecard?period=month&from=2025-12-01&to=2026-12-01',
    'scorecard, one quarter': '/api/v1/scorecard?period=quarter&from=2026-07-01&to=2026-10-01',
    'scorecard, 4 quarters by quarter':
      '/api/v1/scorecard?period=quarter&from=2025-10-01&to=2026-10-01',
    'scorecard, 12 months, one segment':
      '/api/v1/scorecard?period=month&from=2025-12-01&to=2026-12-01&segment=segment-1',
    'scorecard, 12 months, one manager': `/api/v1/scorecard?period=month&from=2025-12-01&to=2026-12-01&managerId=${data.managerId}`,
    'scorecard, 12 months, one stage':
      '/api/v1/scorecard?period=month&from=2025-12-01&to=2026-12-01&stage=support',
    // Issue 21: the dashboard's report (with the previous period) under each filter; "+ stage"
    // over whole months reads the client-group counts (ADR 017), the rest scan (BENCHMARKS.md).
    ...satisfactionEndpoints(data),
    'arbiter, stored report (last month)': '/api/v1/arbiter?from=2026-11-01&to=2026-12-01',
    'arbiter, stored report (a quarter)': '/api/v1/arbiter?from=2026-09-01&to=2026-12-01',
  };
  let fresh = 0;
  const newFeedback = async () => {
    const res = await fetch(`${base}/api/v1/feedback`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        clientId: data.clientId,
        stage: 'support',
        score: { type: 'nps', value: fresh++ % 11 },
        receivedAt: '2026-11-20T10:00:00.000Z',
      }),
    });
    if (res.status >= 300) throw new Error(`feedback answered ${res.status}: ${await res.text()}`);
  };
  const options: Record<string, Parameters<typeof time>[3]> = {};
  endpoints['scorecard, 12 months, after a new feedback each time'] =
    endpoints['scorecard, 12 months by month']!;
  options['scorecard, 12 months, after a new feedback each time'] = {
    before: newFeedback,
    requests: Math.min(REQUESTS, 20),
  };
  const timings: Record<string, { p50: number; p95: number }> = {};
  // The arbiter's reports are computed once (POST …/refresh, timed) and then read.
  const computeSeconds: Record<string, number> = {};
  for (const [name, url] of Object.entries(endpoints)) {
    if (ONLY && !ONLY.test(name)) continue;
    if (name.startsWith('arbiter')) {
      const c0 = performance.now();
      const res = await fetch(`${base}${url.replace('/arbiter?', '/arbiter/refresh?')}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({}),
      });
      if (res.status !== 200)
        throw new Error(`refresh answered ${res.status}: ${await res.text()}`);
      computeSeconds[name] = +((performance.now() - c0) / 1000).toFixed(2);
      console.log(`${label} ${name}: computed in ${computeSeconds[name]} s`);
    }
    const opts = name.startsWith('arbiter') ? { requests: ARBITER_REQUESTS } : options[name];
    timings[name] = await time(base, key, url, opts);
    console.log(`${label} ${name}: p50 ${timings[name]!.p50} ms, p95 ${timings[name]!.p95} ms`);
  }
  await app.close();
  await deps.db.destroy();
  return { loadSeconds, timings, arbiterComputeSeconds: computeSeconds };
}

const results: Record<string, unknown> = {
  at: new Date().toISOString(),
  machine: machine(),
  settings: {
    feedback: FEEDBACK,
    cases: CASES,
    transactions: TX,
    calls: CALLS,
    requests: REQUESTS,
  },
};
if (SQLITE) {
  mkdirSync(DIR, { recursive: true });
  const file = join(DIR, 'bench.db');
  if (FRESH) for (const f of ['', '-wal', '-shm']) if (existsSync(file + f)) rmSync(file + f);
  results.sqlite = await benchOne('sqlite', `sqlite:${file}`);
}
if (process.env.BENCH_PG === '1')
  results.postgres = await benchOne('postgres', await pgDatabase(PG_BASE, PG_NAME, FRESH));
results.loadAverageAtEnd = loadAverage();
mkdirSync('bench/results', { recursive: true });
const out = `bench/results/scorecard-${Date.now()}.json`;
writeFileSync(out, JSON.stringify(results, null, 2));
console.log(`written ${out}`);
