// The scorecard's satisfaction rollup per client group (issue 16, ADR 017): the counts of
// feedback_score_months split by the segment and manager of each record's client ('' for none),
// so a scorecard narrowed to a segment or a manager never scans the records. Kept by the intake
// and the clients.regrouped hook; filled here from the records that exist.
import type { Kysely } from 'kysely';
import { rebuildScoreGroups } from '../server/modules/feedback/score-groups.ts';
import { types } from './_portable.ts';

export async function up(db: Kysely<any>): Promise<void> {
  const t = types(db);
  await db.schema
    .createTable('feedback_score_groups')
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('segment', 'text', (c) => c.notNull())
    .addColumn('manager', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('score_type', 'text', (c) => c.notNull())
    .addColumn('score_value', 'integer', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    // A segment's months first: the segment filter (and segment with manager) read a range.
    .addPrimaryKeyConstraint('feedback_score_groups_pk', [
      'org_id',
      'segment',
      'manager',
      'month',
      'stage',
      'score_type',
      'score_value',
    ])
    .execute();
  // The manager filter reads a manager's months.
  await db.schema
    .createIndex('feedback_score_groups_manager_idx')
    .on('feedback_score_groups')
    .columns(['org_id', 'manager', 'month'])
    .execute();
  const orgs: { id: string }[] = await db.selectFrom('orgs').select('id').execute();
  for (const org of orgs) await rebuildScoreGroups({ db, orgId: org.id });
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('feedback_score_groups').execute();
}
