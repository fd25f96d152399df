// SQL of the portfolio module: settings (weights), strategies per cell, the current scores and
// the period snapshots (the cell playbooks are in playbooks.repo.ts). orgId first, always.
import { sql } from 'kysely';
import { insertRows } from '../../db/bulk.ts';
import type {
  DbOrTrx,
  PortfolioScoresTable,
  PortfolioSettingsTable,
  PortfolioSnapshotRowsTable,
  PortfolioSnapshotsTable,
  PortfolioStrategiesTable,
} from '../../db/types.ts';
import type { PortfolioLevel } from '../../../shared/domain/vocabulary.ts';

export async function findSettings(
  db: DbOrTrx,
  orgId: string,
): Promise<PortfolioSettingsTable | undefined> {
  return db
    .selectFrom('portfolio_settings')
    .selectAll()
    .where('org_id', '=', orgId)
    .executeTakeFirst();
}

export async function upsertSettings(
  db: DbOrTrx,
  orgId: string,
  set: Partial<Omit<PortfolioSettingsTable, 'org_id'>> & { updated_at: string },
): Promise<void> {
  const row: PortfolioSettingsTable = {
    org_id: orgId,
    weights: null,
    computed_at: null,
    scores_as_of: null,
    totals: null,
    ...set,
  };
  await db
    .insertInto('portfolio_settings')
    .values(row)
    .onConflict((oc) => oc.column('org_id').doUpdateSet(set))
    .execute();
}

export async function listStrategies(
  db: DbOrTrx,
  orgId: string,
): Promise<PortfolioStrategiesTable[]> {
  return db.selectFrom('portfolio_strategies').selectAll().where('org_id', '=', orgId).execute();
}

export async function upsertStrategy(db: DbOrTrx, row: PortfolioStrategiesTable): Promise<void> {
  await db
    .insertInto('portfolio_strategies')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['org_id', 'attractiveness', 'relationship']).doUpdateSet({
        text_ru: row.text_ru,
        text_en: row.text_en,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

/** Replaces the organisation's current scores (in the caller's transaction). */
export async function replaceScores(
  db: DbOrTrx,
  orgId: string,
  rows: readonly PortfolioScoresTable[],
): Promise<void> {
  await db.deleteFrom('portfolio_scores').where('org_id', '=', orgId).execute();
  await insertRows(db, 'portfolio_scores', rows);
}

export interface ScoreFilter {
  segment?: string;
  managerId?: string;
  cellA?: PortfolioLevel;
  cellR?: PortfolioLevel;
}

function filtered(db: DbOrTrx, orgId: string, f: ScoreFilter) {
  let q = db.selectFrom('portfolio_scores').where('org_id', '=', orgId);
  if (f.segment !== undefined) q = q.where('segment', '=', f.segment);
  if (f.managerId !== undefined) q = q.where('manager_id', '=', f.managerId);
  if (f.cellA !== undefined) q = q.where('cell_a', '=', f.cellA);
  if (f.cellR !== undefined) q = q.where('cell_r', '=', f.cellR);
  return q;
}

/** Clients, revenue per cell (of the segment / manager filter; the cell filter is ignored). */
export async function cellTotals(db: DbOrTrx, orgId: string, f: ScoreFilter) {
  const rows = await filtered(db, orgId, { segment: f.segment, managerId: f.managerId })
    .select([
      'cell_a',
      'cell_r',
      sql<number>`count(*)`.as('clients'),
      sql<number>`sum(revenue_minor)`.as('revenue'),
    ])
    .groupBy(['cell_a', 'cell_r'])
    .execute();
  return rows.map((r) => ({
    cellA: r.cell_a,
    cellR: r.cell_r,
    clients: Number(r.clients),
    revenueMinor: Number(r.revenue),
  }));
}

/**
 * One page ordered by attractiveness, relationship, client id, all descending — one direction, so
 * an index on (…, attractiveness, relationship, client_id) read backwards serves it unsorted.
 */
export async function scorePage(
  db: DbOrTrx,
  orgId: string,
  f: ScoreFilter,
  offset: number,
  limit: number,
): Promise<PortfolioScoresTable[]> {
  return filtered(db, orgId, f)
    .selectAll()
    .orderBy('attractiveness', 'desc')
    .orderBy('relationship', 'desc')
    .orderBy('client_id', 'desc')
    .offset(offset)
    .limit(limit)
    .execute();
}

export async function findSnapshot(
  db: DbOrTrx,
  orgId: string,
  period: string,
): Promise<PortfolioSnapshotsTable | undefined> {
  return db
    .selectFrom('portfolio_snapshots')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('period', '=', period)
    .executeTakeFirst();
}

export async function listSnapshots(db: DbOrTrx, orgId: string) {
  return db
    .selectFrom('portfolio_snapshots')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('as_of', 'desc')
    .orderBy('period')
    .execute();
}

/** Inserts a snapshot and its rows; false when the period already has one (nothing written). */
export async function insertSnapshot(
  db: DbOrTrx,
  head: PortfolioSnapshotsTable,
  rows: readonly PortfolioSnapshotRowsTable[],
): Promise<boolean> {
  const inserted = await db
    .insertInto('portfolio_snapshots')
    .values(head)
    .onConflict((oc) => oc.columns(['org_id', 'period']).doNothing())
    .returning('period')
    .execute();
  if (inserted.length === 0) return false;
  await insertRows(db, 'portfolio_snapshot_rows', rows);
  return true;
}

export async function snapshotRows(
  db: DbOrTrx,
  orgId: string,
  period: string,
): Promise<PortfolioSnapshotRowsTable[]> {
  return db
    .selectFrom('portfolio_snapshot_rows')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('period', '=', period)
    .execute();
}

/** Clients whose stored attractiveness is high; null when the organisation has no scores yet. */
export async function highAttractivenessIds(db: DbOrTrx, orgId: string): Promise<string[] | null> {
  const rows = await db
    .selectFrom('portfolio_scores')
    .select(['client_id', 'cell_a'])
    .where('org_id', '=', orgId)
    .execute();
  if (rows.length === 0) return null;
  return rows.filter((r) => r.cell_a === 'high').map((r) => r.client_id);
}

/** The client's stored cell and the other clients of it; null when the client has no score. */
export async function cellPeers(
  db: DbOrTrx,
  orgId: string,
  clientId: string,
): Promise<{ cellA: string; cellR: string; clientIds: string[] } | null> {
  const own = await db
    .selectFrom('portfolio_scores')
    .select(['cell_a', 'cell_r'])
    .where('org_id', '=', orgId)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
  if (!own) return null;
  const rows = await db
    .selectFrom('portfolio_scores')
    .select('client_id')
    .where('org_id', '=', orgId)
    .where('cell_a', '=', own.cell_a)
    .where('cell_r', '=', own.cell_r)
    .where('client_id', '!=', clientId)
    .execute();
  return { cellA: own.cell_a, cellR: own.cell_r, clientIds: rows.map((r) => r.client_id) };
}
