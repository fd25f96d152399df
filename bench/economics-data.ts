// The data set of bench/economics.ts (issue 14): 20 000 clients and 1 000 000 transactions over
// three years, loaded with multi-row inserts and the rollups rebuilt from the rows; with
// BENCH_DATA kept as a template and copied for every run (see bench/economics.ts).
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../server/config.ts';
import { insertRows } from '../server/db/bulk.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import type { TransactionsTable } from '../server/db/types.ts';
import { createDeps } from '../server/deps.ts';
import { newId } from '../server/lib/ids.ts';
import { createLogger } from '../server/lib/logger.ts';
import { loadStatusLinkKeys } from '../server/lib/status-link.ts';
import { rebuildStageMoney } from '../server/modules/economics/index.ts';
import {
  rebuildTransactionRollups,
  recordFeedbackActivity,
} from '../server/modules/economics/rollups.service.ts';
import { createBenchOrg, freshPgDatabase, pgDatabaseExists, pgDatabaseFrom } from './lib.ts';

export const TX = Number(process.env.BENCH_TX ?? 1_000_000);
export const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 20_000);
const FIRST_MONTH = 2023 * 12 + 11; // 2023-12 … 2026-11: 36 months
const MONTHS = 36;
export const DATA = process.env.BENCH_DATA;
const LOAD_ONLY = process.env.BENCH_LOAD_ONLY === '1';
export const RUN = Date.now().toString(36); // document numbers unique to this run (a kept data set)

export function seeded(seed: number) {
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

interface Kept {
  orgId: string;
  apiKey: string;
  clientIds: string[];
  loadSeconds: number;
  rollupSeconds: number;
}

/** The data set: loaded into `databaseUrl`, or (BENCH_DATA) a copy of the kept one. */
export async function load(label: string, databaseUrl: () => Promise<string>) {
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
