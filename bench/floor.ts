// The SQLite floor of intake (issue 6): how many feedback rows per second SQLite itself stores on
// this machine, with nothing of ClientLoop around it: no HTTP, JSON, validation, duplicate check
// or fsync. Rows shaped like the benchmark's records are bound to a prepared insert through the
// product's own connection (create-db.ts: its pragmas and page cache) on the migrated schema, in
// transactions of 1000. Checkpoints are left out of the timing (the product runs them on a
// thread of its own). A second table shows what the four read indexes of `feedback` cost.
// npm run bench:floor   (FLOOR_ROWS, default 100000 per variant, after as many to warm up)
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb } from '../server/db/create-db.ts';
import { migrateToLatest } from '../server/db/migrate.ts';

const ROWS = Number(process.env.FLOOR_ROWS ?? 100_000);
const PER_TRANSACTION = 1000;
const READ_INDEXES = ['feedback_org_received_idx', 'feedback_org_client_idx', 'feedback_org_id_idx', 'feedback_text_pending_idx'];

async function measure(dropReadIndexes: boolean): Promise<{ indexes: string[]; microsPerRow: number; rowsPerSecond: number }> {
  const handle = createDb(`sqlite:${join(mkdtempSync(join(tmpdir(), 'cl-floor-')), 'floor.db')}`);
  await migrateToLatest(handle.db);
  const raw = handle.sqlite!;
  raw.pragma('synchronous = NORMAL');
  raw.pragma('wal_autocheckpoint = 0');
  if (dropReadIndexes) for (const name of READ_INDEXES) raw.exec(`drop index ${name}`);
  raw.prepare(`insert into orgs (id, name, default_language, created_at) values ('org-floor', 'Floor', 'ru', '2026-11-23T00:00:00.000Z')`).run();
  const columns = (raw.prepare(`select name from pragma_table_info('feedback')`).all() as Array<{ name: string }>).map((c) => c.name);
  const insert = raw.prepare(`insert into feedback (${columns.map((c) => `"${c}"`).join(', ')}) values (${columns.map(() => '?').join(', ')})`);
  let n = 0;
  const row = (): unknown[] => {
    n += 1;
    const at = new Date(Date.UTC(2026, 10, 23) + n).toISOString();
    const values: Record<string, unknown> = {
      id: `019ab${n.toString(16).padStart(27, '0')}`,
      org_id: 'org-floor',
      ref_key: `N${String(n).padStart(16, '0')}`,
      public_ref: `R${n.toString(36).toUpperCase()}`,
      channel: 'api',
      score_type: 'nps',
      score_value: 9,
      text: `Всё хорошо, спасибо — отзыв ${n}`,
      topics: '[]',
      source_id: `floor-${n}`,
      received_at: at,
      created_at: at,
    };
    return columns.map((c) => values[c] ?? null);
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
  const indexes = (raw.prepare(`select name from sqlite_master where type = 'index' and tbl_name = 'feedback'`).all() as Array<{ name: string }>).map((r) => r.name);
  await handle.close();
  return { indexes, microsPerRow: Math.round(microsPerRow * 100) / 100, rowsPerSecond: Math.round(1e6 / microsPerRow) };
}

const results = { at: new Date().toISOString(), machine: { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version }, rows: ROWS, schema: await measure(false), withoutReadIndexes: await measure(true) };
process.stdout.write(
  [
    '| feedback table | b-trees written per row | µs per row | rows/s |',
    '|---|---|---|---|',
    `| as shipped | ${results.schema.indexes.length + 1} | ${results.schema.microsPerRow} | ${results.schema.rowsPerSecond} |`,
    `| without the four read indexes | ${results.withoutReadIndexes.indexes.length + 1} | ${results.withoutReadIndexes.microsPerRow} | ${results.withoutReadIndexes.rowsPerSecond} |`,
  ].join('\n') + `\n\n${JSON.stringify(results, null, 2)}\n`,
);
mkdirSync('bench/results', { recursive: true });
writeFileSync(`bench/results/floor-${results.at}.json`.replace(/:/g, '-'), JSON.stringify(results, null, 2));
