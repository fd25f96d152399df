// npm run bench:portfolio — the portfolio matrix at 50 000 clients (issue 17): clients with budgets
// and strategic fit, two contacts each (a decision maker, a user; every third client also an
// influencer), ~5 sales over two years each (costs, due dates, payments) and ~2 NPS answers per
// client. Loads the rows with multi-row inserts, times the full rescoring (what the worker does
// every 10 minutes, and a weights save), then times GET /api/v1/portfolio over real HTTP
// (sequential requests, p50/p95 of BENCH_REQUESTS after 5 warm-up) — the stored scores — and the
// live path with asOf. SQLite (BENCH_SQLITE=0 skips it); PostgreSQL with BENCH_PG=1.
// BENCH_CLIENTS scales the data.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../server/config.ts';
import { insertRows } from '../server/db/bulk.ts';
import { loadStatusLinkKeys } from '../server/lib/status-link.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import type { FeedbackTable, TransactionsTable } from '../server/db/types.ts';
import { buildApp } from '../server/app.ts';
import type { Ctx } from '../server/context.ts';
import { createDeps } from '../server/deps.ts';
import { newId } from '../server/lib/ids.ts';
import { createLogger } from '../server/lib/logger.ts';
import { refreshScores, takeSnapshot } from '../server/modules/portfolio/index.ts';
import { createBenchOrg, dropBenchDatabases, freshPgDatabase } from './lib.ts';

const SQLITE = process.env.BENCH_SQLITE !== '0';
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 40);
const FIRST_MONTH = 2024 * 12 + 11; // 2024-12 … 2026-11
const MONTHS = 24;

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

