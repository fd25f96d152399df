// Client economics, second slice (issue 14): marketing spend per organisation, calendar month
// ('YYYY-MM') and optional channel ('' = not split by channel), in integer minor units of the
// base currency. One row per (org, period, channel): PUT replaces the amount.
import { sql, type Kysely } from 'kysely';
import { types } from './_portable.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = types(db);
  await db.schema
    .createTable('marketing_spend')
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('amount_minor', t.money, (c) => c.notNull())
    .addColumn('updated_at', t.time, (c) => c.notNull())
    .addCheckConstraint('marketing_spend_amount_check', sql.raw('amount_minor >= 0'))
    .execute();
  await db.schema
    .createIndex('marketing_spend_org_period_channel_uq')
    .on('marketing_spend')
    .columns(['org_id', 'period', 'channel'])
    .unique()
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('marketing_spend').execute();
}
