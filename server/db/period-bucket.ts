// Which period of a window a row falls in, computed by the database in one scan on both
// dialects: the number of inner period boundaries the value has reached. With boundaries
// [b0, b1, …, bk] and rows filtered to b0 ≤ value < bk, the bucket is i for bi ≤ value < bi+1.
// Boundaries are instants (ISO, UTC) for timestamps or YYYY-MM-DD dates for date columns, so
// calendar periods in the organisation's time zone need no time-zone functions in SQL.
import { sql, type RawBuilder } from 'kysely';

export function periodBucket(column: string, bounds: readonly string[]): RawBuilder<number> {
  const inner = bounds.slice(1, -1);
  if (inner.length === 0) return sql<number>`0`;
  const ref = sql.ref(column);
  return sql<number>`(${sql.join(
    inner.map((b) => sql`case when ${ref} >= ${b} then 1 else 0 end`),
    sql` + `,
  )})`;
}

/**
 * GROUP BY the bucket through its output name: PostgreSQL does not match a SELECT expression
 * with bound parameters to the same expression in GROUP BY (each gets its own $n).
 */
export const BUCKET = sql<number>`bucket`;
