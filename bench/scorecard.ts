// npm run bench:scorecard — the layered scorecard and the arbiter at 1 000 000 feedback records,
// 300 000 cases and 1 000 000 transactions (issue 16): an organisation in Moscow with 8 journey
// stages, 20 000 clients (5 segments, a quarter of them with a manager) and 24 months of data
// (2024-12 … 2026-11), loaded with multi-row inserts (not through the API), the economics rollups
// rebuilt as a bulk load must, the scorecard rollups rebuilt likewise. Then over real HTTP, in
// process: p50/p95 of BENCH_REQUESTS sequential requests after 5 warm-up for each scorecard
// window, the arbiter's stored report, and the scorecard after one new feedback record each time.
// SQLite (BENCH_SQLITE=0 skips it) on a file kept in BENCH_DIR (default /tmp/cl-scorecard-bench):
// the second run finds it and skips the load; PostgreSQL with BENCH_PG=1, in the database
// cl_scorecard_bench, kept too (BENCH_FRESH=1 loads both again). BENCH_FEEDBACK, BENCH_CASES,
// BENCH_TX scale the data; BENCH_ONLY=<regular expression> times only the matching lines.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig } from '../server/config.ts';
import { insertRows } from '../server/db/bulk.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import type { DB } from '../server/db/types.ts';
import { buildApp } from '../server/app.ts';
import { createDeps } from '../server/deps.ts';
import { newId } from '../server/lib/ids.ts';
import { createLogger } from '../server/lib/logger.ts';
import { createOrganisation } from '../server/modules/orgs/index.ts';
import { rebuildTransactionRollups } from '../server/modules/economics/rollups.service.ts';
import { rebuildBenchRollups } from './scorecard-rollups.ts';

const FEEDBACK = Number(process.env.BENCH_FEEDBACK ?? 1_000_000);
const CASES = Number(process.env.BENCH_CASES ?? 300_000);
const TX = Number(process.env.BENCH_TX ?? 1_000_000);
const CALLS = Number(process.env.BENCH_CALLS ?? 100_000);
const CLIENTS = 20_000;
const SQLITE = process.env.BENCH_SQLITE !== '0';
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 40);
const ONLY = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY) : undefined;
const FRESH = process.env.BENCH_FRESH === '1';
const DIR = process.env.BENCH_DIR ?? '/tmp/cl-scorecard-bench';
const PG_BASE = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const PG_NAME = 'cl_scorecard_bench';
const FIRST_MONTH = 2024 * 12 + 11; // 2024-12 … 2026-11: 24 months
const MONTHS = 24;
const STAGES = [
  'lead',
  'onboarding',
  'delivery',
  'support',
  'billing',
  'renewal',
  'upsell',
  'exit',
];
const KEY = 'cl_benchscorecardadminkey00000000000000'; // not a secret: a throwaway database

function seeded(seed: number) {
  return () => {
    seed = (seed * 48271) % 2147483647;
    return seed / 2147483647;
  };
}
const pad = (n: number) => String(n).padStart(2, '0');
const monthDate = (m: number, day: number) =>
  `${Math.floor(m / 12)}-${pad((m % 12) + 1)}-${pad(day)}`;
const iso = (ms: number) => new Date(ms).toISOString();
/** A random instant of the 24 months (UTC; Moscow is 3 hours ahead, so a few land a month off). */
const START_MS = Date.parse('2024-11-30T21:00:00Z');
const END_MS = Date.parse('2026-11-30T21:00:00Z');

