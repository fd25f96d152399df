// Keyset paging on (date, id), newest first, for lists ordered by the date they show. A row value
// comparison — (col, id) < (at, id) — is valid on SQLite and PostgreSQL and walks one index on
// (org_id, col, id) (migration 0010) without sorting.
import { sql, type RawBuilder } from 'kysely';
import type { KeyCursor } from '../lib/paging.ts';

/** `idColumn` is qualified (`f.id`) when the query joins another table with an id. */
export function before(column: string, cursor: KeyCursor, idColumn = 'id'): RawBuilder<boolean> {
  return sql<boolean>`(${sql.ref(column)}, ${sql.ref(idColumn)}) < (${cursor.at}, ${cursor.id})`;
}
