// The scorecard's transactional layer rolled up (issue 16, ADR 014): per client, stage and period
// (months and quarters) its transactions' sums, per client and period its sales of any stage, and
// per stage, period, segment and manager the sums the layer reads. Kept by economics in the
// transaction that writes a transaction; filled here from the transactions that exist.
import type { Kysely } from 'kysely';
import { rebuildStageMoney } from '../server/modules/economics/stage-rollup.service.ts';
import { types } from './_portable.ts';

export async function up(db: Kysely<any>): Promise<void> {
  const t = types(db);
  const org = (c: any) => c.notNull().references('orgs.id').onDelete('cascade');
  const client = (c: any) => c.notNull().references('clients.id').onDelete('cascade');
  await db.schema
    .createTable('economics_stage_members')
    .addColumn('org_id', t.id, org)
    .addColumn('client_id', t.id, client)
    .addColumn('span', 'integer', (c) => c.notNull())
    .addColumn('period', 'integer', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('revenue_minor', t.money, (c) => c.notNull())
    .addColumn('documents', 'integer', (c) => c.notNull())
    .addColumn('sales', 'integer', (c) => c.notNull())
    .addColumn('due', 'integer', (c) => c.notNull())
    .addColumn('on_time', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('economics_stage_members_pk', [
      'org_id',
      'client_id',
      'span',
      'period',
      'stage',
    ])
    .execute();
  await db.schema
    .createTable('economics_client_buys')
    .addColumn('org_id', t.id, org)
    .addColumn('client_id', t.id, client)
    .addColumn('span', 'integer', (c) => c.notNull())
    .addColumn('period', 'integer', (c) => c.notNull())
    .addColumn('sales', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('economics_client_buys_pk', ['org_id', 'client_id', 'span', 'period'])
    .execute();
  await db.schema
    .createTable('economics_stage_groups')
    .addColumn('org_id', t.id, org)
    .addColumn('span', 'integer', (c) => c.notNull())
    .addColumn('period', 'integer', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('segment', 'text', (c) => c.notNull())
    .addColumn('manager', 'text', (c) => c.notNull())
    .addColumn('revenue_minor', t.money, (c) => c.notNull())
    .addColumn('documents', 'integer', (c) => c.notNull())
    .addColumn('paying', 'integer', (c) => c.notNull())
    .addColumn('retained', 'integer', (c) => c.notNull())
    .addColumn('due', 'integer', (c) => c.notNull())
    .addColumn('on_time', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('economics_stage_groups_pk', [
      'org_id',
      'span',
      'period',
      'stage',
      'segment',
      'manager',
    ])
    .execute();
  const orgs: { id: string }[] = await db.selectFrom('orgs').select('id').execute();
  for (const o of orgs) await rebuildStageMoney({ db, orgId: o.id });
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'economics_stage_groups',
    'economics_client_buys',
    'economics_stage_members',
  ])
    await db.schema.dropTable(table).execute();
}