async function openDeps(databaseUrl: string) {
  const config = loadConfig({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' });
  const deps = createDeps(config, { log: createLogger('silent') });
  await migrateToLatest(deps.db);
  return deps;
}

type Deps = Awaited<ReturnType<typeof openDeps>>;

async function chunked<T>(deps: Deps, table: keyof DB, rows: T[]) {
  await deps.db.transaction().execute((trx) => insertRows(trx, table, rows as never));
}

/** Writes the whole data set; returns the org and its admin key. */
async function generate(deps: Deps) {
  const org = await deps.db.transaction().execute((trx) =>
    createOrganisation(trx, deps.clock, {
      name: 'Бенчмарк карты',
      timeZone: 'Europe/Moscow',
      admin: { email: 'bench@example.com', name: 'Bench', password: 'correct-horse-battery' },
      apiKey: { role: 'admin', secret: KEY },
    }),
  );
  const orgId = org.orgId;
  const admin = await deps.db
    .selectFrom('users')
    .select('id')
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow();
  const now = new Date().toISOString();
  const r = seeded(16);
  await insertRows(
    deps.db,
    'stages',
    STAGES.map((key, position) => ({
      id: newId(),
      org_id: orgId,
      key,
      name_ru: key,
      name_en: key,
      position,
      owner_user_id: null,
      created_at: now,
      updated_at: now,
    })),
  );
  const clientIds: string[] = [];
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
        manager_id: (i + k) % 4 === 0 ? admin.id : null,
        created_at: now,
        updated_at: now,
      };
    });
    await insertRows(deps.db, 'clients', rows);
  }
  const client = () => clientIds[Math.floor(r() * CLIENTS)]!;
  // Stages are not equally busy: support and delivery hear the most.
  const WEIGHTS = [1, 2, 4, 5, 2, 2, 1, 1];
  const total = WEIGHTS.reduce((a, b) => a + b, 0);
  const stage = () => {
    let x = r() * total;
    for (let i = 0; i < STAGES.length; i++) if ((x -= WEIGHTS[i]!) < 0) return STAGES[i]!;
    return STAGES.at(-1)!;
  };
  const t0 = Date.now();
  let batch: unknown[] = [];
  // Feedback: 60 % NPS (0–10, more promoters than detractors), 25 % CSAT (1–5), 10 % CES (1–7),
  // 5 % without a score; 5 % without a stage; a third with a text.
  for (let i = 0; i < FEEDBACK; i++) {
    const kind = r();
    const type = kind < 0.6 ? 'nps' : kind < 0.85 ? 'csat' : kind < 0.95 ? 'ces' : null;
    const skew = Math.sqrt(r());
    const score =
      type === 'nps'
        ? Math.min(10, Math.floor(skew * 11))
        : type === 'csat'
          ? 1 + Math.min(4, Math.floor(skew * 5))
          : type === 'ces'
            ? 1 + Math.min(6, Math.floor(skew * 7))
            : null;
    const at = iso(START_MS + Math.floor(r() * (END_MS - START_MS)));
    batch.push({
      id: newId(),
      org_id: orgId,
      public_ref: `CL-B${i}`,
      ref_key: `B${i}`,
      channel: 'api',
      client_id: r() < 0.9 ? client() : null,
      contact_id: null,
      stage: r() < 0.95 ? stage() : null,
      survey_id: null,
      score_type: type,
      score_value: score,
      text: r() < 0.33 ? 'Нормально, но доставка задержалась' : null,
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
    if (batch.length === 2000) {
      await chunked(deps, 'feedback', batch);
      batch = [];
    }
  }
  if (batch.length) await chunked(deps, 'feedback', batch);
  batch = [];
  console.log(`  feedback ${FEEDBACK}: ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  // Cases: opened through the 24 months; 85 % resolved (10 % of those reopened and resolved
  // again), 60 % of the resolved closed later; due 2 days after opening.
  const t1 = Date.now();
  let events: unknown[] = [];
  const H = 3_600_000;
  for (let i = 0; i < CASES; i++) {
    const opened = START_MS + Math.floor(r() * (END_MS - START_MS));
    const id = newId();
    const moves: [number, string][] = [];
    const responded = opened + Math.floor(r() * 30 * H);
    moves.push([responded, 'in_progress']);
    let status = 'in_progress';
    let resolved: number | null = null;
    let closed: number | null = null;
    if (r() < 0.85) {
      resolved = responded + Math.floor(r() * 96 * H);
      moves.push([resolved, 'resolved']);
      status = 'resolved';
      if (r() < 0.1) {
        moves.push([resolved + 10 * H, 'in_progress']);
        resolved = resolved + 10 * H + Math.floor(r() * 48 * H);
        moves.push([resolved, 'resolved']);
      }
      if (r() < 0.6) {
        closed = resolved + 72 * H;
        moves.push([closed, 'closed']);
        status = 'closed';
      }
    }
    const due = opened + 48 * H;
    const last = moves.at(-1)![0];
    batch.push({
      id,
      org_id: orgId,
      public_ref: `C-B${i}`,
      title: 'Обращение',
      type: r() < 0.6 ? 'complaint' : 'request',
      priority: 'normal',
      status,
      stage: stage(),
      client_id: client(),
      contact_id: null,
      feedback_id: null,
      owner_id: null,
      sla_policy_id: null,
      opened_by: 'system',
      first_response_due_at: iso(opened + 4 * H),
      due_at: iso(due),
      first_responded_at: iso(responded),
      resolved_at: resolved === null ? null : iso(resolved),
      closed_at: closed === null ? null : iso(closed),
      breached_at: resolved === null || resolved > due ? iso(due) : null,
      resolution: null,
      followup_requested: 0,
      created_at: iso(opened),
      updated_at: iso(last),
    });
    for (const [at, to] of [[opened, 'new'] as [number, string], ...moves])
      events.push({
        id: newId(),
        org_id: orgId,
        case_id: id,
        kind: to === 'new' ? 'opened' : 'status',
        from_status: null,
        to_status: to,
        actor_type: 'system',
        actor_id: null,
        body: null,
        created_at: iso(at),
      });
    if (batch.length === 1000) {
      await chunked(deps, 'cases', batch);
      await chunked(deps, 'case_events', events);
      batch = [];
      events = [];
    }
  }
  if (batch.length) await chunked(deps, 'cases', batch);
  if (events.length) await chunked(deps, 'case_events', events);
  batch = [];
  console.log(`  cases ${CASES}: ${((Date.now() - t1) / 1000).toFixed(0)} s`);
  // Transactions: sales (3 % refunds) of random clients, 80 % with a stage, 70 % due in 14 days.
  const t2 = Date.now();
  for (let i = 0; i < TX; i++) {
    const month = FIRST_MONTH + Math.floor(r() * MONTHS);
    const date = monthDate(month, 1 + Math.floor(r() * 28));
    const refund = r() < 0.03;
    const amount = 100_00 + Math.floor(r() * 50_000_00);
    const dueDate = !refund && r() < 0.7 ? iso(Date.parse(date) + 14 * 86_400_000) : null;
    batch.push({
      id: newId(),
      org_id: orgId,
      client_id: client(),
      external_id: `T-${i}`,
      kind: refund ? 'refund' : 'sale',
      date,
      amount_minor: refund ? Math.floor(amount / 10) : amount,
      cost_minor: r() < 0.8 ? Math.floor(amount * 0.6) : null,
      currency: 'RUB',
      exchange_rate: null,
      product: null,
      stage: r() < 0.8 ? stage() : null,
      due_date: dueDate?.slice(0, 10) ?? null,
      paid_at:
        dueDate && r() < 0.85
          ? iso(Date.parse(date) + Math.floor(r() * 30) * 86_400_000).slice(0, 10)
          : null,
      manager_id: null,
      created_at: now,
      updated_at: now,
    });
    if (batch.length === 2000) {
      await chunked(deps, 'transactions', batch);
      batch = [];
    }
  }
  if (batch.length) await chunked(deps, 'transactions', batch);
  batch = [];
  console.log(`  transactions ${TX}: ${((Date.now() - t2) / 1000).toFixed(0)} s`);
  // Calls: 100 000 over the 24 months; KPIs: 3 per stage and month.
  for (let i = 0; i < CALLS; i++) {
    const at = START_MS + Math.floor(r() * (END_MS - START_MS));
    const answered = r() < 0.85 ? 1 : 0;
    batch.push({
      id: newId(),
      org_id: orgId,
      started_at: iso(at),
      direction: r() < 0.7 ? 'in' : 'out',
      wait_seconds: Math.floor(r() * 90),
      answered,
      duration_seconds: answered ? Math.floor(r() * 600) : 0,
      employee: null,
      user_id: null,
      employee_id: null,
      client_phone: `+7900${String(i % 100_000).padStart(7, '0')}`,
      contact_id: null,
      client_id: null,
      stage: stage(),
      external_id: `CALL-${i}`,
      called_back_call_id: null,
      callback_at: null,
      created_at: iso(at),
    });
    if (batch.length === 2000) {
      await chunked(deps, 'calls', batch);
      batch = [];
    }
  }
  if (batch.length) await chunked(deps, 'calls', batch);
  batch = [];
  const kpis = ['first_contact_resolution', 'delivery_on_time', 'docs_turnaround'].map((key) => ({
    id: newId(),
    org_id: orgId,
    key,
    name: key,
    name_en: key,
    unit: '%',
    direction: 'up' as const,
    target: 90,
    created_at: now,
    updated_at: now,
  }));
  await insertRows(deps.db, 'kpis', kpis);
  const values = kpis.flatMap((k) =>
    STAGES.flatMap((s) =>
      Array.from({ length: MONTHS }, (_, m) => ({
        kpi_id: k.id,
        org_id: orgId,
        stage: s,
        period: monthDate(FIRST_MONTH + m, 1).slice(0, 7),
        value: 70 + Math.floor(r() * 30),
        target: null,
        updated_at: now,
      })),
    ),
  );
  await insertRows(deps.db, 'kpi_values', values);
  const t3 = Date.now();
  await deps.db.transaction().execute(async (db) => {
    await rebuildTransactionRollups({ db, orgId });
    await rebuildBenchRollups({ db, orgId });
  });
  console.log(`  rollups: ${((Date.now() - t3) / 1000).toFixed(0)} s`);
  return { orgId, managerId: admin.id, clientId: clientIds[0]! };
}

/** The data set of a previous run, when there is one (the bench org, a fresh admin key). */
async function reuse(deps: Deps) {
  const org = await deps.db
    .selectFrom('orgs')
    .select('id')
    .where('name', '=', 'Бенчмарк карты')
    .executeTakeFirst();
  if (!org) return undefined;
  const done = await deps.db
    .selectFrom('kpi_values')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', org.id)
    .executeTakeFirstOrThrow();
  if (Number(done.n) === 0) return undefined; // an interrupted load
  const admin = await deps.db
    .selectFrom('users')
    .select('id')
    .where('org_id', '=', org.id)
    .executeTakeFirstOrThrow();
  const client = await deps.db
    .selectFrom('clients')
    .select('id')
    .where('org_id', '=', org.id)
    .limit(1)
    .executeTakeFirstOrThrow();
  return { orgId: org.id, managerId: admin.id, clientId: client.id };
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

async function timeEndpoint(
  base: string,
  key: string,
  url: string,
  opts: { requests?: number; before?: () => Promise<void> } = {},
) {
  const times: number[] = [];
  const requests = opts.requests ?? REQUESTS;
  for (let i = 0; i < requests + 5; i++) {
    await opts.before?.();
    const t0 = performance.now();
    const res = await fetch(`${base}${url}`, { headers: { authorization: `Bearer ${key}` } });
    await res.text();
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
    if (i >= 5) times.push(performance.now() - t0);
  }
  return { p50: +percentile(times, 50).toFixed(1), p95: +percentile(times, 95).toFixed(1) };
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
  const options: Record<string, Parameters<typeof timeEndpoint>[3]> = {};
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
    timings[name] = await timeEndpoint(base, key, url, options[name]);
    console.log(`${label} ${name}: p50 ${timings[name]!.p50} ms, p95 ${timings[name]!.p95} ms`);
  }
  await app.close();
  await deps.db.destroy();
  return { loadSeconds, timings, arbiterComputeSeconds: computeSeconds };
}

async function pgDatabase(): Promise<string> {
  const c = new pg.Client({ connectionString: PG_BASE });
  await c.connect();
  try {
    const has = await c.query('select 1 from pg_database where datname = $1', [PG_NAME]);
    if (has.rowCount && FRESH) await c.query(`drop database ${PG_NAME} with (force)`);
    if (!has.rowCount || FRESH) await c.query(`create database ${PG_NAME}`);
  } finally {
    await c.end();
  }
  return PG_BASE.replace(/\/[^/]*$/, `/${PG_NAME}`);
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
if (process.env.BENCH_PG === '1') results.postgres = await benchOne('postgres', await pgDatabase());
results.loadAverageAtEnd = loadavg().map((x) => +x.toFixed(2));
mkdirSync('bench/results', { recursive: true });
const out = `bench/results/scorecard-${Date.now()}.json`;
writeFileSync(out, JSON.stringify(results, null, 2));
console.log(`written ${out}`);
