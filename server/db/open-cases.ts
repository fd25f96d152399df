// The open cases' condition as partial indexes spell it (migration 0047): `status in ('new',
// 'acknowledged', 'in_progress', 'waiting_client')` with the statuses as literals. SQLite uses a
// partial index only when the query carries its WHERE term itself (a bound parameter proves
// nothing when the statement is prepared), so every read of open cases that should walk one of
// those indexes adds this term; PostgreSQL proves it either way. The list is fixed (the
// vocabulary), never user input.
import { sql, type RawBuilder } from 'kysely';
import { OPEN_CASE_STATUSES } from '../../shared/domain/vocabulary.ts';

/** The term; `column` is qualified (`c.status`) when the query joins another table. */
export function openCaseTerm(column = 'status'): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(column)} in (${sql.join(OPEN_CASE_STATUSES.map((s) => sql.lit(s)))})`;
}

/** Whether every status asked for is an open one (then the term may be added without changing the rows). */
export function onlyOpen(statuses: readonly string[] | undefined): boolean {
  const open: readonly string[] = OPEN_CASE_STATUSES;
  return Boolean(statuses?.length) && statuses!.every((s) => open.includes(s));
}
