// "Contains" matching with LIKE that treats % and _ in the searched text literally, on both
// dialects: SQLite has no default escape character, so the ESCAPE clause is always spelled out.
import { sql, type RawBuilder } from 'kysely';

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** `asText` casts the column first (a jsonb column on PostgreSQL has no LIKE of its own). */
export function likeContains(
  column: string,
  text: string,
  opts: { asText?: boolean } = {},
): RawBuilder<boolean> {
  const target = opts.asText ? sql`cast(${sql.ref(column)} as text)` : sql.ref(column);
  return sql<boolean>`${target} like ${`%${escapeLike(text)}%`} escape '\\'`;
}
