// Competencies and training (issue 18, SPEC C11; docs/competencies.md): competencies per
// organisation, the target level of each per position (the competency model), assessments of
// employees (self, manager, 360 peers; level 1–5), training plan items, and the onboarding
// checklist (a per-organisation template, an instance per new employee with its ticked items).
// The raters of 360 answers are stored (to count distinct raters against the anonymity threshold)
// and never returned by the API.
import { sql, type Kysely } from 'kysely';
import { oneOf, types } from './_portable.ts';

const KINDS_0032 = ['self', 'manager', 'peer'] as const;
const TRAINING_KINDS_0032 = ['course', 'mentoring', 'on_the_job'] as const;
const TRAINING_STATUSES_0032 = ['planned', 'in_progress', 'done', 'cancelled'] as const;

const level = (column: string) => sql.raw(`${column} >= 1 and ${column} <= 5`);

export async function up(db: Kysely<any>): Promise<void> {
  const t = types(db);
  const org = (c: any) => c.notNull().references('orgs.id').onDelete('cascade');
  await db.schema
    .createTable('competencies')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('org_id', t.id, org)
    .addColumn('name_ru', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    /** A scorecard metric key the competency moves (nps, cases.resolve_minutes, kpi:<key> …). */
    .addColumn('metric_key', 'text')
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('updated_at', t.time, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('competencies_org_idx')
    .on('competencies')
    .columns(['org_id', 'id'])
    .execute();
  await db.schema
    .createTable('competency_targets')
    .addColumn('org_id', t.id, org)
    /** The employees' position text, as employees.position holds it. */
    .addColumn('position', 'text', (c) => c.notNull())
    .addColumn('competency_id', t.id, (c) =>
      c.notNull().references('competencies.id').onDelete('cascade'),
    )
    .addColumn('level', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('competency_targets_pk', ['org_id', 'position', 'competency_id'])
    .addCheckConstraint('competency_targets_level_check', level('level'))
    .execute();
  await db.schema
    .createTable('competency_assessments')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('org_id', t.id, org)
    .addColumn('employee_id', t.id, (c) =>
      c.notNull().references('employees.id').onDelete('cascade'),
    )
    .addColumn('competency_id', t.id, (c) =>
      c.notNull().references('competencies.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    /** The user (or API key) who assessed; for 360 answers never shown to anyone. */
    .addColumn('rater_id', 'text')
    .addColumn('assessed_at', t.time, (c) => c.notNull())
    .addCheckConstraint('competency_assessments_kind_check', sql.raw(oneOf('kind', KINDS_0032)))
    .addCheckConstraint('competency_assessments_level_check', level('level'))
    .execute();
  await db.schema
    .createIndex('competency_assessments_employee_idx')
    .on('competency_assessments')
    .columns(['org_id', 'employee_id', 'competency_id', 'assessed_at'])
    .execute();
  await db.schema
    .createTable('competency_settings')
    .addColumn('org_id', t.id, (c) =>
      c.primaryKey().notNull().references('orgs.id').onDelete('cascade'),
    )
    /** Distinct 360 raters per employee × competency below which their answers stay hidden. */
    .addColumn('anonymity_threshold', 'integer', (c) => c.notNull())
    .addColumn('updated_at', t.time, (c) => c.notNull())
    .addCheckConstraint(
      'competency_settings_threshold_check',
      sql`anonymity_threshold >= 2 and anonymity_threshold <= 50`,
    )
    .execute();
  await db.schema
    .createTable('training_items')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('org_id', t.id, org)
    .addColumn('employee_id', t.id, (c) =>
      c.notNull().references('employees.id').onDelete('cascade'),
    )
    .addColumn('competency_id', t.id, (c) => c.references('competencies.id').onDelete('set null'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    /** YYYY-MM-DD */
    .addColumn('due_date', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('updated_at', t.time, (c) => c.notNull())
    .addCheckConstraint('training_items_kind_check', sql.raw(oneOf('kind', TRAINING_KINDS_0032)))
    .addCheckConstraint(
      'training_items_status_check',
      sql.raw(oneOf('status', TRAINING_STATUSES_0032)),
    )
    .execute();
  await db.schema
    .createIndex('training_items_employee_idx')
    .on('training_items')
    .columns(['org_id', 'employee_id'])
    .execute();
  await db.schema
    .createTable('onboarding_template_items')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('org_id', t.id, org)
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title_ru', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('onboarding_template_items_org_idx')
    .on('onboarding_template_items')
    .columns(['org_id', 'position'])
    .execute();
  await db.schema
    .createTable('onboarding_checklists')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('org_id', t.id, org)
    .addColumn('employee_id', t.id, (c) =>
      c.notNull().references('employees.id').onDelete('cascade'),
    )
    .addColumn('created_at', t.time, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('onboarding_checklists_employee_idx')
    .on('onboarding_checklists')
    .columns(['org_id', 'employee_id'])
    .unique()
    .execute();
  await db.schema
    .createTable('onboarding_checklist_items')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('org_id', t.id, org)
    .addColumn('checklist_id', t.id, (c) =>
      c.notNull().references('onboarding_checklists.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title_ru', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('done_at', t.time)
    .addColumn('done_by', 'text')
    .execute();
  await db.schema
    .createIndex('onboarding_checklist_items_list_idx')
    .on('onboarding_checklist_items')
    .columns(['org_id', 'checklist_id', 'position'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const index of [
    'onboarding_checklist_items_list_idx',
    'onboarding_checklists_employee_idx',
    'onboarding_template_items_org_idx',
    'training_items_employee_idx',
    'competency_assessments_employee_idx',
    'competencies_org_idx',
  ])
    await db.schema.dropIndex(index).execute();
  for (const table of [
    'onboarding_checklist_items',
    'onboarding_checklists',
    'onboarding_template_items',
    'training_items',
    'competency_settings',
    'competency_assessments',
    'competency_targets',
    'competencies',
  ])
    await db.schema.dropTable(table).execute();
}
