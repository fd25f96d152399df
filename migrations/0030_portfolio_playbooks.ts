// Care playbooks per portfolio cell (issue 17): each cell of an organisation can carry a short list
// of actions ("a meeting with the decision maker every 90 days"); every client currently in the
// cell gets a computed care reminder per action, due when it was never done for that client or
// was last done `every_days` or more ago. Only the last time each (client, action) was done is
// stored; the reminders themselves are computed, so a client leaving the cell stops getting them.
import { sql, type Kysely } from 'kysely';
import { oneOf, types } from './_portable.ts';

/** The three levels of each axis (shared/domain/vocabulary.ts PORTFOLIO_LEVELS), as written here. */
const LEVELS_0030 = ['low', 'medium', 'high'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  const t = types(db);
  await db.schema
    .createTable('portfolio_playbook_actions')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('attractiveness', 'text', (c) => c.notNull())
    .addColumn('relationship', 'text', (c) => c.notNull())
    /** Order within the cell's playbook, from 0. */
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title_ru', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('every_days', 'integer', (c) => c.notNull())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('updated_at', t.time, (c) => c.notNull())
    .addCheckConstraint(
      'portfolio_playbook_actions_attractiveness_check',
      sql.raw(oneOf('attractiveness', LEVELS_0030)),
    )
    .addCheckConstraint(
      'portfolio_playbook_actions_relationship_check',
      sql.raw(oneOf('relationship', LEVELS_0030)),
    )
    .addCheckConstraint(
      'portfolio_playbook_actions_every_days_check',
      sql`every_days >= 1 and every_days <= 3650`,
    )
    .execute();
  await db.schema
    .createIndex('portfolio_playbook_actions_cell_idx')
    .on('portfolio_playbook_actions')
    .columns(['org_id', 'attractiveness', 'relationship', 'position'])
    .execute();
  await db.schema
    .createTable('portfolio_playbook_done')
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('client_id', t.id, (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('action_id', t.id, (c) =>
      c.notNull().references('portfolio_playbook_actions.id').onDelete('cascade'),
    )
    /** The last time the action was marked done for the client. */
    .addColumn('done_at', t.time, (c) => c.notNull())
    .addColumn('done_by', t.id)
    .addPrimaryKeyConstraint('portfolio_playbook_done_pk', ['org_id', 'client_id', 'action_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('portfolio_playbook_done').execute();
  await db.schema.dropIndex('portfolio_playbook_actions_cell_idx').execute();
  await db.schema.dropTable('portfolio_playbook_actions').execute();
}
