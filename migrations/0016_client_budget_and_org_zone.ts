// Client fields and the organisation time zone (issue 14, SPEC C8). A client's estimated annual
// budget (integer minor units, like every amount) and strategic fit (0–100), both optional; an
// organisation's IANA time zone, 'UTC' for the organisations that exist so no period or local
// day moves under them. Added nullable or with a default so existing rows stay valid.
import { sql, type Kysely } from 'kysely';
import { types } from './_portable.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = types(db);
  // One column per ALTER: SQLite accepts only one ADD COLUMN per statement.
  await db.schema
    .alterTable('clients')
    .addColumn('estimated_annual_budget_minor', t.money, (c) =>
      c.check(sql.raw('estimated_annual_budget_minor >= 0')),
    )
    .execute();
  await db.schema
    .alterTable('clients')
    .addColumn('strategic_fit', 'integer', (c) =>
      c.check(sql.raw('strategic_fit >= 0 and strategic_fit <= 100')),
    )
    .execute();
  await db.schema
    .alterTable('orgs')
    .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('UTC'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('orgs').dropColumn('time_zone').execute();
  for (const col of ['strategic_fit', 'estimated_annual_budget_minor'])
    await db.schema.alterTable('clients').dropColumn(col).execute();
}
