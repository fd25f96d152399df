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

/**
 * "Contains" over a column without a search column of its own, folded the way foldForSearch
 * folds (lower case, ё → е) on both dialects: SQLite through the connection's cl_fold function
 * (create-db.ts), PostgreSQL through lower(), which folds Cyrillic under its UTF-8 ctype.
 * `text` must already be folded. Scans what the rest of the query leaves: callers bound it.
 */
export function likeFoldedContains(
  dialect: 'sqlite' | 'postgres',
  column: string,
  text: string,
): RawBuilder<boolean> {
  const folded =
    dialect === 'sqlite'
      ? sql`cl_fold(${sql.ref(column)})`
      : sql`replace(lower(${sql.ref(column)}), 'ё', 'е')`;
  return sql<boolean>`${folded} like ${`%${escapeLike(text)}%`} escape '\\'`;
}
