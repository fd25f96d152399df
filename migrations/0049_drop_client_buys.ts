// Issue 14 (batch intake of transactions): the stage-money rollup (ADR 014) reads "bought in a
// period" from the clients' sale months (economics_clients.sale_months, ADR 011), which the same
// write already keeps, instead of a buy row per client, month and quarter — two upserts per sale
// and about a third of the WAL pages of a batch of sales of random clients. The group rows do not
// change: retained counted a buy row with sales > 0, the sale months hold exactly those months.
import { sql, type Kysely } from 'kysely';
import { types } from './_portable.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('economics_client_buys').execute();
}

const index = (span: 1 | 3) =>
  span === 1
    ? sql`(cast(substr(date, 1, 4) as integer) * 12 + cast(substr(date, 6, 2) as integer) - 1)`
    : sql`(cast(substr(date, 1, 4) as integer) * 4 + (cast(substr(date, 6, 2) as integer) - 1) / 3)`;

export async function down(db: Kysely<any>): Promise<void> {
  const t = types(db);
  await db.schema
    .createTable('economics_client_buys')
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('client_id', t.id, (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('span', 'integer', (c) => c.notNull())
    .addColumn('period', 'integer', (c) => c.notNull())
    .addColumn('sales', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('economics_client_buys_pk', ['org_id', 'client_id', 'span', 'period'])
    .execute();
  const parts = ([1, 3] as const).map(
    (span) => sql`select org_id, client_id, ${sql.lit(span)} as span, ${index(span)} as period
      from transactions where kind = 'sale'`,
  );
  await sql`insert into economics_client_buys (org_id, client_id, span, period, sales)
    select org_id, client_id, span, period, count(*)
    from (${sql.join(parts, sql` union all `)}) x
    group by org_id, client_id, span, period`.execute(db);
}
