// Journey stages as a registry (issue 15, ADR 012). Records keep their stage as the registry's
// key (text), so no record changes here: every distinct stage already written on a record —
// feedback, cases, calls, requirements, transactions, surveys — becomes a stage of its
// organisation, named by its key, exactly as written (Cyrillic, inner or outer spaces: nothing is
// trimmed or folded, nothing lost). Targets per metric are a child table. Case routing needs the
// organisation's default case owner (cases.owner_id exists since 0002) and a message kind for the
// owner's e-mail, `case_assigned`, added to the two CHECK lists of the outbox.
import { sql, type Kysely } from 'kysely';
import { newId } from '../server/lib/ids.ts';
import { dialectOf, oneOf, types } from './_portable.ts';

/** The tables whose rows carry a stage key, as of this migration. */
export const STAGE_TABLES = [
  'feedback',
  'cases',
  'calls',
  'requirements',
  'transactions',
  'surveys',
] as const;
const KINDS_BEFORE = [
  'ack',
  'status',
  'closing',
  'followup',
  'survey_invite',
  'digest',
  'escalation',
];
const KINDS_AFTER = [...KINDS_BEFORE, 'case_assigned'];
/** The outbox kinds after this migration: the next one that adds a kind starts from them. */
export const MESSAGE_KINDS_0020: readonly string[] = KINDS_AFTER;
export const KIND_CHECKS = [
  ['messages', 'messages_kind_check'],
  ['message_templates', 'message_templates_kind_check'],
] as const;
const CHUNK = 500;

export async function up(db: Kysely<any>): Promise<void> {
  const t = types(db);
  await db.schema
    .createTable('stages')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('name_ru', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('owner_user_id', t.id, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('updated_at', t.time, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('stages_org_key_uq')
    .on('stages')
    .columns(['org_id', 'key'])
    .unique()
    .execute();
  await db.schema
    .createTable('stage_targets')
    .addColumn('stage_id', t.id, (c) => c.notNull().references('stages.id').onDelete('cascade'))
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('target', sql.raw(dialectOf(db) === 'postgres' ? 'double precision' : 'real'), (c) =>
      c.notNull(),
    )
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('updated_at', t.time, (c) => c.notNull())
    .addPrimaryKeyConstraint('stage_targets_pk', ['stage_id', 'metric'])
    .addCheckConstraint(
      'stage_targets_direction_check',
      sql.raw(oneOf('direction', ['up', 'down'])),
    )
    .execute();
  // The owner when neither the client's manager nor the stage names one (no FK: orgs ↔ users
  // would be a cycle; the service checks the person belongs to the organisation).
  await db.schema.alterTable('orgs').addColumn('default_case_owner_id', t.id).execute();
  // "Assigned to me" in the care inbox reads open cases by owner.
  await db.schema
    .createIndex('cases_org_owner_idx')
    .on('cases')
    .columns(['org_id', 'owner_id', 'status'])
    .execute();
  for (const [table, name] of KIND_CHECKS) await setKindCheck(db, table, name, KINDS_AFTER);
  await fillRegistry(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('message_templates').where('kind', '=', 'case_assigned').execute();
  await db.deleteFrom('messages').where('kind', '=', 'case_assigned').execute();
  for (const [table, name] of KIND_CHECKS) await setKindCheck(db, table, name, KINDS_BEFORE);
  await db.schema.dropIndex('cases_org_owner_idx').execute();
  await db.schema.alterTable('orgs').dropColumn('default_case_owner_id').execute();
  await db.schema.dropTable('stage_targets').execute();
  await db.schema.dropTable('stages').execute();
}

/** Every distinct stage written on a record, per organisation, becomes a stage named by its key. */
async function fillRegistry(db: Kysely<any>): Promise<void> {
  const byOrg = new Map<string, Set<string>>();
  for (const table of STAGE_TABLES) {
    const rows: { org_id: string; stage: string }[] = await db
      .selectFrom(table)
      .select(['org_id', 'stage'])
      .distinct()
      .where('stage', 'is not', null)
      .execute();
    for (const r of rows) {
      const keys = byOrg.get(r.org_id) ?? new Set<string>();
      keys.add(r.stage);
      byOrg.set(r.org_id, keys);
    }
  }
  const at = new Date().toISOString();
  const rows = [...byOrg].flatMap(([orgId, keys]) =>
    [...keys]
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      .map((key, i) => ({
        id: newId(),
        org_id: orgId,
        key,
        name_ru: key,
        name_en: key,
        position: i + 1,
        owner_user_id: null,
        created_at: at,
        updated_at: at,
      })),
  );
  for (let i = 0; i < rows.length; i += CHUNK)
    await db
      .insertInto('stages')
      .values(rows.slice(i, i + CHUNK))
      .execute();
}

/**
 * Sets the value list of a `kind` CHECK. PostgreSQL swaps the constraint; SQLite cannot alter a
 * CHECK, so the table is rebuilt from its own CREATE statement with the new list (SQLite's
 * documented procedure, https://sqlite.org/lang_altertable.html#otheralter): no table references
 * the outbox tables, so the copy keeps every row, and the indexes are created again.
 */
export async function setKindCheck(
  db: Kysely<any>,
  table: string,
  name: string,
  kinds: readonly string[],
): Promise<void> {
  const check = oneOf('kind', kinds);
  if (dialectOf(db) === 'postgres') {
    await db.schema.alterTable(table).dropConstraint(name).execute();
    await db.schema.alterTable(table).addCheckConstraint(name, sql.raw(check)).execute();
    return;
  }
  const master = await sql<{ type: string; sql: string }>`
    select type, sql from sqlite_master where tbl_name = ${table} and sql is not null`.execute(db);
  const create = master.rows.find((r) => r.type === 'table')!.sql;
  const indexes = master.rows.filter((r) => r.type === 'index').map((r) => r.sql);
  const marker = `constraint "${name}" check (`;
  const start = create.indexOf(marker);
  if (start < 0) throw new Error(`0020: ${table} has no ${name}`);
  let depth = 1;
  let end = start + marker.length;
  while (depth > 0) {
    if (create[end] === '(') depth += 1;
    else if (create[end] === ')') depth -= 1;
    end += 1;
  }
  const rebuilt = `${create.slice(0, start)}${marker}${check})${create.slice(end)}`.replace(
    /^create table "?\w+"?/i,
    `create table "${table}__new"`,
  );
  // One transaction (SQLite migrations run without one): the old table is never dropped alone.
  await db.transaction().execute(async (trx) => {
    await sql.raw(rebuilt).execute(trx);
    await sql.raw(`insert into "${table}__new" select * from "${table}"`).execute(trx);
    await sql.raw(`drop table "${table}"`).execute(trx);
    await sql.raw(`alter table "${table}__new" rename to "${table}"`).execute(trx);
    for (const index of indexes) await sql.raw(index).execute(trx);
  });
}
