// The scorecard's phone-line rollup (issue 16, ADR 016): per organisation, period of its time zone
// (YYYY-MM and YYYY-Qn) and stage key (`none` for calls without one), additive sums of its calls;
// and the zone and call-back target they were counted with. Maintained by the telephony module in
// the transaction that stores or re-links calls; filled here from the calls that exist.
import type { Kysely } from 'kysely';
import { rebuildCallRollup } from '../server/modules/telephony/call-rollup.ts';
import { types } from './_portable.ts';

const SUMS_0036 = [
  'calls',
  'answered',
  'inbound',
  'missed',
  'within_target',
  'missed_linked',
  'missed_open',
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  const t = types(db);
  let table = db.schema
    .createTable('call_rollups')
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull());
  for (const column of SUMS_0036) table = table.addColumn(column, 'integer', (c) => c.notNull());
  await table
    .addColumn('wait_sum', t.money, (c) => c.notNull())
    .addPrimaryKeyConstraint('call_rollups_pk', ['org_id', 'period', 'stage'])
    .execute();
  await db.schema
    .createTable('call_rollup_zones')
    .addColumn('org_id', t.id, (c) =>
      c.notNull().primaryKey().references('orgs.id').onDelete('cascade'),
    )
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('target_minutes', 'integer', (c) => c.notNull())
    .execute();
  const orgs: { id: string }[] = await db.selectFrom('orgs').select('id').execute();
  for (const org of orgs) await rebuildCallRollup({ db, orgId: org.id });
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('call_rollup_zones').execute();
  await db.schema.dropTable('call_rollups').execute();
}
