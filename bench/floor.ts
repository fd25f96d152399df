// The storage floor of intake (issue 6): how many feedback rows per second the database itself
// stores on this machine, with nothing of ClientLoop around it: no HTTP, JSON, validation,
// duplicate check or (SQLite) fsync. Rows shaped like the benchmark's records, on the migrated
// schema, in transactions of 1000.
// - SQLite: bound to a prepared insert through the product's own connection (create-db.ts: its
//   pragmas and page cache). Checkpoints are left out of the timing (the product runs them on a
//   thread of its own). A second row shows what the four read indexes of `feedback` cost.
// - PostgreSQL (BENCH_PG=1): the product's own prepared `insert … select * from unnest(…)`
//   (db/bulk.ts), committed normally (synchronous_commit on), from one and from two connections
//   at once, as the batch benchmark loads it.
// npm run bench:floor   (FLOOR_ROWS, default 100000 per variant, after as many to warm up)
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { insertRows } from '../server/db/bulk.ts';
import { dropBenchDatabases, freshPgDatabase } from './lib.ts';
import { createDb } from '../server/db/create-db.ts';
import type { FeedbackTable } from '../server/db/types.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { sql } from 'kysely';

const ROWS = Number(process.env.FLOOR_ROWS ?? 100_000);
const PER_TRANSACTION = 1000;
const READ_INDEXES = [
  'feedback_org_received_idx',
  'feedback_org_client_idx',
  'feedback_org_id_idx',
  'feedback_text_pending_idx',
];

let n = 0;
/** A row like the benchmark's records: an API record with a score, a short text and a source id. */
function feedbackRow(orgId: string): FeedbackTable {
  n += 1;
  const at = new Date(Date.UTC(2026, 10, 23) + n).toISOString();
  const hex = n.toString(16).padStart(15, '0');
  return {
    id: `019ab000-0000-7000-8${hex.slice(0, 3)}-${hex.slice(3, 15)}`,
    org_id: orgId,
    ref_key: `N${String(n).padStart(16, '0')}`,
    public_ref: `R${n.toString(36).toUpperCase()}`,
    channel: 'api',
    client_id: null,
    contact_id: null,
    stage: null,
    survey_id: null,
    score_type: 'nps',
    score_value: 9,
    text: `Всё хорошо, спасибо — отзыв ${n}`,
    language: null,
    sentiment_label: null,
    sentiment_score: null,
    topics: '[]',
    source_id: `floor-${n}`,
    raw: null,
    case_id: null,
    acknowledged_at: null,
    received_at: at,
    created_at: at,
    analysed_at: null,
  } as FeedbackTable;
}

const ORG_INSERT = `insert into orgs (id, name, default_language, created_at) values ('00000000-0000-7000-8000-000000000001', 'Floor', 'ru', '2026-11-23T00:00:00.000Z')`;
const ORG_ID = '00000000-0000-7000-8000-000000000001';

async function measurePostgres(
  connections: number,
): Promise<{ connections: number; microsPerRow: number; rowsPerSecond: number }> {
  const handle = createDb(await freshPgDatabase('cl_floor'), { pgPoolSize: connections });
  await migrateToLatest(handle.db);
  await sql.raw(ORG_INSERT).execute(handle.db);
  const run = async (perConnection: number) => {
    const started = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: connections }, async () => {
        for (let b = 0; b < perConnection; b += PER_TRANSACTION) {
          const rows = Array.from({ length: PER_TRANSACTION }, () => feedbackRow(ORG_ID));
          await handle.db.transaction().execute((trx) => insertRows(trx, 'feedback', rows));
        }
      }),
    );
    return Number(process.hrtime.bigint() - started) / 1000 / (perConnection * connections);
  };
  await run(ROWS / connections); // warm-up
  const microsPerRow = await run(ROWS / connections);
  await handle.close();
  return {
    connections,
    microsPerRow: Math.round(microsPerRow * 100) / 100,
    rowsPerSecond: Math.round(1e6 / microsPerRow),
  };
}

