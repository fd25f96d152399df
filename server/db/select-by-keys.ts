// Hot lookups by a list of keys (intake's duplicate checks). On PostgreSQL they are written
// `column = any($n)`: one array parameter whatever the number of keys, so the text is the same
// for every group size and stays under any parameter limit. They are not prepared: a generic
// plan made while the table is young (empty at first start) is a sequential scan that the
// connection keeps as the table grows (measured: 600 buffer reads per lookup at 17 000 rows;
// custom plans use the unique index, 8). SQLite keeps IN lists in chunks under its parameter
// limit; its statements are cached by text in the process (create-db.ts).
import { sql, type Compilable, type Expression, type SqlBool } from 'kysely';
import { dialectOf } from './create-db.ts';
import type { DbOrTrx } from './types.ts';

/** Values per IN list on SQLite (it binds at most 32 766 parameters per statement). */
export const IN_CHUNK = 1000;

/**
 * Rows whose `column` is one of `values`: one `= any($n)` query on PostgreSQL, IN lists of at
 * most IN_CHUNK values on SQLite. `query(keys)` builds the query around the key condition.
 */
export async function selectByKeys<O>(db: DbOrTrx, column: string, values: readonly unknown[], query: (keys: Expression<SqlBool>) => Compilable<O>): Promise<O[]> {
  if (values.length === 0) return [];
  if (dialectOf(db) === 'postgres') return (await db.executeQuery(query(sql<SqlBool>`${sql.ref(column)} = any(${[...values]})`).compile())).rows;
  const found: O[] = [];
  for (let i = 0; i < values.length; i += IN_CHUNK) {
    const part = values.slice(i, i + IN_CHUNK);
    found.push(...(await db.executeQuery(query(sql<SqlBool>`${sql.ref(column)} in (${sql.join(part)})`).compile())).rows);
  }
  return found;
}
