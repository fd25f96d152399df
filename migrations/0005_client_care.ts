// Client care (issue 4, part 1): card fields on clients and contacts, important dates, the
// special-requirements registry with its version history, and free-text notes on a client.
// Card columns are added nullable or with defaults so existing rows stay valid on both dialects.
import { sql, type Kysely } from 'kysely';
import { oneOf, types } from './_portable.ts';

const DATE_KINDS = ['birthday', 'company_anniversary', 'contract_renewal', 'custom'];
const REQ_CATEGORIES = [
  'purpose_of_use',
  'delivery',
  'technical',
  'packaging',
  'documents',
  'other',
];
const REQ_SOURCES = ['feedback', 'meeting', 'contract', 'other'];

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = types(db);

  // One column per ALTER: SQLite accepts only one ADD COLUMN per statement.
  await db.schema.alterTable('clients').addColumn('tier', 'text').execute();
  await db.schema.alterTable('clients').addColumn('manager_id', t.id).execute();
  await db.schema
    .alterTable('clients')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .execute();
  await db.schema.alterTable('clients').addColumn('corporate_specifics', 'text').execute();
  await db.schema.alterTable('contacts').addColumn('preferences', 'text').execute();
  await db.schema.alterTable('contacts').addColumn('preferred_channel', 'text').execute();
  await db.schema.alterTable('contacts').addColumn('preferred_time', 'text').execute();
  await db.schema
    .createIndex('clients_org_manager_idx')
    .on('clients')
    .columns(['org_id', 'manager_id'])
    .execute();

  await db.schema
    .createTable('important_dates')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('client_id', t.id, (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('contact_id', t.id, (c) => c.references('contacts.id').onDelete('set null'))
    .addColumn('kind', 'text', (c) => c.notNull())
    // A calendar date, not an instant: YYYY-MM-DD text on both dialects.
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('recurring', t.flag, (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('updated_at', t.time, (c) => c.notNull())
    .addCheckConstraint('important_dates_kind_check', sql.raw(oneOf('kind', DATE_KINDS)))
    .execute();
  await db.schema
    .createIndex('important_dates_org_client_idx')
    .on('important_dates')
    .columns(['org_id', 'client_id'])
    .execute();

  await db.schema
    .createTable('requirements')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('client_id', t.id, (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('owner_id', t.id)
    .addColumn('stage', 'text')
    .addColumn('product', 'text')
    .addColumn('effective_from', 'text')
    .addColumn('effective_to', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('updated_at', t.time, (c) => c.notNull())
    .addCheckConstraint('requirements_category_check', sql.raw(oneOf('category', REQ_CATEGORIES)))
    .addCheckConstraint('requirements_source_check', sql.raw(oneOf('source', REQ_SOURCES)))
    .addCheckConstraint(
      'requirements_status_check',
      sql.raw(oneOf('status', ['active', 'retired'])),
    )
    .execute();
  await db.schema
    .createIndex('requirements_org_client_idx')
    .on('requirements')
    .columns(['org_id', 'client_id'])
    .execute();

  await db.schema
    .createTable('requirement_versions')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('requirement_id', t.id, (c) =>
      c.notNull().references('requirements.id').onDelete('cascade'),
    )
    .addColumn('client_id', t.id, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('snapshot', t.json, (c) => c.notNull())
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', t.id)
    .addColumn('created_at', t.time, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('requirement_versions_req_uq')
    .on('requirement_versions')
    .columns(['requirement_id', 'version'])
    .unique()
    .execute();
  await db.schema
    .createIndex('requirement_versions_org_client_idx')
    .on('requirement_versions')
    .columns(['org_id', 'client_id'])
    .execute();

  await db.schema
    .createTable('client_notes')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('client_id', t.id, (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('author_type', 'text', (c) => c.notNull())
    .addColumn('author_id', t.id)
    .addColumn('created_at', t.time, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('client_notes_org_client_idx')
    .on('client_notes')
    .columns(['org_id', 'client_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['client_notes', 'requirement_versions', 'requirements', 'important_dates'])
    await db.schema.dropTable(table).execute();
  await db.schema.dropIndex('clients_org_manager_idx').execute();
  for (const col of ['corporate_specifics', 'status', 'manager_id', 'tier'])
    await db.schema.alterTable('clients').dropColumn(col).execute();
  for (const col of ['preferred_time', 'preferred_channel', 'preferences'])
    await db.schema.alterTable('contacts').dropColumn(col).execute();
}
