// The scorecard's case rollup (issue 16, ADR 015): what each case counts for in each month and
// quarter of the organisation's time zone (case_rollup_members, rewritten in the transaction that
// changes the case), the figure of every (stage, period, metric) computed from them
// (case_rollup_figures; `dirty` until the worker recomputes it, a reader computes a dirty one
// itself), and the zone those periods were counted in. Filled here from the cases that exist.
import type { Kysely } from 'kysely';
import { rebuildCaseRollup } from '../server/modules/cases/case-rollup.service.ts';
import { types } from './_portable.ts';

export async function up(db: Kysely<any>): Promise<void> {
  const t = types(db);
  await db.schema
    .createTable('case_rollup_members')
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('case_id', t.id, (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    /** YYYY-MM or YYYY-Qn in case_rollup_zones.time_zone. */
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_rollup_members_pk', ['org_id', 'case_id', 'period', 'metric'])
    .execute();
  await db.schema
    .createIndex('case_rollup_members_key')
    .on('case_rollup_members')
    .columns(['org_id', 'stage', 'period', 'metric'])
    .execute();
  await db.schema
    .createTable('case_rollup_figures')
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision')
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('dirty', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_rollup_figures_pk', ['org_id', 'stage', 'period', 'metric'])
    .execute();
  await db.schema
    .createIndex('case_rollup_figures_dirty')
    .on('case_rollup_figures')
    .columns(['dirty', 'org_id'])
    .execute();
  // The reader takes away cases due after now; this finds them without a scan.
  await db.schema
    .createIndex('cases_org_due_idx')
    .on('cases')
    .columns(['org_id', 'due_at'])
    .execute();
  await db.schema
    .createTable('case_rollup_zones')
    .addColumn('org_id', t.id, (c) =>
      c.notNull().primaryKey().references('orgs.id').onDelete('cascade'),
    )
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .execute();
  const orgs: { id: string }[] = await db.selectFrom('orgs').select('id').execute();
  for (const org of orgs) await rebuildCaseRollup({ db, orgId: org.id });
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('case_rollup_zones').execute();
  await db.schema.dropIndex('cases_org_due_idx').execute();
  await db.schema.dropTable('case_rollup_figures').execute();
  await db.schema.dropTable('case_rollup_members').execute();
}
