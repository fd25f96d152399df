// Client economics, first slice (issue 14): transactions — one business document (a sale or a
// refund) per row, upserted by the ERP/CRM number (external_id, unique per organisation).
// `date` is the document's calendar date as text YYYY-MM-DD on both dialects: a document date
// has no time of day or zone, and the ISO text sorts and compares like the date itself (keyset
// paging on (date, id)). Money is integer minor units (kopecks) in the organisation's base
// currency; the sign comes from `kind`, so amount and cost are never negative.
import { sql, type Kysely } from 'kysely';
import { dialectOf, oneOf, types } from './_portable.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = types(db);
  const float = dialectOf(db) === 'postgres' ? 'double precision' : 'real';

  await db.schema
    .createTable('transactions')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('client_id', t.id, (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('amount_minor', t.money, (c) => c.notNull())
    .addColumn('cost_minor', t.money)
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('exchange_rate', sql.raw(float))
    .addColumn('product', 'text')
    .addColumn('stage', 'text')
    .addColumn('due_date', 'text')
    .addColumn('paid_at', 'text')
    .addColumn('manager_id', t.id)
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('updated_at', t.time, (c) => c.notNull())
    .addCheckConstraint('transactions_kind_check', sql.raw(oneOf('kind', ['sale', 'refund'])))
    .addCheckConstraint('transactions_amount_check', sql.raw('amount_minor >= 0'))
    .addCheckConstraint('transactions_cost_check', sql.raw('cost_minor is null or cost_minor >= 0'))
    .execute();
  // A later export of the same document updates the row: one row per org and external id.
  await db.schema
    .createIndex('transactions_org_external_uq')
    .on('transactions')
    .columns(['org_id', 'external_id'])
    .unique()
    .execute();
  // Newest first, ties by id, for one client and for the whole organisation (keyset paging).
  await db.schema
    .createIndex('transactions_org_client_date_idx')
    .on('transactions')
    .columns(['org_id', 'client_id', 'date', 'id'])
    .execute();
  await db.schema
    .createIndex('transactions_org_date_idx')
    .on('transactions')
    .columns(['org_id', 'date', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('transactions').execute();
}
