// npm run bench:economics — the economics pages at 1 000 000 transactions (issue 14): 20 000
// clients, three years of sales and refunds (with costs, due dates and payments), feedback months
// for active clients. Loads the rows with multi-row inserts and rebuilds the rollups (as a bulk
// load would), then times each endpoint over real HTTP (sequential requests, p50/p95 of
// BENCH_REQUESTS after warm-up) and the transactions batch API (1000 new documents per request).
// SQLite (BENCH_SQLITE=0 skips it); PostgreSQL with BENCH_PG=1. BENCH_TX and BENCH_CLIENTS scale
// the data; BENCH_ONLY=<regular expression> times only the endpoints whose name matches it (and the
// batch only if it matches "batch"); BENCH_SENDERS (default 1, then 4) is how many batch senders run at once.
// BENCH_DATA=<folder> keeps the loaded data set: the first run loads it once into a template (the
// SQLite file in that folder, a PostgreSQL database cl_econ_tpl_<TX>_<CLIENTS>) and every run,
// that one too, times a fresh copy of it, so runs start from the same rows; BENCH_LOAD_ONLY=1
// stops after loading (build it under nice, time under flock).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../server/app.ts';
import { startWalCheckpointer } from '../server/db/checkpointer.ts';
import { CLIENTS, DATA, load, RUN, seeded, TX } from './economics-data.ts';
import { dropBenchDatabases, freshPgDatabase } from './lib.ts';

const SQLITE = process.env.BENCH_SQLITE !== '0';
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 40);
const ONLY = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY) : undefined;
const SENDERS = (process.env.BENCH_SENDERS ?? '1,4').split(',').map(Number);

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

async function timeEndpoint(
  base: string,
  key: string,
  urls: () => string,
  opts: { requests?: number; before?: () => Promise<void> } = {},
) {
  const times: number[] = [];
  const requests = opts.requests ?? REQUESTS;
  for (let i = 0; i < requests + 5; i++) {
    await opts.before?.();
    const t0 = performance.now();
    const res = await fetch(`${base}${urls()}`, { headers: { authorization: `Bearer ${key}` } });
    await res.text();
    if (res.status !== 200) throw new Error(`${urls()} answered ${res.status}`);
    if (i >= 5) times.push(performance.now() - t0);
  }
  return { p50: +percentile(times, 50).toFixed(1), p95: +percentile(times, 95).toFixed(1) };
}

