// Issue 21: a reply to the client from the case page goes through the outbox as a new message
// kind, `reply` (added to the two CHECK lists of the outbox, every earlier kind kept), and the
// "Today" page lets a person put a reminder off: reminder_snoozes, one row per person and item.
import type { Kysely } from 'kysely';
import { KIND_CHECKS, setKindCheck } from './0020_stages.ts';
import { MESSAGE_KINDS_0021 } from './0021_pulses.ts';
import { types } from './_portable.ts';

const KINDS_BEFORE = MESSAGE_KINDS_0021;
const KINDS_AFTER = [...KINDS_BEFORE, 'reply'];
export const MESSAGE_KINDS_0023: readonly string[] = KINDS_AFTER;

export async function up(db: Kysely<any>): Promise<void> {
  const t = types(db);
  for (const [table, name] of KIND_CHECKS) await setKindCheck(db, table, name, KINDS_AFTER);
  await db.schema
    .createTable('reminder_snoozes')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('user_id', t.id, (c) => c.notNull().references('users.id').onDelete('cascade'))
    /** What is put off: a reminder's ref (date, case, feedback, call, client) — type and id. */
    .addColumn('ref_type', 'text', (c) => c.notNull())
    .addColumn('ref_id', t.id, (c) => c.notNull())
    .addColumn('until', t.time, (c) => c.notNull())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('reminder_snoozes_uq')
    .on('reminder_snoozes')
    .columns(['org_id', 'user_id', 'ref_type', 'ref_id'])
    .unique()
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('reminder_snoozes').execute();
  await db.deleteFrom('message_templates').where('kind', '=', 'reply').execute();
  await db.deleteFrom('messages').where('kind', '=', 'reply').execute();
  for (const [table, name] of KIND_CHECKS) await setKindCheck(db, table, name, KINDS_BEFORE);
}
