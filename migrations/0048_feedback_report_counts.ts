// The satisfaction report's counts (issue 20, ADR 020): records per score type and score, per
// month and per day of the organisation's zone, split by the UTC month (the report's month
// groups), stage, channel and — per month, in a second table — the client's segment. Kept by the intake, deletion,
// regroup, stage-merge and time-zone hooks beside feedback_score_months; filled here from the
// records that exist.
import type { Kysely } from 'kysely';
import { rebuildReportCounts } from '../server/modules/feedback/report-counts.ts';
import { types } from './_portable.ts';

export async function up(db: Kysely<any>): Promise<void> {
  const t = types(db);
  // Per zone month: without the segment (what most reports read), and with it.
  for (const [table, segment] of [
    ['feedback_report_months', false],
    ['feedback_report_segments', true],
  ] as const) {
    let create = db.schema
      .createTable(table)
      .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('utc_month', 'text', (c) => c.notNull())
      .addColumn('stage', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull());
    if (segment) create = create.addColumn('segment', 'text', (c) => c.notNull());
    await create
      .addColumn('score_type', 'text', (c) => c.notNull())
      .addColumn('score_value', 'integer', (c) => c.notNull())
      .addColumn('n', 'integer', (c) => c.notNull())
      // A window's months are one range of the key.
      .addPrimaryKeyConstraint(`${table}_pk`, <never[]>[
        'org_id',
        'month',
        'utc_month',
        'stage',
        'channel',
        ...(segment ? ['segment'] : []),
        'score_type',
        'score_value',
      ])
      .execute();
  }
  await db.schema
    .createTable('feedback_report_days')
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('utc_month', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('score_type', 'text', (c) => c.notNull())
    .addColumn('score_value', 'integer', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('feedback_report_days_pk', [
      'org_id',
      'day',
      'utc_month',
      'stage',
      'channel',
      'score_type',
      'score_value',
    ])
    .execute();
  const orgs: { id: string }[] = await db.selectFrom('orgs').select('id').execute();
  for (const org of orgs) await rebuildReportCounts({ db, orgId: org.id });
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('feedback_report_days').execute();
  await db.schema.dropTable('feedback_report_segments').execute();
  await db.schema.dropTable('feedback_report_months').execute();
}
