// Client economics, third slice (issue 14): the organisation's economics settings — base
// currency, the period of the profit formula, the industry's name for the average purchase
// (APPN alias) and a fixed churn threshold. One row per organisation; no row = the defaults.
import { sql, type Kysely } from 'kysely';
import { oneOf, types } from './_portable.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = types(db);
  await db.schema
    .createTable('economics_settings')
    .addColumn('org_id', t.id, (c) =>
      c.primaryKey().notNull().references('orgs.id').onDelete('cascade'),
    )
    .addColumn('base_currency', 'text', (c) => c.notNull().defaultTo('RUB'))
    .addColumn('period', 'text', (c) => c.notNull().defaultTo('month'))
    .addColumn('appn_label', 'text')
    .addColumn('churn_after_periods', 'integer')
    .addColumn('updated_at', t.time, (c) => c.notNull())
    .addCheckConstraint(
      'economics_settings_period_check',
      sql.raw(oneOf('period', ['month', 'quarter', 'year'])),
    )
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('economics_settings').execute();
}
