// The arbiter report (issue 16): the suggestion rules a CX lead edits (first match wins, by
// position; an organisation without rules uses the built-in table) and the computed reports,
// one per window — the worker refreshes them when a month closes, a person on demand, and the
// endpoint serves the stored one (the report takes seconds on large data; reading it must not).
import { sql, type Kysely } from 'kysely';
import { oneOf, types } from './_portable.ts';

/** When a rule fires (shared/api/arbiter.ts RULE_WHEN), frozen here as the migration wrote it. */
const RULE_WHEN_0025 = ['top_driver', 'red', 'off_target'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  const t = types(db);
  await db.schema
    .createTable('arbiter_rules')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('fires_when', 'text', (c) => c.notNull())
    .addColumn('text_ru', 'text', (c) => c.notNull())
    .addColumn('text_en', 'text', (c) => c.notNull())
    .addColumn('updated_at', t.time, (c) => c.notNull())
    .addCheckConstraint(
      'arbiter_rules_fires_when_check',
      sql.raw(oneOf('fires_when', [...RULE_WHEN_0025])),
    )
    .execute();
  await db.schema
    .createIndex('arbiter_rules_org_position_idx')
    .on('arbiter_rules')
    .columns(['org_id', 'position'])
    .execute();
  await db.schema
    .createTable('arbiter_reports')
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    /** The window [from, to) as dates, YYYY-MM-DD. */
    .addColumn('window_from', 'text', (c) => c.notNull())
    .addColumn('window_to', 'text', (c) => c.notNull())
    .addColumn('computed_at', t.time, (c) => c.notNull())
    /** The report as returned by GET /api/v1/arbiter (JSON). */
    .addColumn('body', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('arbiter_reports_pk', ['org_id', 'window_from', 'window_to'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('arbiter_reports').execute();
  await db.schema.dropTable('arbiter_rules').execute();
}
