// The data set of bench/scorecard.ts (issue 16): an organisation in Moscow, 8 journey stages,
// 20 000 clients, 24 months (2024-12 … 2026-11) of feedback, cases, transactions, calls and KPI
// values, written with multi-row inserts (not through the API), the rollups rebuilt after.
import { loadConfig } from '../server/config.ts';
import { insertRows } from '../server/db/bulk.ts';
import { loadStatusLinkKeys } from '../server/lib/status-link.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import type { DB } from '../server/db/types.ts';
import { createDeps } from '../server/deps.ts';
import { newId } from '../server/lib/ids.ts';
import { createLogger } from '../server/lib/logger.ts';
import { createBenchOrg } from './lib.ts';
import { END_MS, generateCases, iso, START_MS } from './scorecard-cases.ts';
import { rebuildBenchRollups } from './scorecard-rollups.ts';

const FEEDBACK = Number(process.env.BENCH_FEEDBACK ?? 1_000_000);
const TX = Number(process.env.BENCH_TX ?? 1_000_000);
const CALLS = Number(process.env.BENCH_CALLS ?? 100_000);
const CLIENTS = 20_000;
const FIRST_MONTH = 2024 * 12 + 11; // 2024-12 … 2026-11: 24 months
const MONTHS = 24;
export const STAGES = [
  'lead',
  'onboarding',
  'delivery',
  'support',
  'billing',
  'renewal',
  'upsell',
  'exit',
];
export const KEY = 'cl_benchscorecardadminkey00000000000000'; // not a secret: a throwaway database
export function seeded(seed: number) {
  return () => {
    seed = (seed * 48271) % 2147483647;
    return seed / 2147483647;
  };
}
const pad = (n: number) => String(n).padStart(2, '0');
const monthDate = (m: number, day: number) =>
  `${Math.floor(m / 12)}-${pad((m % 12) + 1)}-${pad(day)}`;

export async function openDeps(databaseUrl: string) {
  const config = loadConfig({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' });
  const deps = createDeps(config, { log: createLogger('silent') });
  await migrateToLatest(deps.db);
  await loadStatusLinkKeys(deps);
  return deps;
}

export type Deps = Awaited<ReturnType<typeof openDeps>>;

export async function chunked<T>(deps: Deps, table: keyof DB, rows: T[]) {
  await deps.db.transaction().execute((trx) => insertRows(trx, table, rows as never));
}

/** Writes the whole data set; returns the org and its admin key. */
export async function generate(deps: Deps) {
  const org = await createBenchOrg(deps, {
    name: 'Бенчмарк карты',
    timeZone: 'Europe/Moscow',
    apiKeySecret: KEY,
  });
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
  await generateCases((table, rows) => chunked(deps, table, rows), orgId, { r, stage, client });
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
    await rebuildBenchRollups({ db, orgId });
  });
  console.log(`  rollups: ${((Date.now() - t3) / 1000).toFixed(0)} s`);
  return { orgId, managerId: admin.id, clientId: clientIds[0]! };
}
