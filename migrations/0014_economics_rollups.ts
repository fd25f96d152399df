// Client economics (issue 14): rollups so the summary and the levers never scan transactions
// (ADR 011). Sums per organisation month, payment discipline per (due month, paid month), and per
// client the months with a sale and the months with feedback (server/modules/economics/
// month-set.ts). Maintained in the transaction that writes a transaction or a feedback record;
// filled here from the rows that exist.
import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import { RollupDelta, type RollupTx } from '../server/modules/economics/rollup-deltas.ts';
import { encodeMonths } from '../server/modules/economics/month-set.ts';
import { periodIndex } from '../server/modules/economics/periods.ts';
import { dialectOf, types } from './_portable.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = types(db);
  const org = (c: ColumnDefinitionBuilder) => c.notNull().references('orgs.id').onDelete('cascade');
  await db.schema
    .createTable('economics_org_months')
    .addColumn('org_id', t.id, org)
    .addColumn('month', 'integer', (c) => c.notNull())
    .addColumn('sales', 'integer', (c) => c.notNull())
    .addColumn('sales_minor', t.money, (c) => c.notNull())
    .addColumn('refunds_minor', t.money, (c) => c.notNull())
    .addColumn('cost_minor', t.money, (c) => c.notNull())
    .addColumn('costed_minor', t.money, (c) => c.notNull())
    .addPrimaryKeyConstraint('economics_org_months_pk', ['org_id', 'month'])
    .execute();
  await db.schema
    .createTable('economics_due_months')
    .addColumn('org_id', t.id, org)
    .addColumn('due_month', 'integer', (c) => c.notNull())
    .addColumn('paid_month', 'integer', (c) => c.notNull())
    .addColumn('sales', 'integer', (c) => c.notNull())
    .addColumn('on_time', 'integer', (c) => c.notNull())
    .addColumn('late_due_days', t.money, (c) => c.notNull())
    .addColumn('late_paid_days', t.money, (c) => c.notNull())
    .addPrimaryKeyConstraint('economics_due_months_pk', ['org_id', 'due_month', 'paid_month'])
    .execute();
  await db.schema
    .createTable('economics_clients')
    .addColumn('org_id', t.id, org)
    .addColumn('client_id', t.id, (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('sale_months', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('feedback_months', 'text', (c) => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('economics_clients_pk', ['org_id', 'client_id'])
    .execute();
  // Bumped whenever a client's month sets change: a process may keep the sets it read in memory
  // until the number moves (window-data.ts).
  await db.schema
    .createTable('economics_versions')
    .addColumn('org_id', t.id, (c) =>
      c.primaryKey().notNull().references('orgs.id').onDelete('cascade'),
    )
    .addColumn('client_sets', 'integer', (c) => c.notNull())
    .execute();
  // Sales due in a window (payment discipline on the row path) were found by scanning every
  // transaction of the organisation.
  await db.schema
    .createIndex('transactions_org_due_idx')
    .on('transactions')
    .columns(['org_id', 'due_date'])
    .execute();
  await backfill(db as Kysely<any>);
}

async function backfill(db: Kysely<any>): Promise<void> {
  const deltas = new Map<string, RollupDelta>();
  const clients = new Map<string, { org: string; sales: Set<number>; feedback: Set<number> }>();
  const client = (org: string, id: string) => {
    const key = `${org}|${id}`;
    const c = clients.get(key) ?? { org, sales: new Set(), feedback: new Set() };
    clients.set(key, c);
    return c;
  };
  const rows = await db.selectFrom('transactions').selectAll().execute();
  for (const r of rows as (RollupTx & { org_id: string })[]) {
    const d = deltas.get(r.org_id) ?? new RollupDelta();
    deltas.set(r.org_id, d);
    d.add(r, 1);
    if (r.kind === 'sale') client(r.org_id, r.client_id).sales.add(periodIndex(r.date, 'month'));
  }
  const month =
    dialectOf(db) === 'postgres'
      ? sql`to_char(received_at at time zone 'UTC', 'YYYY-MM')`
      : sql`substr(received_at, 1, 7)`;
  const feedback = await db
    .selectFrom('feedback')
    .select(['org_id', 'client_id', month.as('month')])
    .where('client_id', 'is not', null)
    .distinct()
    .execute();
  for (const f of feedback)
    client(f.org_id, f.client_id).feedback.add(periodIndex(String(f.month), 'month'));

  for (const [orgId, d] of deltas) {
    for (const [m, sums] of d.months)
      await db
        .insertInto('economics_org_months')
        .values({ org_id: orgId, month: m, ...sums })
        .execute();
    for (const due of d.due.values())
      await db
        .insertInto('economics_due_months')
        .values({ org_id: orgId, ...due })
        .execute();
  }
  for (const [key, c] of clients)
    await db
      .insertInto('economics_clients')
      .values({
        org_id: c.org,
        client_id: key.slice(key.indexOf('|') + 1),
        sale_months: encodeMonths(c.sales),
        feedback_months: encodeMonths(c.feedback),
      })
      .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('transactions_org_due_idx').execute();
  for (const table of [
    'economics_versions',
    'economics_clients',
    'economics_due_months',
    'economics_org_months',
  ])
    await db.schema.dropTable(table).execute();
}
