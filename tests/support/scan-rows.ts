// Reads every row of every table of a test database (both dialects) and reports the cells that
// contain a given text: the check that a secret is nowhere at rest in plain.
import { sql } from 'kysely';
import type { TestDb } from './db.ts';

export async function cellsContaining(
  t: TestDb,
  needles: readonly string[],
): Promise<Array<{ table: string; column: string }>> {
  const found: Array<{ table: string; column: string }> = [];
  for (const table of await t.db.introspection.getTables()) {
    if (table.isView || (t.pgSchema && table.schema !== t.pgSchema)) continue;
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(
      table.name,
    )}`.execute(t.db);
    for (const row of rows)
      for (const [column, value] of Object.entries(row)) {
        const text = typeof value === 'string' ? value : JSON.stringify(value ?? null);
        if (needles.some((n) => text.includes(n))) found.push({ table: table.name, column });
      }
  }
  return found;
}
