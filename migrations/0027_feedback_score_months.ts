// The scorecard's satisfaction rollup (issue 16, ADR 013): per organisation month (in its time
// zone), stage, score type and score, how many feedback records; and the zone those months were
// counted in. Maintained by the intake in the transaction that stores the records; filled here
// from the records that exist.
import type { Kysely } from 'kysely';
import { rebuildScoreMonths } from '../server/modules/feedback/score-months.ts';
import { types } from './_portable.ts';

export async function up(db: Kysely<any>): Promise<void> {
  const t = types(db);
  await db.schema
    .createTable('feedback_score_months')
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('score_type', 'text', (c) => c.notNull())
    .addColumn('score_value', 'integer', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('feedback_score_months_pk', [
      'org_id',
      'month',
      'stage',
      'score_type',
      'score_value',
    ])
    .execute();
  await db.schema
    .createTable('feedback_score_zones')
    .addColumn('org_id', t.id, (c) =>
      c.notNull().primaryKey().references('orgs.id').onDelete('cascade'),
    )
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .execute();
  const orgs: { id: string }[] = await db.selectFrom('orgs').select('id').execute();
  for (const org of orgs) await rebuildScoreMonths({ db, orgId: org.id });
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('feedback_score_zones').execute();
  await db.schema.dropTable('feedback_score_months').execute();
}
