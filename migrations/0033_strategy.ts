// The strategy map (issue 18, SPEC C12; docs/strategy.md): goals in four perspectives with an
// owner (an employee or a user) and a due date; cause → effect arrows between goals (never a goal
// to itself, never twice, never a cycle — the service checks the last); KPIs per goal, either
// manual (a dated history of entered values) or bound to a live metric of the analytics modules
// (a registry key + parameters as JSON); and the initiatives / training items under each goal.
import { sql, type Kysely } from 'kysely';
import { dialectOf, oneOf, types } from './_portable.ts';

/** shared/domain/vocabulary.ts lists, frozen as this migration wrote them. */
const PERSPECTIVES_0033 = ['financial', 'clients', 'processes', 'learning_growth'] as const;
const SOURCES_0033 = ['manual', 'bound'] as const;
const ITEM_KINDS_0033 = ['initiative', 'training'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  const t = types(db);
  const real = sql.raw(dialectOf(db) === 'postgres' ? 'double precision' : 'real');
  await db.schema
    .createTable('strategy_goals')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('perspective', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    /** At most one of the two owners is set. */
    .addColumn('owner_employee_id', t.id, (c) => c.references('employees.id').onDelete('set null'))
    .addColumn('owner_user_id', t.id, (c) => c.references('users.id').onDelete('set null'))
    /** YYYY-MM-DD. */
    .addColumn('due_date', 'text')
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('updated_at', t.time, (c) => c.notNull())
    .addCheckConstraint(
      'strategy_goals_perspective_check',
      sql.raw(oneOf('perspective', PERSPECTIVES_0033)),
    )
    .addCheckConstraint(
      'strategy_goals_owner_check',
      sql.raw('owner_employee_id is null or owner_user_id is null'),
    )
    .execute();
  await db.schema
    .createIndex('strategy_goals_org_idx')
    .on('strategy_goals')
    .columns(['org_id', 'perspective'])
    .execute();
  await db.schema
    .createTable('strategy_arrows')
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('cause_goal_id', t.id, (c) =>
      c.notNull().references('strategy_goals.id').onDelete('cascade'),
    )
    .addColumn('effect_goal_id', t.id, (c) =>
      c.notNull().references('strategy_goals.id').onDelete('cascade'),
    )
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addPrimaryKeyConstraint('strategy_arrows_pk', ['cause_goal_id', 'effect_goal_id'])
    .addCheckConstraint('strategy_arrows_self_check', sql.raw('cause_goal_id <> effect_goal_id'))
    .execute();
  await db.schema
    .createIndex('strategy_arrows_org_idx')
    .on('strategy_arrows')
    .columns(['org_id', 'effect_goal_id'])
    .execute();
  await db.schema
    .createTable('strategy_kpis')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('goal_id', t.id, (c) =>
      c.notNull().references('strategy_goals.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit', 'text')
    .addColumn('target', real)
    .addColumn('direction', 'text', (c) => c.notNull())
    /** YYYY-MM-DD. */
    .addColumn('due_date', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    /** A bound KPI: the registry key (server/modules/strategy/bindings.ts) and its parameters. */
    .addColumn('metric_key', 'text')
    .addColumn('metric_params', t.json)
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('updated_at', t.time, (c) => c.notNull())
    .addCheckConstraint(
      'strategy_kpis_direction_check',
      sql.raw(oneOf('direction', ['up', 'down'])),
    )
    .addCheckConstraint('strategy_kpis_source_check', sql.raw(oneOf('source', SOURCES_0033)))
    .addCheckConstraint(
      'strategy_kpis_binding_check',
      sql.raw("(source = 'bound') = (metric_key is not null)"),
    )
    .execute();
  await db.schema
    .createIndex('strategy_kpis_org_goal_idx')
    .on('strategy_kpis')
    .columns(['org_id', 'goal_id'])
    .execute();
  await db.schema
    .createTable('strategy_kpi_values')
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('kpi_id', t.id, (c) =>
      c.notNull().references('strategy_kpis.id').onDelete('cascade'),
    )
    /** The day the value describes, YYYY-MM-DD: one value per KPI and day (a later entry replaces). */
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('value', real, (c) => c.notNull())
    .addColumn('updated_at', t.time, (c) => c.notNull())
    .addPrimaryKeyConstraint('strategy_kpi_values_pk', ['kpi_id', 'on_date'])
    .execute();
  await db.schema
    .createIndex('strategy_kpi_values_org_idx')
    .on('strategy_kpi_values')
    .columns(['org_id', 'kpi_id'])
    .execute();
  // No foreign key to the item: initiatives and training items belong to other modules (backlog,
  // competencies); the strategy service checks them through those modules' lookups.
  await db.schema
    .createTable('strategy_goal_items')
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('goal_id', t.id, (c) =>
      c.notNull().references('strategy_goals.id').onDelete('cascade'),
    )
    .addColumn('item_kind', 'text', (c) => c.notNull())
    .addColumn('item_id', t.id, (c) => c.notNull())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addPrimaryKeyConstraint('strategy_goal_items_pk', ['goal_id', 'item_kind', 'item_id'])
    .addCheckConstraint(
      'strategy_goal_items_kind_check',
      sql.raw(oneOf('item_kind', ITEM_KINDS_0033)),
    )
    .execute();
  await db.schema
    .createIndex('strategy_goal_items_item_idx')
    .on('strategy_goal_items')
    .columns(['org_id', 'item_kind', 'item_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('strategy_goal_items').execute();
  await db.schema.dropTable('strategy_kpi_values').execute();
  await db.schema.dropTable('strategy_kpis').execute();
  await db.schema.dropTable('strategy_arrows').execute();
  await db.schema.dropTable('strategy_goals').execute();
}
