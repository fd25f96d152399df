// Hot lookups by a list of keys (intake's duplicate checks, senders by e-mail). On PostgreSQL a
// key finds at most one row, the first in the query's order (`… order by id` for the oldest); on
// SQLite every matching row comes back, so callers that want one per key pick it themselves.
// On PostgreSQL the keys go as one array parameter, the same text for every group size and under
// any parameter limit, and each key is probed on its own:
//   select t.* from unnest($n::text[]) as k(v) cross join lateral (… where column = k.v limit 1) t
// The plain `column = any($n)` let the planner choose by table statistics, and a young table
// has none until autovacuum's first analyse: at 95 000 never-analysed rows of one organisation
// it read all of them through the organisation index and filtered (31 ms for 1000 keys, 14.7 ms
// a batch under load) instead of 1000 index probes (2.4 ms). LIMIT 1 keeps the subquery from
// being flattened into a join the planner could turn into that scan again. Not prepared either:
// a generic plan made while the table is empty is kept as it grows (issue 6).
// SQLite keeps IN lists in chunks under its parameter limit; its statements are cached by text
// in the process (create-db.ts).
import { CompiledQuery, sql, type Compilable, type Expression, type SqlBool } from 'kysely';
import { dialectOf } from './create-db.ts';
import type { DbOrTrx } from './types.ts';

/** Values per IN list on SQLite (it binds at most 32 766 parameters per statement). */
export const IN_CHUNK = 1000;

/**
 * Rows whose `column` is one of `values`: one query on PostgreSQL (`pgType` is the column's type
 * there), IN lists of at most IN_CHUNK values on SQLite. `query(keys)` builds the query around
 * the key condition.
 */
export async function selectByKeys<O>(
  db: DbOrTrx,
  column: string,
  values: readonly unknown[],
  query: (keys: Expression<SqlBool>) => Compilable<O>,
  pgType: 'text' | 'uuid' = 'text',
): Promise<O[]> {
  if (values.length === 0) return [];
  if (dialectOf(db) === 'postgres')
    return (await db.executeQuery(pgKeysQuery(column, values, query, pgType))).rows as O[];
  const found: O[] = [];
  const unique = [...new Set(values)]; // a key repeated in two IN lists would find its row twice
  for (let i = 0; i < unique.length; i += IN_CHUNK) {
    const part = unique.slice(i, i + IN_CHUNK);
    found.push(
      ...(
        await db.executeQuery(
          query(sql<SqlBool>`${sql.ref(column)} in (${sql.join(part)})`).compile(),
        )
      ).rows,
    );
  }
  return found;
}

/** The PostgreSQL text of a key lookup: each distinct key probed on its own (see the top). */
export function pgKeysQuery<O>(
  column: string,
  values: readonly unknown[],
  query: (keys: Expression<SqlBool>) => Compilable<O>,
  pgType: 'text' | 'uuid' = 'text',
): CompiledQuery<O> {
  const inner = query(sql<SqlBool>`${sql.ref(column)} = ${sql.ref('k.v')}`).compile();
  const text = `select t.* from unnest($${inner.parameters.length + 1}::${pgType}[]) as k(v) cross join lateral (${inner.sql} limit 1) as t`;
  return CompiledQuery.raw(text, [...inner.parameters, [...new Set(values)]]) as CompiledQuery<O>;
}