async function inChunks<T>(rows: T[], size: number, write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

async function load(databaseUrl: string) {
  const config = loadConfig({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' });
  const deps = createDeps(config, { log: createLogger('silent') });
  await migrateToLatest(deps.db);
  await loadStatusLinkKeys(deps);
  const org = await createBenchOrg(deps);
  const orgId = org.orgId;
  const r = seeded(17);
  const now = new Date().toISOString();
  const started = Date.now();
  const clientIds: string[] = [];
  const clients = Array.from({ length: CLIENTS }, (_, i) => {
    const id = newId();
    clientIds.push(id);
    return {
      id,
      org_id: orgId,
      name: `Клиент ${i}`,
      kind: 'company' as const,
      external_id: `P-${i}`,
      segment: `segment-${i % 5}`,
      search_text: `клиент ${i}`,
      created_at: now,
      updated_at: now,
      estimated_annual_budget_minor: r() < 0.6 ? Math.floor(r() * 50_000_000_00) : null,
      strategic_fit: r() < 0.7 ? Math.floor(r() * 101) : null,
    };
  });
  await inChunks(clients, 1000, (c) =>
    deps.db.transaction().execute((trx) => insertRows(trx, 'clients', c)),
  );
  const contacts: { id: string; client: number; role: string }[] = [];
  const contactRows = clientIds.flatMap((clientId, i) => {
    const roles = ['decision_maker', 'user', ...(i % 3 === 0 ? ['influencer'] : [])];
    return roles.map((role) => {
      const id = newId();
      contacts.push({ id, client: i, role });
      return {
        id,
        org_id: orgId,
        client_id: clientId,
        name: `${role} ${i}`,
        email: null,
        phone: null,
        language: 'ru' as const,
        roles: JSON.stringify([role]),
        external_id: null,
        created_at: now,
        updated_at: now,
      };
    });
  });
  await inChunks(contactRows, 1000, (c) =>
    deps.db.transaction().execute((trx) => insertRows(trx, 'contacts', c)),
  );
  const tx: TransactionsTable[] = [];
  clientIds.forEach((clientId, c) => {
    const count = 1 + Math.floor(r() * 9);
    for (let k = 0; k < count; k++) {
      const date = monthDate(FIRST_MONTH + Math.floor(r() * MONTHS), 1 + Math.floor(r() * 28));
      const amount = 100_00 + Math.floor(r() * 5_000_000_00);
      const due = r() < 0.7 ? plusDays(date, 14) : null;
      tx.push({
        id: newId(),
        org_id: orgId,
        client_id: clientId,
        external_id: `T-${c}-${k}`,
        kind: 'sale',
        date,
        amount_minor: amount,
        cost_minor: r() < 0.8 ? Math.floor(amount * (0.3 + r() * 0.6)) : null,
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
    }
  });
  await inChunks(tx, 1000, (c) =>
    deps.db.transaction().execute((trx) => insertRows(trx, 'transactions', c)),
  );
  const feedback: FeedbackTable[] = [];
  for (const contact of contacts) {
    if (r() < 0.2) continue;
    const answers = 1 + Math.floor(r() * 2);
    for (let k = 0; k < answers; k++) {
      const n = feedback.length;
      const at = `${monthDate(FIRST_MONTH + Math.floor(r() * MONTHS), 1 + Math.floor(r() * 28))}T10:00:00.000Z`;
      feedback.push({
        id: newId(),
        org_id: orgId,
        public_ref: `PB-${n}`,
        ref_key: `PB${n}`,
        channel: 'survey',
        client_id: clientIds[contact.client]!,
        contact_id: contact.id,
        stage: null,
        survey_id: null,
        score_type: 'nps',
        score_value: Math.floor(r() * 11),
        text: null,
        language: null,
        sentiment_label: null,
        sentiment_score: null,
        topics: '[]',
        source_id: null,
        raw: null,
        case_id: null,
        acknowledged_at: null,
        received_at: at,
        created_at: at,
        analysed_at: at,
      });
    }
  }
  await inChunks(feedback, 1000, (c) =>
    deps.db.transaction().execute((trx) => insertRows(trx, 'feedback', c)),
  );
  const loadSeconds = (Date.now() - started) / 1000;
  console.log(
    `loaded ${CLIENTS} clients, ${contactRows.length} contacts, ${tx.length} sales, ` +
      `${feedback.length} answers in ${loadSeconds}s`,
  );
  const ctx: Ctx = {
    db: deps.db,
    log: deps.log,
    clock: deps.clock,
    jobs: deps.jobs,
    config: deps.config,
    orgId,
    actor: { type: 'system', id: null, orgId, role: 'admin' },
  };
  return {
    deps,
    ctx,
    apiKey: org.apiKey!.secret,
    counts: { contacts: contactRows.length, sales: tx.length, answers: feedback.length },
    loadSeconds,
  };
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

async function timeEndpoint(base: string, key: string, url: string, requests = REQUESTS) {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < requests + 5; i++) {
    const t0 = performance.now();
    const res = await fetch(`${base}${url}`, { headers: { authorization: `Bearer ${key}` } });
    const body = await res.text();
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${body}`);
    if (i >= 5) times.push(performance.now() - t0);
    bytes = body.length;
  }
  return { p50: +percentile(times, 50).toFixed(1), p95: +percentile(times, 95).toFixed(1), bytes };
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; out: T }> {
  const t0 = performance.now();
  const out = await fn();
  return { ms: Math.round(performance.now() - t0), out };
}

async function benchOne(label: string, databaseUrl: string) {
  const data = await load(databaseUrl);
  const rescore = await timed(() => refreshScores(data.ctx));
  console.log(`${label} rescoring ${rescore.out.clients} clients: ${rescore.ms} ms`);
  const snapshot = await timed(() => takeSnapshot(data.ctx, '2026-Q3'));
  console.log(`${label} snapshot 2026-Q3: ${snapshot.ms} ms`);
  const app = await buildApp(data.deps, { serveWeb: false });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const endpoints: Record<string, [string, number?]> = {
    'matrix, first page (100 clients) and the nine cells': ['/api/v1/portfolio'],
    'matrix, one segment': ['/api/v1/portfolio?segment=segment-2'],
    'matrix, one cell': ['/api/v1/portfolio?attractiveness=high&relationship=low'],
    'matrix, page 51 (offset 5 000)': [
      `/api/v1/portfolio?cursor=${Buffer.from('o:5000').toString('base64url')}`,
    ],
    'matrix, 1 000 clients a page': ['/api/v1/portfolio?limit=1000'],
    'matrix live, asOf (scores every client)': ['/api/v1/portfolio?asOf=2026-09-30', 5],
  };
  const timings: Record<string, { p50: number; p95: number; bytes: number }> = {};
  for (const [name, [url, requests]] of Object.entries(endpoints)) {
    timings[name] = await timeEndpoint(base, data.apiKey, url, requests);
    console.log(`${label} ${name}: p50 ${timings[name].p50} ms, p95 ${timings[name].p95} ms`);
  }
  await app.close();
  await data.deps.db.destroy();
  return {
    clients: CLIENTS,
    ...data.counts,
    loadSeconds: data.loadSeconds,
    rescoreMs: rescore.ms,
    snapshotMs: snapshot.ms,
    timings,
  };
}

const results: Record<string, unknown> = {
  at: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    cpu: cpus()[0]?.model,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    loadAverageAtStart: loadavg().map((x) => +x.toFixed(2)),
  },
  settings: { clients: CLIENTS, requests: REQUESTS },
};
if (SQLITE)
  results.sqlite = await benchOne(
    'sqlite',
    `sqlite:${join(mkdtempSync(join(tmpdir(), 'cl-portfolio-')), 'bench.db')}`,
  );
if (process.env.BENCH_PG === '1') {
  results.postgres = await benchOne('postgres', await freshPgDatabase('cl_portfolio'));
  await dropBenchDatabases();
}
(results.machine as Record<string, unknown>).loadAverageAtEnd = loadavg().map((x) => +x.toFixed(2));
mkdirSync('bench/results', { recursive: true });
const file = `bench/results/portfolio-${Date.now()}.json`;
writeFileSync(file, JSON.stringify(results, null, 2));
console.log(`written ${file}`);
