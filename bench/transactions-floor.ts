// npx tsx bench/transactions-floor.ts <template.db> — the storage floor under the transactions
// batch API on SQLite (issue 14): 20 × 1000 rows of random clients written straight into a copy
// of the bench's 1 000 000-row data set (bench/economics.ts BENCH_DATA) with better-sqlite3 —
// the table and its five indexes and foreign keys, 70-row statements, no HTTP, JSON, checks or
// rollups — committed as the shipped server commits (WAL, synchronous FULL) and, for scale,
// without the sync (NORMAL). Checkpoints as with the shipped checkpointer thread: none in a commit.
import Database from 'better-sqlite3';
import { copyFileSync, rmSync } from 'node:fs';

const template = process.argv[2] ?? '';
if (template === '') throw new Error('usage: npx tsx bench/transactions-floor.ts <template.db>');
const COLUMNS = ['id', 'org_id', 'client_id', 'external_id', 'kind', 'date', 'amount_minor'];
const PER = 70;

function run(synchronous: 'full' | 'normal'): number {
  const file = `${template}.floor-${process.pid}.db`;
  copyFileSync(template, file);
  const db = new Database(file);
  db.pragma('journal_mode = wal');
  db.pragma(`synchronous = ${synchronous}`);
  db.pragma('foreign_keys = on');
  db.pragma('cache_size = -65536');
  db.pragma('wal_autocheckpoint = 100000');
  const org = db.prepare('select id from orgs limit 1').pluck().get() as string;
  const clients = db.prepare('select id from clients where org_id = ?').pluck().all(org);
  const cols = [...COLUMNS, 'currency', 'due_date', 'cost_minor', 'created_at', 'updated_at'];
  const row = `(${cols.map(() => '?').join(',')})`;
  const insert = db.prepare(
    `insert into transactions (${cols.join(',')}) values ${Array(PER).fill(row).join(',')}`,
  );
  let n = 0;
  const t0 = performance.now();
  for (let b = 0; b < 20; b++) {
    const stamp = new Date().toISOString();
    const rows = Array.from({ length: 980 }, () => [
      // Time-ordered ids, as lib/ids.ts newId makes them.
      `${String(1e12 + n).padStart(16, '0')}-0000-7000-8000-000000000000`.replace(
        /^(.{8})(.{4})(.{4})/,
        '$1-$2-$3',
      ),
      org,
      clients[Math.floor(Math.random() * clients.length)],
      `FLOOR-${n++}`,
      'sale',
      '2026-11-15',
      123450,
      'RUB',
      '2026-11-29',
      70000,
      stamp,
      stamp,
    ]);
    db.transaction(() => {
      for (let i = 0; i < rows.length; i += PER) insert.run(rows.slice(i, i + PER).flat());
    })();
  }
  const rate = Math.round((20 * 980) / ((performance.now() - t0) / 1000));
  db.close();
  for (const end of ['', '-wal', '-shm']) rmSync(file + end, { force: true });
  return rate;
}

for (const sync of ['full', 'normal', 'full', 'normal'] as const)
  console.log(`transactions floor, synchronous=${sync}: ${run(sync)} rows/s`);
