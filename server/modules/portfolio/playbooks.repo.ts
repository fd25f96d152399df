// SQL of the cell playbooks (migration 0030): the actions per cell and when each was last done
// for a client, plus which clients the stored scores put in a cell. orgId first, always.
import type {
  DbOrTrx,
  PortfolioPlaybookActionsTable,
  PortfolioPlaybookDoneTable,
} from '../../db/types.ts';
import type { PortfolioLevel } from '../../../shared/domain/vocabulary.ts';

type Cell = { attractiveness: PortfolioLevel; relationship: PortfolioLevel };

/** Every action of the organisation, cell by cell in playbook order. */
export async function listActions(
  db: DbOrTrx,
  orgId: string,
  cell?: Cell,
): Promise<PortfolioPlaybookActionsTable[]> {
  let q = db.selectFrom('portfolio_playbook_actions').selectAll().where('org_id', '=', orgId);
  if (cell)
    q = q
      .where('attractiveness', '=', cell.attractiveness)
      .where('relationship', '=', cell.relationship);
  return q.orderBy('attractiveness').orderBy('relationship').orderBy('position').execute();
}

/** Replaces a cell's actions: those not kept go (with their done marks), kept ones are updated. */
export async function replaceActions(
  db: DbOrTrx,
  orgId: string,
  cell: Cell,
  rows: PortfolioPlaybookActionsTable[],
  existing: readonly string[],
): Promise<void> {
  const keep = new Set(rows.map((r) => r.id));
  const gone = existing.filter((id) => !keep.has(id));
  if (gone.length) {
    // Explicit: SQLite enforces the cascade only with foreign keys switched on.
    await db
      .deleteFrom('portfolio_playbook_done')
      .where('org_id', '=', orgId)
      .where('action_id', 'in', gone)
      .execute();
    await db
      .deleteFrom('portfolio_playbook_actions')
      .where('org_id', '=', orgId)
      .where('id', 'in', gone)
      .execute();
  }
  const had = new Set(existing);
  for (const r of rows) {
    if (had.has(r.id))
      await db
        .updateTable('portfolio_playbook_actions')
        .set({
          position: r.position,
          title_ru: r.title_ru,
          title_en: r.title_en,
          every_days: r.every_days,
          updated_at: r.updated_at,
        })
        .where('org_id', '=', orgId)
        .where('id', '=', r.id)
        .where('attractiveness', '=', cell.attractiveness)
        .where('relationship', '=', cell.relationship)
        .execute();
    else await db.insertInto('portfolio_playbook_actions').values(r).execute();
  }
}

export async function findAction(
  db: DbOrTrx,
  orgId: string,
  id: string,
): Promise<PortfolioPlaybookActionsTable | undefined> {
  return db
    .selectFrom('portfolio_playbook_actions')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** When each of these actions was last done, per client (all clients when clientId is left out). */
export async function doneMarks(
  db: DbOrTrx,
  orgId: string,
  actionIds: readonly string[],
  clientId?: string,
): Promise<PortfolioPlaybookDoneTable[]> {
  if (actionIds.length === 0) return [];
  let q = db
    .selectFrom('portfolio_playbook_done')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('action_id', 'in', [...actionIds]);
  if (clientId) q = q.where('client_id', '=', clientId);
  return q.execute();
}

export async function markDone(db: DbOrTrx, row: PortfolioPlaybookDoneTable): Promise<void> {
  await db
    .insertInto('portfolio_playbook_done')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['org_id', 'client_id', 'action_id'])
        .doUpdateSet({ done_at: row.done_at, done_by: row.done_by }),
    )
    .execute();
}

/** The clients the stored scores put in a cell, with their names, by name. */
export async function clientsInCell(
  db: DbOrTrx,
  orgId: string,
  cell: Cell,
  limit: number,
): Promise<{ id: string; name: string }[]> {
  return db
    .selectFrom('portfolio_scores as s')
    .innerJoin('clients as c', (j) =>
      j.onRef('c.id', '=', 's.client_id').onRef('c.org_id', '=', 's.org_id'),
    )
    .select(['c.id', 'c.name'])
    .where('s.org_id', '=', orgId)
    .where('s.cell_a', '=', cell.attractiveness)
    .where('s.cell_r', '=', cell.relationship)
    .orderBy('c.name')
    .orderBy('c.id')
    .limit(limit)
    .execute();
}

/** The client's cell by the stored scores; undefined until the matrix has placed it. */
export async function cellOf(
  db: DbOrTrx,
  orgId: string,
  clientId: string,
): Promise<Cell | undefined> {
  const row = await db
    .selectFrom('portfolio_scores')
    .select(['cell_a', 'cell_r'])
    .where('org_id', '=', orgId)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
  return row ? { attractiveness: row.cell_a, relationship: row.cell_r } : undefined;
}
