// Issue 21: in-app notifications for the people of an organisation — a case assigned to me, one
// of my cases at risk of its SLA or past it, a client's reply on one of my cases — and each person's kinds turned
// off. Rows are written in the transaction of the event that causes them (the cases module's
// hook caseNotices); read ones are pruned by the worker after NOTIFICATION_RETENTION_DAYS.
import { sql, type Kysely } from 'kysely';
import { oneOf, types } from './_portable.ts';

export const NOTIFICATION_KINDS_0046 = [
  'case_assigned',
  'sla_risk',
  'sla_breached',
  'client_reply',
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  const t = types(db);
  await db.schema
    .createTable('person_notifications')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    /** The person told; nobody else ever reads the row. */
    .addColumn('user_id', t.id, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('case_id', t.id, (c) => c.notNull().references('cases.id').onDelete('cascade'))
    /** Who caused it (a person), null for the system (routing, the SLA timer, a client's mail). */
    .addColumn('actor_id', t.id, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('read_at', t.time)
    .addCheckConstraint(
      'person_notifications_kind_check',
      sql.raw(oneOf('kind', NOTIFICATION_KINDS_0046)),
    )
    .execute();
  // The bell: my newest first, and my unread count.
  await db.schema
    .createIndex('person_notifications_user_idx')
    .on('person_notifications')
    .columns(['org_id', 'user_id', 'created_at', 'id'])
    .execute();
  // The worker's pruning of old read rows, across organisations.
  await db.schema
    .createIndex('person_notifications_age_idx')
    .on('person_notifications')
    .column('created_at')
    .execute();
  await db.schema
    .createIndex('person_notifications_case_idx')
    .on('person_notifications')
    .column('case_id')
    .execute();
  // A row = that person turned that kind off (no row: on, the default).
  await db.schema
    .createTable('notification_mutes')
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('user_id', t.id, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('updated_at', t.time, (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_mutes_pk', ['org_id', 'user_id', 'kind'])
    .addCheckConstraint(
      'notification_mutes_kind_check',
      sql.raw(oneOf('kind', NOTIFICATION_KINDS_0046)),
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notification_mutes').execute();
  await db.schema.dropTable('person_notifications').execute();
}