async function benchOne(label: string, databaseUrl: () => Promise<string>) {
  const data = await load(label, databaseUrl);
  if (!data) return { loaded: true };
  // As the shipped server (main.ts): SQLite's checkpoints on their own thread (ADR 006), not
  // SQLite's automatic one inside whichever commit passes 1000 WAL pages.
  const checkpointer = startWalCheckpointer(data.deps.dbHandle);
  const app = await buildApp(data.deps, { serveWeb: false });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const key = data.apiKey;
  const r = seeded(7);
  const client = () => data.clientIds[Math.floor(r() * data.clientIds.length)]!;
  const endpoints: Record<string, () => string> = {
    'summary, 12 months by month': () =>
      '/api/v1/economics/summary?from=2025-12-01&to=2026-12-01&period=month',
    'summary, 36 months by month': () =>
      '/api/v1/economics/summary?from=2023-12-01&to=2026-12-01&period=month',
    'summary, 2024–2025 by quarter': () =>
      '/api/v1/economics/summary?from=2024-01-01&to=2026-01-01&period=quarter',
    'levers, month vs month': () =>
      '/api/v1/economics/levers?aFrom=2026-10-01&aTo=2026-11-01&bFrom=2026-11-01&bTo=2026-12-01',
    'levers, quarter vs quarter': () =>
      '/api/v1/economics/levers?period=quarter&aFrom=2026-04-01&aTo=2026-07-01&bFrom=2026-07-01&bTo=2026-10-01',
    'levers, year vs year': () =>
      '/api/v1/economics/levers?period=year&aFrom=2024-01-01&aTo=2025-01-01&bFrom=2025-01-01&bTo=2026-01-01',
    'client economics': () => `/api/v1/economics/clients/${client()}?asOf=2026-11-30`,
    'by satisfaction, one quarter (rows)': () =>
      '/api/v1/economics/by-satisfaction?period=quarter&from=2026-04-01&to=2026-07-01',
    'summary, one segment (rows)': () =>
      '/api/v1/economics/summary?from=2025-12-01&to=2026-12-01&segment=segment-1',
  };
  // After a sale of a new client each time: the client sets changed, nothing is remembered.
  let fresh = 0;
  const newSale = async () => {
    const res = await fetch(`${base}/api/v1/transactions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        externalId: `FRESH-${RUN}-${fresh}`,
        client: { externalId: `FRESH-${RUN}-${fresh++}`, name: 'Новый клиент' },
        kind: 'sale',
        date: '2026-11-20',
        amount: 1000,
      }),
    });
    if (res.status !== 201) throw new Error(`sale answered ${res.status}`);
  };
  const options: Record<string, Parameters<typeof timeEndpoint>[3]> = {
    'summary, 12 months by month, after a write each time': { before: newSale },
    'levers, month vs month, after a write each time': { before: newSale },
    'by satisfaction, one quarter (rows)': { requests: 5 },
    'summary, one segment (rows)': { requests: 5 },
  };
  endpoints['summary, 12 months by month, after a write each time'] =
    endpoints['summary, 12 months by month']!;
  endpoints['levers, month vs month, after a write each time'] =
    endpoints['levers, month vs month']!;
  const timings: Record<string, { p50: number; p95: number }> = {};
  for (const [name, url] of Object.entries(endpoints)) {
    if (ONLY && !ONLY.test(name)) continue;
    timings[name] = await timeEndpoint(base, key, url, options[name]);
    console.log(`${label} ${name}: p50 ${timings[name]!.p50} ms, p95 ${timings[name]!.p95} ms`);
  }
  // Batch intake: 20 requests of 1000 new documents of existing clients, from one sender after
  // another, then from several at once (integrations of several branches).
  let doc = 0;
  const sendBatch = async () => {
    const items = Array.from({ length: 1000 }, () => ({
      externalId: `N-${RUN}-${doc++}`,
      clientId: client(),
      kind: 'sale',
      date: '2026-11-15',
      amount: 1234.5,
      cost: 700,
      dueDate: '2026-11-29',
    }));
    const res = await fetch(`${base}/api/v1/transactions/batch`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ items }),
    });
    if (res.status !== 200) throw new Error(`batch answered ${res.status}: ${await res.text()}`);
  };
  const batchRowsPerSecond: Record<string, number> = {};
  for (const senders of ONLY && !ONLY.test('batch') ? [] : SENDERS) {
    const t0 = performance.now();
    let left = 20;
    await Promise.all(
      Array.from({ length: senders }, async () => {
        while (left-- > 0) await sendBatch();
      }),
    );
    const rate = Math.round(20_000 / ((performance.now() - t0) / 1000));
    batchRowsPerSecond[`${senders} sender(s)`] = rate;
    console.log(`${label} batch intake, ${senders} sender(s): ${rate} rows/s`);
  }
  await app.close();
  await checkpointer?.stop();
  await data.deps.db.destroy();
  if (DATA && label === 'sqlite')
    for (const end of ['', '-wal', '-shm'])
      rmSync(join(DATA, `run-${RUN}.db${end}`), { force: true });
  return {
    transactions: TX,
    clients: CLIENTS,
    loadSeconds: data.loadSeconds,
    rollupSeconds: data.rollupSeconds,
    timings,
    batchRowsPerSecond,
  };
}

const results: Record<string, unknown> = {
  at: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    cpu: cpus()[0]?.model,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  },
  settings: { transactions: TX, clients: CLIENTS, requests: REQUESTS },
};
if (SQLITE)
  results.sqlite = await benchOne('sqlite', async () =>
    join(mkdtempSync(join(tmpdir(), 'cl-econ-')), 'bench.db').replace(/^/, 'sqlite:'),
  );
if (process.env.BENCH_PG === '1') {
  results.postgres = await benchOne('postgres', () => freshPgDatabase('cl_econ'));
  await dropBenchDatabases();
}
mkdirSync('bench/results', { recursive: true });
const file = `bench/results/economics-${Date.now()}.json`;
writeFileSync(file, JSON.stringify(results, null, 2));
console.log(`written ${file}`);
