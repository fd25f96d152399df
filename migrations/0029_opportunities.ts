// Opportunities (issue 17, SPEC C6 upsell): a product or service a client might buy next, with
// an estimated value, a stage (idea → offered → won | lost), an owner and a due date; a won one
// links the transactions that realised it (same client; a transaction may realise several).
import { sql, type Kysely } from 'kysely';
import { oneOf, types } from './_portable.ts';

/** The stages (shared/domain/vocabulary.ts OPPORTUNITY_STAGES), frozen as this migration wrote them. */
const STAGES_0029 = ['idea', 'offered', 'won', 'lost'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  const t = types(db);
  await db.schema
    .createTable('opportunities')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('client_id', t.id, (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('product', 'text', (c) => c.notNull())
    /** Minor units (kopecks) of `currency`, ≥ 0; null when nobody estimated it yet. */
    .addColumn('value_minor', t.money)
    .addColumn('currency', 'text', (c) => c.notNull())
    // Not `stage`: that name means a journey stage key on every table that has it (ADR 012).
    .addColumn('sales_stage', 'text', (c) => c.notNull())
    .addColumn('owner_id', t.id, (c) => c.references('users.id').onDelete('set null'))
    /** YYYY-MM-DD. */
    .addColumn('due_date', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('updated_at', t.time, (c) => c.notNull())
    .addCheckConstraint(
      'opportunities_sales_stage_check',
      sql.raw(oneOf('sales_stage', [...STAGES_0029])),
    )
    .addCheckConstraint('opportunities_value_check', sql.raw('value_minor >= 0'))
    .execute();
  await db.schema
    .createIndex('opportunities_org_client_idx')
    .on('opportunities')
    .columns(['org_id', 'client_id'])
    .execute();
  await db.schema
    .createTable('opportunity_transactions')
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('opportunity_id', t.id, (c) =>
      c.notNull().references('opportunities.id').onDelete('cascade'),
    )
    .addColumn('transaction_id', t.id, (c) =>
      c.notNull().references('transactions.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('opportunity_transactions_pk', ['opportunity_id', 'transaction_id'])
    .execute();
  await db.schema
    .createIndex('opportunity_transactions_transaction_idx')
    .on('opportunity_transactions')
    .columns(['org_id', 'transaction_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('opportunity_transactions').execute();
  await db.schema.dropTable('opportunities').execute();
}
