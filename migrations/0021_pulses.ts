// eNPS pulse surveys (issue 15, SPEC C11, METRICS.md "Employee layer"). Anonymity is the design:
// - pulse_answers holds the pulse, the team (stage key), the score, the comment and the local day
//   — no employee, invitation, token or time finer than a day; its ids are random (UUIDv4), not
//   time-ordered, and on SQLite it is a WITHOUT ROWID table, so not even the hidden rowid keeps
//   the order answers arrived in (the b-tree is ordered by the random id).
// - pulse_invitations keeps one invitation per employee and pulse with the SHA-256 of its token
//   and a `used` flag — no time of use, no reference to an answer.
// - pulse_links are shared per-team links (one answer per browser, by a cookie).
// Messages gain the kind pulse_invite (the CHECK lists of messages and message_templates).
import { sql, type Kysely } from 'kysely';
import { KIND_CHECKS, MESSAGE_KINDS_0020, setKindCheck } from './0020_stages.ts';
import { dialectOf, oneOf, types } from './_portable.ts';

const PULSE_KINDS = ['manual', 'early_tenure'];
const PULSE_STATUSES = ['open', 'closed'];
const LANGUAGES = ['ru', 'en'];
const KINDS_BEFORE = MESSAGE_KINDS_0020;
const KINDS_AFTER = [...KINDS_BEFORE, 'pulse_invite'];
export const MESSAGE_KINDS_0021: readonly string[] = KINDS_AFTER;

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = types(db);
  await db.schema
    .createTable('pulses')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    // JSON array of stage keys; null = every team.
    .addColumn('stages', 'text')
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('updated_at', t.time, (c) => c.notNull())
    .addCheckConstraint('pulses_kind_check', sql.raw(oneOf('kind', PULSE_KINDS)))
    .addCheckConstraint('pulses_status_check', sql.raw(oneOf('status', PULSE_STATUSES)))
    .addCheckConstraint('pulses_language_check', sql.raw(oneOf('language', LANGUAGES)))
    .execute();
  await db.schema.createIndex('pulses_org_idx').on('pulses').columns(['org_id', 'id']).execute();
  // One early-tenure pulse per organisation (the schedule finds or creates it).
  await db.schema
    .createIndex('pulses_early_tenure_uq')
    .on('pulses')
    .column('org_id')
    .unique()
    .where(sql.ref('kind'), '=', sql.lit('early_tenure'))
    .execute();

  await db.schema
    .createTable('pulse_invitations')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('pulse_id', t.id, (c) => c.notNull().references('pulses.id').onDelete('cascade'))
    .addColumn('employee_id', t.id, (c) =>
      c.notNull().references('employees.id').onDelete('cascade'),
    )
    .addColumn('stage_key', 'text')
    // SHA-256 of the personal token; the token itself is only in the e-mail.
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('used', t.flag, (c) => c.notNull())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('pulse_invitations_employee_uq')
    .on('pulse_invitations')
    .columns(['pulse_id', 'employee_id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('pulse_invitations_org_idx')
    .on('pulse_invitations')
    .columns(['org_id', 'pulse_id'])
    .execute();

  await db.schema
    .createTable('pulse_links')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('pulse_id', t.id, (c) => c.notNull().references('pulses.id').onDelete('cascade'))
    .addColumn('stage_key', 'text', (c) => c.notNull())
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('pulse_links_stage_uq')
    .on('pulse_links')
    .columns(['pulse_id', 'stage_key'])
    .unique()
    .execute();

  await db.schema
    .createTable('pulse_answers')
    // Random (UUIDv4), never time-ordered.
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('pulse_id', t.id, (c) => c.notNull().references('pulses.id').onDelete('cascade'))
    .addColumn('stage_key', 'text')
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text')
    // The organisation's local calendar day, YYYY-MM-DD: nothing finer.
    .addColumn('day', 'text', (c) => c.notNull())
    .addCheckConstraint('pulse_answers_score_check', sql`score >= 0 and score <= 10`)
    .$call((b) => (dialectOf(db) === 'sqlite' ? b.modifyEnd(sql`without rowid`) : b))
    .execute();
  await db.schema
    .createIndex('pulse_answers_org_day_idx')
    .on('pulse_answers')
    .columns(['org_id', 'day', 'stage_key'])
    .execute();
  await db.schema
    .createIndex('pulse_answers_pulse_idx')
    .on('pulse_answers')
    .columns(['pulse_id', 'stage_key'])
    .execute();

  for (const [table, name] of KIND_CHECKS) await setKindCheck(db, table, name, KINDS_AFTER);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['messages', 'message_templates'])
    await sql`delete from ${sql.table(table)} where kind = 'pulse_invite'`.execute(db);
  for (const [table, name] of KIND_CHECKS) await setKindCheck(db, table, name, KINDS_BEFORE);
  for (const table of ['pulse_answers', 'pulse_links', 'pulse_invitations', 'pulses'])
    await db.schema.dropTable(table).execute();
}
