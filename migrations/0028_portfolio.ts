// The client portfolio (issue 17, METRICS.md "Portfolio matrix"): per organisation its weights,
// its strategy texts per cell, the current scores of every client (recomputed by the worker and
// on demand, so the matrix endpoint reads a table instead of scoring 50 000 clients per request),
// and one snapshot per period of each client's scores and cell, so moves between cells can be
// listed.
import { sql, type Kysely } from 'kysely';
import { oneOf, types } from './_portable.ts';

/** The three levels of each axis (shared/domain/vocabulary.ts PORTFOLIO_LEVELS), as written here. */
const LEVELS_0028 = ['low', 'medium', 'high'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  const t = types(db);
  await db.schema
    .createTable('portfolio_settings')
    .addColumn('org_id', t.id, (c) =>
      c.primaryKey().notNull().references('orgs.id').onDelete('cascade'),
    )
    /** JSON { attractiveness: { input: weight }, relationship: { input: weight } }; null = defaults. */
    .addColumn('weights', 'text')
    /** When portfolio_scores were last computed for the organisation; null = never. */
    .addColumn('computed_at', t.time)
    .addColumn('scores_as_of', 'text')
    /** JSON: clients and revenue per cell — of all clients, per segment, per manager — as of the
     * same computation, so the matrix reads nine numbers instead of grouping 50 000 rows. */
    .addColumn('totals', 'text')
    .addColumn('updated_at', t.time, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('portfolio_strategies')
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('attractiveness', 'text', (c) => c.notNull())
    .addColumn('relationship', 'text', (c) => c.notNull())
    .addColumn('text_ru', 'text', (c) => c.notNull())
    .addColumn('text_en', 'text', (c) => c.notNull())
    .addColumn('updated_at', t.time, (c) => c.notNull())
    .addPrimaryKeyConstraint('portfolio_strategies_pk', [
      'org_id',
      'attractiveness',
      'relationship',
    ])
    .addCheckConstraint(
      'portfolio_strategies_attractiveness_check',
      sql.raw(oneOf('attractiveness', LEVELS_0028)),
    )
    .addCheckConstraint(
      'portfolio_strategies_relationship_check',
      sql.raw(oneOf('relationship', LEVELS_0028)),
    )
    .execute();
  await db.schema
    .createTable('portfolio_scores')
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('client_id', t.id, (c) => c.notNull())
    /** The client's segment and manager when scored: the matrix filters without a join. */
    .addColumn('segment', 'text')
    .addColumn('manager_id', t.id)
    .addColumn('revenue_minor', t.money, (c) => c.notNull())
    .addColumn('attractiveness', 'real', (c) => c.notNull())
    .addColumn('relationship', 'real', (c) => c.notNull())
    .addColumn('cell_a', 'text', (c) => c.notNull())
    .addColumn('cell_r', 'text', (c) => c.notNull())
    /** JSON: per input its raw value and percentile (the weights are applied when read). */
    .addColumn('breakdown', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('portfolio_scores_pk', ['org_id', 'client_id'])
    .execute();
  await db.schema
    .createIndex('portfolio_scores_order_idx')
    .on('portfolio_scores')
    .columns(['org_id', 'attractiveness', 'relationship', 'client_id'])
    .execute();
  await db.schema
    .createIndex('portfolio_scores_cell_order_idx')
    .on('portfolio_scores')
    .columns(['org_id', 'cell_a', 'cell_r', 'attractiveness', 'relationship', 'client_id'])
    .execute();
  // The same order within a segment and within a manager's clients (the matrix's filters).
  await db.schema
    .createIndex('portfolio_scores_segment_order_idx')
    .on('portfolio_scores')
    .columns(['org_id', 'segment', 'attractiveness', 'relationship', 'client_id'])
    .execute();
  await db.schema
    .createIndex('portfolio_scores_manager_order_idx')
    .on('portfolio_scores')
    .columns(['org_id', 'manager_id', 'attractiveness', 'relationship', 'client_id'])
    .execute();
  await db.schema
    .createTable('portfolio_snapshots')
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    /** 2026-Q2 or 2026-05 (server/modules/scorecard/periods.ts labels). */
    .addColumn('period', 'text', (c) => c.notNull())
    /** The last day of the period, YYYY-MM-DD: the scores are as of its end. */
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('taken_at', t.time, (c) => c.notNull())
    .addColumn('clients', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('portfolio_snapshots_pk', ['org_id', 'period'])
    .execute();
  await db.schema
    .createTable('portfolio_snapshot_rows')
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('client_id', t.id, (c) => c.notNull())
    .addColumn('revenue_minor', t.money, (c) => c.notNull())
    .addColumn('attractiveness', 'real', (c) => c.notNull())
    .addColumn('relationship', 'real', (c) => c.notNull())
    .addColumn('cell_a', 'text', (c) => c.notNull())
    .addColumn('cell_r', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('portfolio_snapshot_rows_pk', ['org_id', 'period', 'client_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('portfolio_snapshot_rows').execute();
  await db.schema.dropTable('portfolio_snapshots').execute();
  await db.schema.dropIndex('portfolio_scores_manager_order_idx').execute();
  await db.schema.dropIndex('portfolio_scores_segment_order_idx').execute();
  await db.schema.dropIndex('portfolio_scores_cell_order_idx').execute();
  await db.schema.dropIndex('portfolio_scores_order_idx').execute();
  await db.schema.dropTable('portfolio_scores').execute();
  await db.schema.dropTable('portfolio_strategies').execute();
  await db.schema.dropTable('portfolio_settings').execute();
}
