// The improvement backlog (issue 18, SPEC C10; docs/backlog.md): initiatives with a journey
// stage, an owner (a user), a status (idea → planned → in_progress → done | dropped), a due date,
// value and effort 1–10, a public note; the feedback records, clients and cases each is linked
// to; and one row per (initiative, contact) told "you said, we did" — ever, whatever the status
// does afterwards (the primary key is that promise). Adds the message kind `you_said_we_did`.
import { sql, type Kysely } from 'kysely';
import { oneOf, types } from './_portable.ts';
import { KIND_CHECKS, setKindCheck } from './0020_stages.ts';
import { MESSAGE_KINDS_0026 } from './0026_monthly_report.ts';

/** The statuses (shared/domain/vocabulary.ts INITIATIVE_STATUSES), frozen as written here. */
const STATUSES_0031 = ['idea', 'planned', 'in_progress', 'done', 'dropped'] as const;
const KINDS_BEFORE = MESSAGE_KINDS_0026;
/** The message kinds after this migration: the next one that adds a kind starts from them. */
export const MESSAGE_KINDS_0031 = [...KINDS_BEFORE, 'you_said_we_did'];

export async function up(db: Kysely<any>): Promise<void> {
  const t = types(db);
  await db.schema
    .createTable('initiatives')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    /** A stage key of the organisation (ADR 012), or null. */
    .addColumn('stage', 'text')
    .addColumn('owner_id', t.id, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull())
    /** YYYY-MM-DD, a day of the organisation's time zone. */
    .addColumn('due_date', 'text')
    /** 1–10 given by a person; null: computed from reach and revenue at stake. */
    .addColumn('value', 'integer')
    .addColumn('effort', 'integer')
    .addColumn('public_note', 'text')
    /** When it last became done (null while not done). */
    .addColumn('done_at', t.time)
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('updated_at', t.time, (c) => c.notNull())
    .addCheckConstraint('initiatives_status_check', sql.raw(oneOf('status', [...STATUSES_0031])))
    .addCheckConstraint('initiatives_value_check', sql.raw('value >= 1 and value <= 10'))
    .addCheckConstraint('initiatives_effort_check', sql.raw('effort >= 1 and effort <= 10'))
    .execute();
  await db.schema
    .createIndex('initiatives_org_status_idx')
    .on('initiatives')
    .columns(['org_id', 'status'])
    .execute();
  for (const [table, other, ref] of [
    ['initiative_feedback', 'feedback_id', 'feedback.id'],
    ['initiative_clients', 'client_id', 'clients.id'],
    ['initiative_cases', 'case_id', 'cases.id'],
  ] as const) {
    await db.schema
      .createTable(table)
      .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
      .addColumn('initiative_id', t.id, (c) =>
        c.notNull().references('initiatives.id').onDelete('cascade'),
      )
      .addColumn(other, t.id, (c) => c.notNull().references(ref).onDelete('cascade'))
      .addPrimaryKeyConstraint(`${table}_pk`, ['initiative_id', other])
      .execute();
    await db.schema
      .createIndex(`${table}_other_idx`)
      .on(table)
      .columns(['org_id', other])
      .execute();
  }
  await db.schema
    .createTable('initiative_notices')
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('initiative_id', t.id, (c) =>
      c.notNull().references('initiatives.id').onDelete('cascade'),
    )
    .addColumn('contact_id', t.id, (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    /** The contact's record the message quoted. */
    .addColumn('feedback_id', t.id, (c) => c.references('feedback.id').onDelete('set null'))
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addPrimaryKeyConstraint('initiative_notices_pk', ['initiative_id', 'contact_id'])
    .execute();
  for (const [table, name] of KIND_CHECKS) await setKindCheck(db, table, name, MESSAGE_KINDS_0031);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('message_templates').where('kind', '=', 'you_said_we_did').execute();
  await db.deleteFrom('messages').where('kind', '=', 'you_said_we_did').execute();
  for (const [table, name] of KIND_CHECKS) await setKindCheck(db, table, name, KINDS_BEFORE);
  for (const table of [
    'initiative_notices',
    'initiative_cases',
    'initiative_clients',
    'initiative_feedback',
    'initiatives',
  ])
    await db.schema.dropTable(table).execute();
}
