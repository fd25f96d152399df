// Multi-row inserts for the hot paths (intake, outbox, job queue): one statement per chunk of rows
// instead of one per row. The SQL text is built here and cached, because Kysely's query builder
// spends ~7 µs per row (of 22 columns) compiling values that never change shape (measured;
// docs/BENCHMARKS.md, issue 6). Identifiers come from the code, never from input; values are bound.
// On PostgreSQL every call is one statement whatever the number of rows: `insert … select * from
// unnest($1::uuid[], $2::text[], …)`, one array parameter per column, run as a named prepared
// statement (create-db.ts). Measured on a 25-row group: PostgreSQL's own CPU per row 100 µs with
// VALUES chunks of 16 + 8 + 1, 63 µs with the prepared unnest (scratch measurement, issue 6).
import { CompiledQuery, sql } from 'kysely';
import { dialectOf, preparedOnPostgres } from './create-db.ts';
import type { DB, DbOrTrx } from './types.ts';

/** Rows per statement: powers of two, so each table has at most 8 distinct statements to prepare. */
const CHUNKS = [128, 64, 32, 16, 8, 4, 2, 1] as const;
/** SQLite binds at most 32 766 parameters per statement; PostgreSQL 65 535. */
const MAX_PARAMS = 30_000;

const sqlCache = new Map<string, string>();

function insertSql(
  pg: boolean,
  table: string,
  columns: readonly string[],
  rows: number,
  conflict: string | undefined,
  returning: string | undefined,
): string {
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

/** PostgreSQL column types by table, read from the catalogue once per process (all schemas share them). */
const pgColumnTypes = new Map<string, Map<string, string>>();

async function columnTypes(db: DbOrTrx, table: string): Promise<Map<string, string>> {
  let types = pgColumnTypes.get(table);
  if (!types) {
    const { rows } = await sql<{ name: string; type: string }>`
      select a.attname as name, format_type(a.atttypid, a.atttypmod) as type
      from pg_attribute a
      where a.attrelid = to_regclass(${`"${table}"`}) and a.attnum > 0 and not a.attisdropped`.execute(
      db,
    );
    if (rows.length === 0) throw new Error(`insertRows: table ${table} not found`);
    types = new Map(rows.map((r) => [r.name, r.type]));
    pgColumnTypes.set(table, types);
  }
  return types;
}

function unnestSql(
  table: string,
  columns: readonly string[],
  types: Map<string, string>,
  conflict: string | undefined,
  returning: string | undefined,
): string {
  const key = `u|${table}|${columns.join(',')}|${conflict ?? ''}|${returning ?? ''}`;
  let text = sqlCache.get(key);
  if (text === undefined) {
    const arrays = columns.map((c, i) => {
      const type = types.get(c);
      if (!type) throw new Error(`insertRows: ${table} has no column ${c}`);
      return `$${i + 1}::${type}[]`;
    });
    text = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) select * from unnest(${arrays.join(', ')})`;
    if (conflict) text += ` on conflict ("${conflict}") do nothing`;
    if (returning) text += ` returning "${returning}"`;
    preparedOnPostgres(text);
    sqlCache.set(key, text);
  }
  return text;
}

async function insertRowsPostgres(
  db: DbOrTrx,
  table: string,
  columns: readonly string[],
  rows: readonly Record<string, unknown>[],
  opts: InsertRowsOptions,
): Promise<unknown[]> {
  let types = await columnTypes(db, table);
  if (columns.some((c) => !types.has(c))) {
    // A migration added the column since the types were read (tests migrate back and forth).
    pgColumnTypes.delete(table);
    types = await columnTypes(db, table);
  }
  const text = unnestSql(table, columns, types, opts.onConflictDoNothing, opts.returning);
  const params = columns.map((c) => {
    const values = new Array<unknown>(rows.length);
    for (let r = 0; r < rows.length; r++) {
      const v = rows[r]![c];
      // An array or object value would become a nested array dimension: JSON columns hold text.
      if (v !== null && typeof v === 'object')
        throw new Error(`insertRows: ${table}.${c} must be a scalar (JSON columns take strings)`);
      values[r] = v === undefined ? null : v;
    }
    return values;
  });
  const result = await db.executeQuery(CompiledQuery.raw(text, params));
  return opts.returning
    ? (result.rows as Record<string, unknown>[]).map((row) => row[opts.returning!])
    : [];
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
export async function insertRows<T extends keyof DB & string>(
  db: DbOrTrx,
  table: T,
  rows: readonly DB[T][],
  opts: InsertRowsOptions = {},
): Promise<unknown[]> {
  if (rows.length === 0) return [];
  const columns = Object.keys(rows[0]!) as (keyof DB[T] & string)[];
  const pg = dialectOf(db) === 'postgres';
  if (pg)
    return insertRowsPostgres(
      db,
      table,
      columns,
      rows as unknown as readonly Record<string, unknown>[],
      opts,
    );
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
    const result = await db.executeQuery(
      CompiledQuery.raw(
        insertSql(pg, table, columns, size, opts.onConflictDoNothing, opts.returning),
        params,
      ),
    );
    if (opts.returning)
      for (const row of result.rows as Record<string, unknown>[])
        returned.push(row[opts.returning]);
    at += size;
  }
  return returned;
}
