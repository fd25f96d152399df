// The monthly report (issue 16): the people of an organisation who get the scorecard and the
// arbiter report by e-mail on the first working day of each month, and the message kind of
// that e-mail. A person removed from the organisation leaves the list with them.
import type { Kysely } from 'kysely';
import { types } from './_portable.ts';
import { KIND_CHECKS, setKindCheck } from './0020_stages.ts';
import { MESSAGE_KINDS_0024 } from './0024_two_factor_and_reset.ts';

const KINDS_BEFORE = MESSAGE_KINDS_0024;
/** The message kinds after this migration: the next one that adds a kind starts from them. */
export const MESSAGE_KINDS_0026 = [...KINDS_BEFORE, 'monthly_report'];

export async function up(db: Kysely<any>): Promise<void> {
  const t = types(db);
  await db.schema
    .createTable('report_recipients')
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('user_id', t.id, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addPrimaryKeyConstraint('report_recipients_pk', ['org_id', 'user_id'])
    .execute();
  for (const [table, name] of KIND_CHECKS) await setKindCheck(db, table, name, MESSAGE_KINDS_0026);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('message_templates').where('kind', '=', 'monthly_report').execute();
  await db.deleteFrom('messages').where('kind', '=', 'monthly_report').execute();
  for (const [table, name] of KIND_CHECKS) await setKindCheck(db, table, name, KINDS_BEFORE);
  await db.schema.dropTable('report_recipients').execute();
}