async function measure(
  dropReadIndexes: boolean,
): Promise<{ indexes: string[]; microsPerRow: number; rowsPerSecond: number }> {
  const handle = createDb(`sqlite:${join(mkdtempSync(join(tmpdir(), 'cl-floor-')), 'floor.db')}`);
  await migrateToLatest(handle.db);
  const raw = handle.sqlite!;
  raw.pragma('synchronous = NORMAL');
  raw.pragma('wal_autocheckpoint = 0');
  if (dropReadIndexes) for (const name of READ_INDEXES) raw.exec(`drop index ${name}`);
  raw.prepare(ORG_INSERT).run();
  const columns = (
    raw.prepare(`select name from pragma_table_info('feedback')`).all() as Array<{ name: string }>
  ).map((c) => c.name);
  const insert = raw.prepare(
    `insert into feedback (${columns.map((c) => `"${c}"`).join(', ')}) values (${columns.map(() => '?').join(', ')})`,
  );
  const row = (): unknown[] => {
    const r = feedbackRow(ORG_ID) as unknown as Record<string, unknown>;
    return columns.map((c) => r[c] ?? null);
  };
  const timed = (rows: unknown[][]): number => {
    const started = process.hrtime.bigint();
    for (let b = 0; b < rows.length; b += PER_TRANSACTION) {
      raw.transaction(() => {
        for (let i = b; i < Math.min(b + PER_TRANSACTION, rows.length); i++) insert.run(rows[i]!);
      })();
    }
    return Number(process.hrtime.bigint() - started) / 1000 / rows.length;
  };
  timed(Array.from({ length: ROWS }, row)); // warm-up: the table holds ROWS rows before the timed run
  raw.pragma('wal_checkpoint(TRUNCATE)');
  const microsPerRow = timed(Array.from({ length: ROWS }, row));
  const indexes = (
    raw
      .prepare(`select name from sqlite_master where type = 'index' and tbl_name = 'feedback'`)
      .all() as Array<{ name: string }>
  ).map((r) => r.name);
  await handle.close();
  return {
    indexes,
    microsPerRow: Math.round(microsPerRow * 100) / 100,
    rowsPerSecond: Math.round(1e6 / microsPerRow),
  };
}

const sqlite = { schema: await measure(false), withoutReadIndexes: await measure(true) };
const postgres =
  process.env.BENCH_PG === '1'
    ? { oneConnection: await measurePostgres(1), twoConnections: await measurePostgres(2) }
    : undefined;
await dropBenchDatabases();
const results = {
  at: new Date().toISOString(),
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version },
  rows: ROWS,
  sqlite,
  postgres,
};
const table = [
  '| database, feedback table | µs per row | rows/s |',
  '|---|---|---|',
  `| SQLite, as shipped (${sqlite.schema.indexes.length + 1} b-trees per row) | ${sqlite.schema.microsPerRow} | ${sqlite.schema.rowsPerSecond} |`,
  `| SQLite, without the four read indexes (${sqlite.withoutReadIndexes.indexes.length + 1} b-trees) | ${sqlite.withoutReadIndexes.microsPerRow} | ${sqlite.withoutReadIndexes.rowsPerSecond} |`,
];
if (postgres) {
  table.push(
    `| PostgreSQL, as shipped, one connection | ${postgres.oneConnection.microsPerRow} | ${postgres.oneConnection.rowsPerSecond} |`,
  );
  table.push(
    `| PostgreSQL, as shipped, two connections at once | ${postgres.twoConnections.microsPerRow} | ${postgres.twoConnections.rowsPerSecond} |`,
  );
}
process.stdout.write(`${table.join('\n')}\n\n${JSON.stringify(results, null, 2)}\n`);
mkdirSync('bench/results', { recursive: true });
writeFileSync(
  `bench/results/floor-${results.at}.json`.replace(/:/g, '-'),
  JSON.stringify(results, null, 2),
);
