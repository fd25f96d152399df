// Employees (issue 15, SPEC C11): the people who run each journey stage, with or without a login.
// A stage is referred to by its key (text), like every other record's `stage` (ADR 012). Calls
// and special requirements (what a meeting with a client records) may point at an employee.
// Self-contained: it needs no table of the stages registry.
import { sql, type Kysely } from 'kysely';
import { oneOf, types } from './_portable.ts';

const EMPLOYEE_STATUSES = ['active', 'on_leave', 'left'];

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = types(db);
  await db.schema
    .createTable('employees')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'text')
    .addColumn('stage_key', 'text')
    .addColumn('manager_id', t.id, (c) => c.references('employees.id').onDelete('set null'))
    // A calendar date, not an instant: YYYY-MM-DD text on both dialects.
    .addColumn('hire_date', 'text')
    // Lower-cased by the app.
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    // The phone in the one comparable form (+7XXXXXXXXXX), so calls match it by equality.
    .addColumn('phone_key', 'text')
    .addColumn('external_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('user_id', t.id, (c) => c.references('users.id').onDelete('set null'))
    // The name folded (lower case, ё → е, single spaces): calls and import files name people so.
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('updated_at', t.time, (c) => c.notNull())
    .addCheckConstraint('employees_status_check', sql.raw(oneOf('status', EMPLOYEE_STATUSES)))
    .execute();
  // NULLs are distinct in unique indexes on both dialects: unique only when present.
  for (const [name, columns] of [
    ['employees_org_email_uq', ['org_id', 'email']],
    ['employees_org_external_uq', ['org_id', 'external_id']],
    ['employees_user_uq', ['user_id']],
  ] as const)
    await db.schema
      .createIndex(name)
      .on('employees')
      .columns([...columns])
      .unique()
      .execute();
  for (const [name, columns] of [
    ['employees_org_name_idx', ['org_id', 'name_key']],
    ['employees_org_phone_idx', ['org_id', 'phone_key']],
    ['employees_org_stage_idx', ['org_id', 'stage_key']],
    ['employees_org_manager_idx', ['org_id', 'manager_id']],
  ] as const)
    await db.schema
      .createIndex(name)
      .on('employees')
      .columns([...columns])
      .execute();

  // One column per ALTER: SQLite accepts only one ADD COLUMN per statement.
  await db.schema
    .alterTable('calls')
    .addColumn('employee_id', t.id, (c) => c.references('employees.id').onDelete('set null'))
    .execute();
  await db.schema
    .createIndex('calls_org_employee_idx')
    .on('calls')
    .columns(['org_id', 'employee_id'])
    .execute();
  await db.schema
    .alterTable('requirements')
    .addColumn('employee_id', t.id, (c) => c.references('employees.id').onDelete('set null'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('requirements').dropColumn('employee_id').execute();
  await db.schema.dropIndex('calls_org_employee_idx').execute();
  await db.schema.alterTable('calls').dropColumn('employee_id').execute();
  await db.schema.dropTable('employees').execute();
}
