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
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../server/config.ts';
import { insertRows } from '../server/db/bulk.ts';
import { loadStatusLinkKeys } from '../server/lib/status-link.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import type { TransactionsTable } from '../server/db/types.ts';
import { buildApp } from '../server/app.ts';
import { createDeps } from '../server/deps.ts';
import { newId } from '../server/lib/ids.ts';
import { createLogger } from '../server/lib/logger.ts';
import {
  rebuildTransactionRollups,
  recordFeedbackActivity,
} from '../server/modules/economics/rollups.service.ts';
import { rebuildStageMoney } from '../server/modules/economics/index.ts';
import {
  createBenchOrg,
  dropBenchDatabases,
  freshPgDatabase,
  pgDatabaseExists,
  pgDatabaseFrom,
} from './lib.ts';

const TX = Number(process.env.BENCH_TX ?? 1_000_000);
const SQLITE = process.env.BENCH_SQLITE !== '0';
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 20_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 40);
const ONLY = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY) : undefined;
const SENDERS = (process.env.BENCH_SENDERS ?? '1,4').split(',').map(Number);
const FIRST_MONTH = 2023 * 12 + 11; // 2023-12 … 2026-11: 36 months
const MONTHS = 36;
const DATA = process.env.BENCH_DATA;
const LOAD_ONLY = process.env.BENCH_LOAD_ONLY === '1';
const RUN = Date.now().toString(36); // document numbers unique to this run (a kept data set)

function seeded(seed: number) {
  return () => {
    seed = (seed * 48271) % 2147483647;
    return seed / 2147483647;
  };
}
const monthDate = (m: number, day: number) =>
  `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
const plusDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

async function loadRows(databaseUrl: string) {
  const config = loadConfig({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' });
  const deps = createDeps(config, { log: createLogger('silent') });
  await migrateToLatest(deps.db);
  await loadStatusLinkKeys(deps);
  const org = await createBenchOrg(deps);
  const orgId = org.orgId;
  const r = seeded(14);
  const now = new Date().toISOString();
  const clientIds: string[] = [];
  const started = Date.now();
  for (let i = 0; i < CLIENTS; i += 1000) {
    const rows = Array.from({ length: Math.min(1000, CLIENTS - i) }, (_, k) => {
      const id = newId();
      clientIds.push(id);
      return {
        id,
        org_id: orgId,
        name: `Клиент ${i + k}`,
        kind: 'company' as const,
        external_id: `B-${i + k}`,
        segment: `segment-${(i + k) % 5}`,
        search_text: `клиент ${i + k}`,
        created_at: now,
        updated_at: now,
      };
    });
    await insertRows(deps.db, 'clients', rows);
  }
  // Each client: a start month, a purchase rate, a chance to stop buying; ~TX documents in all.
  const perClient = TX / CLIENTS;
  let written = 0;
  let batch: TransactionsTable[] = [];
  const flush = async () => {
    await deps.db.transaction().execute((trx) => insertRows(trx, 'transactions', batch));
    batch = [];
  };
  for (let c = 0; c < CLIENTS && written < TX; c++) {
    const start = FIRST_MONTH + Math.floor(r() * 12);
    const stop = r() < 0.3 ? start + Math.floor(r() * MONTHS) : FIRST_MONTH + MONTHS;
    const count = c === CLIENTS - 1 ? TX - written : Math.round(perClient * (0.5 + r()));
    for (let k = 0; k < count && written < TX; k++) {
      const month =
        start + Math.floor(r() * Math.max(1, Math.min(stop, FIRST_MONTH + MONTHS) - start));
      const date = monthDate(month, 1 + Math.floor(r() * 28));
      const refund = r() < 0.03;
      const amount = 100_00 + Math.floor(r() * 50_000_00);
      const due = !refund && r() < 0.7 ? plusDays(date, 14) : null;
      batch.push({
        id: newId(),
        org_id: orgId,
        client_id: clientIds[c]!,
        external_id: `T-${written}`,
        kind: refund ? 'refund' : 'sale',
        date,
        amount_minor: refund ? Math.floor(amount / 10) : amount,
        cost_minor: r() < 0.8 ? Math.floor(amount * 0.6) : null,
        currency: 'RUB',
        exchange_rate: null,
        product: null,
        stage: null,
        due_date: due,
        paid_at: due && r() < 0.85 ? plusDays(date, Math.floor(r() * 30)) : null,
        manager_id: null,
        created_at: now,
        updated_at: now,
      });
      written += 1;
      if (batch.length === 1000) await flush();
    }
  }
  if (batch.length) await flush();
  const loaded = Date.now();
  await deps.db.transaction().execute(async (db) => {
    await rebuildTransactionRollups({ db, orgId });
    await rebuildStageMoney({ db, orgId });
    // Feedback months: about a third of the clients spoke in a given quarter.
    const records = clientIds.flatMap((id) =>
      Array.from({ length: 4 }, () => ({
        clientId: id,
        receivedAt: `${monthDate(FIRST_MONTH + Math.floor(r() * MONTHS), 10)}T10:00:00.000Z`,
      })),
    );
    for (let i = 0; i < records.length; i += 2000)
      await recordFeedbackActivity({ db, orgId }, records.slice(i, i + 2000));
  });
  const rolled = Date.now();
  return {
    deps,
    orgId,
    apiKey: org.apiKey!.secret,
    clientIds,
    loadSeconds: (loaded - started) / 1000,
    rollupSeconds: (rolled - loaded) / 1000,
  };
}

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

interface Kept {
  orgId: string;
  apiKey: string;
  clientIds: string[];
  loadSeconds: number;
  rollupSeconds: number;
}

/** The data set: loaded into `databaseUrl`, or (BENCH_DATA) a copy of the kept one. */
async function load(label: string, databaseUrl: () => Promise<string>) {
  if (!DATA) return loadRows(await databaseUrl());
  mkdirSync(DATA, { recursive: true });
  const name = `economics-${TX}-${CLIENTS}`;
  const meta = join(DATA, `${name}-${label}.json`);
  const template = label === 'sqlite' ? join(DATA, `${name}.db`) : `cl_econ_tpl_${TX}_${CLIENTS}`;
  const kept =
    existsSync(meta) &&
    (label === 'sqlite' ? existsSync(template) : await pgDatabaseExists(template));
  if (!kept) {
    if (label === 'sqlite')
      for (const end of ['', '-wal', '-shm']) rmSync(template + end, { force: true });
    const data = await loadRows(
      label === 'sqlite' ? `sqlite:${template}` : await pgDatabaseFrom(template),
    );
    await data.deps.db.destroy();
    const { deps: _d, ...rest } = data;
    writeFileSync(meta, JSON.stringify(rest));
  }
  if (LOAD_ONLY) return undefined;
  const saved = JSON.parse(readFileSync(meta, 'utf8')) as Kept;
  let copy: string;
  if (label === 'sqlite') {
    copy = join(DATA, `run-${RUN}.db`);
    copyFileSync(template, copy);
    copy = `sqlite:${copy}`;
  } else copy = await freshPgDatabase('cl_econ', template);
  const config = loadConfig({ DATABASE_URL: copy, LOG_LEVEL: 'silent' });
  const deps = createDeps(config, { log: createLogger('silent') });
  await migrateToLatest(deps.db);
  await loadStatusLinkKeys(deps);
  return { deps, ...saved };
}

async function benchOne(label: string, databaseUrl: () => Promise<string>) {
  const data = await load(label, databaseUrl);
  if (!data) return { loaded: true };
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
