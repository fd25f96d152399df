// The only file of the imports module with SQL.
import type { DbOrTrx, ImportsTable } from '../../db/types.ts';
import { notFound } from '../../http/errors.ts';

/** An import without its rows: lists never read the (up to 20 MB) rows column. */
export type ImportSummary = Omit<ImportsTable, 'rows' | 'columns'>;

const SUMMARY_COLUMNS = [
  'id',
  'org_id',
  'kind',
  'filename',
  'status',
  'row_count',
  'mapping',
  'errors',
  'created_by',
  'created_at',
  'committed_at',
] as const;

export async function insertImport(db: DbOrTrx, row: ImportsTable): Promise<void> {
  await db.insertInto('imports').values(row).execute();
}

export async function getImport(db: DbOrTrx, orgId: string, id: string): Promise<ImportsTable> {
  const row = await db
    .selectFrom('imports')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Import');
  return row;
}

export async function getImportSummary(
  db: DbOrTrx,
  orgId: string,
  id: string,
): Promise<ImportSummary> {
  const row = await db
    .selectFrom('imports')
    .select(SUMMARY_COLUMNS)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Import');
  return row;
}

export async function listImports(
  db: DbOrTrx,
  orgId: string,
  f: { beforeId?: string; limit: number },
): Promise<ImportSummary[]> {
  let q = db.selectFrom('imports').select(SUMMARY_COLUMNS).where('org_id', '=', orgId);
  if (f.beforeId) q = q.where('id', '<', f.beforeId);
  return q
    .orderBy('id', 'desc')
    .limit(f.limit + 1)
    .execute();
}

export async function updateImport(
  db: DbOrTrx,
  orgId: string,
  id: string,
  patch: Partial<Pick<ImportsTable, 'mapping' | 'errors'>>,
): Promise<void> {
  await db
    .updateTable('imports')
    .set(patch)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

/**
 * uploaded → committed, only from uploaded: of two concurrent commits exactly one changes a row
 * (on PostgreSQL the second waits for the first's row lock, then sees `committed`).
 */
export async function markCommitted(
  db: DbOrTrx,
  orgId: string,
  id: string,
  patch: Pick<ImportsTable, 'mapping' | 'errors' | 'committed_at'>,
): Promise<boolean> {
  const result = await db
    .updateTable('imports')
    .set({ ...patch, status: 'committed' })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('status', '=', 'uploaded')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Deletes an import that was never committed; false when there is none in that state. */
export async function deleteUncommitted(db: DbOrTrx, orgId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('imports')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('status', '!=', 'committed')
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
