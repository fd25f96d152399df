// Process KPIs (issue 15, the operational layer): a named series per organisation — its key, names,
// unit, direction and default target — and its values per journey stage and calendar month. A
// value names its stage by the registry's key (text, like every record's `stage`), so a merge of
// two stages rewrites it and a stage a value still names is not deleted (the scorecard module
// subscribes to the stages hooks). A value may carry its own target for that stage and month.
import { sql, type Kysely } from 'kysely';
import { dialectOf, oneOf, types } from './_portable.ts';

export async function up(db: Kysely<any>): Promise<void> {
  const t = types(db);
  const real = sql.raw(dialectOf(db) === 'postgres' ? 'double precision' : 'real');
  await db.schema
    .createTable('kpis')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text')
    .addColumn('unit', 'text')
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('target', real)
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('updated_at', t.time, (c) => c.notNull())
    .addCheckConstraint('kpis_direction_check', sql.raw(oneOf('direction', ['up', 'down'])))
    .execute();
  await db.schema
    .createIndex('kpis_org_key_uq')
    .on('kpis')
    .columns(['org_id', 'key'])
    .unique()
    .execute();
  await db.schema
    .createTable('kpi_values')
    .addColumn('kpi_id', t.id, (c) => c.notNull().references('kpis.id').onDelete('cascade'))
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('stage', 'text', (c) => c.notNull())
    /** The calendar month, YYYY-MM. */
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('value', real, (c) => c.notNull())
    .addColumn('target', real)
    .addColumn('updated_at', t.time, (c) => c.notNull())
    .addPrimaryKeyConstraint('kpi_values_pk', ['kpi_id', 'stage', 'period'])
    .execute();
  // The scorecard reads an organisation's values by month; merges and deletes find a stage's.
  await db.schema
    .createIndex('kpi_values_org_period_idx')
    .on('kpi_values')
    .columns(['org_id', 'period'])
    .execute();
  await db.schema
    .createIndex('kpi_values_org_stage_idx')
    .on('kpi_values')
    .columns(['org_id', 'stage'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('kpi_values').execute();
  await db.schema.dropTable('kpis').execute();
}
