// Multi-row inserts for the hot paths (intake, outbox, job queue): one statement per chunk of rows
// instead of one per row. The SQL text is built here and cached, because Kysely's query builder
// spends ~7 µs per row (of 22 columns) compiling values that never change shape (measured;
// docs/BENCHMARKS.md, issue 6). Identifiers come from the code, never from input; values are bound.
import { CompiledQuery } from 'kysely';
import { dialectOf } from './create-db.ts';
import type { DB, DbOrTrx } from './types.ts';

/** Rows per statement: powers of two, so each table has at most 8 distinct statements to prepare. */
const CHUNKS = [128, 64, 32, 16, 8, 4, 2, 1] as const;
/** SQLite binds at most 32 766 parameters per statement; PostgreSQL 65 535. */
const MAX_PARAMS = 30_000;

const sqlCache = new Map<string, string>();


function insertSql(pg: boolean, table: string, columns: readonly string[], rows: number, conflict: string | undefined, returning: string | undefined): string {
  const key = `${pg ? 'p' : 's'}|${table}|${columns.join(',')}|${rows}|${conflict ?? ''}|${returning ?? ''}`;
  let text = sqlCache.get(key);
  if (text === undefined) {
    let n = 0;
    const tuple = () => `(${columns.map(() => (pg ? `$${++n}` : '?')).join(', ')})`;
    const values = Array.from({ length: rows }, tuple).join(', ');
    text = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values ${values}`;
    if (conflict) text += ` on conflict ("${conflict}") do nothing`;
    if (returning) text += ` returning "${returning}"`;
    sqlCache.set(key, text);
  }
  return text;
}

export interface InsertRowsOptions {
  /** `on conflict (column) do nothing`: rows that clash on this unique column are skipped. */
  onConflictDoNothing?: string;
  /** Return this column of the rows actually inserted (with onConflictDoNothing: the survivors). */
  returning?: string;
}

/**
 * Inserts rows that all have the same columns (the first row's keys, in its key order) with
 * multi-row statements. Returns the `returning` column of inserted rows, else an empty array.
 */
export async function insertRows<T extends keyof DB & string>(db: DbOrTrx, table: T, rows: readonly DB[T][], opts: InsertRowsOptions = {}): Promise<unknown[]> {
  if (rows.length === 0) return [];
  const columns = Object.keys(rows[0]!) as (keyof DB[T] & string)[];
  const pg = dialectOf(db) === 'postgres';
  const maxRows = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  const returned: unknown[] = [];
  let at = 0;
  while (at < rows.length) {
    const left = rows.length - at;
    const size = CHUNKS.find((c) => c <= left && c <= maxRows) ?? 1;
    const params: unknown[] = new Array(size * columns.length);
    let p = 0;
    for (let r = at; r < at + size; r++) {
      const row = rows[r]!;
      for (const c of columns) params[p++] = row[c];
    }
    const result = await db.executeQuery(CompiledQuery.raw(insertSql(pg, table, columns, size, opts.onConflictDoNothing, opts.returning), params));
    if (opts.returning) for (const row of result.rows as Record<string, unknown>[]) returned.push(row[opts.returning]);
    at += size;
  }
  return returned;
}
