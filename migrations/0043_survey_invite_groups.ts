// The scorecard's response rate per client group (issue 16, ADR 018): personal survey invitations
// sent and answered per month of sending × the survey's stage × the segment and manager of the
// contact's client ('' for none), so a scorecard narrowed to a segment or a manager never scans
// the invitations. Kept by the invitation and answer writers and the clients.regrouped hook;
// filled here from the invitations that exist.
import type { Kysely } from 'kysely';
import { rebuildInviteGroups } from '../server/modules/surveys/invite-groups.ts';
import { types } from './_portable.ts';

export async function up(db: Kysely<any>): Promise<void> {
  const t = types(db);
  await db.schema
    .createTable('survey_invite_groups')
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('segment', 'text', (c) => c.notNull())
    .addColumn('manager', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('sent', 'integer', (c) => c.notNull())
    .addColumn('answered', 'integer', (c) => c.notNull())
    // A segment's months first: the segment filter (and segment with manager) read a range.
    .addPrimaryKeyConstraint('survey_invite_groups_pk', [
      'org_id',
      'segment',
      'manager',
      'month',
      'stage',
    ])
    .execute();
  // The manager filter reads a manager's months.
  await db.schema
    .createIndex('survey_invite_groups_manager_idx')
    .on('survey_invite_groups')
    .columns(['org_id', 'manager', 'month'])
    .execute();
  await db.schema
    .createTable('survey_invite_zones')
    .addColumn('org_id', t.id, (c) =>
      c.primaryKey().notNull().references('orgs.id').onDelete('cascade'),
    )
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .execute();
  const orgs: { id: string }[] = await db.selectFrom('orgs').select('id').execute();
  for (const org of orgs) await rebuildInviteGroups({ db, orgId: org.id });
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('survey_invite_zones').execute();
  await db.schema.dropTable('survey_invite_groups').execute();
}
