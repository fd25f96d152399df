// Use-cases of file imports: store an uploaded file's table and its target, report row by row
// what a mapping would make of it, and commit every row or none through the target (targets.ts).
import { inTransaction, type Ctx } from '../../context.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import type { ImportsTable } from '../../db/types.ts';
import { AppError } from '../../http/errors.ts';
import { sha256 } from '../../lib/crypto.ts';
import { newId } from '../../lib/ids.ts';
import { decodeCursor, toPage } from '../../lib/paging.ts';
import { assertCan } from '../../lib/permissions.ts';
import type {
  CommitResultOut,
  ImportTargetName,
  Mapping,
  ReportOut,
} from '../../../shared/api/imports.ts';
import { recordAudit } from '../orgs/index.ts';
import * as repo from './imports.repo.ts';
import { mergeRowErrors, numberFormatOf, RowsRefused, rowsInvalid } from './reports.ts';
import {
  assertMappingFits,
  importTarget,
  type ConvertedRow,
  type ImportTarget,
} from './targets.ts';

export type { ImportSummary } from './imports.repo.ts';
import { readCsv, readXlsx } from '../../lib/tabular/read-table.ts';
import { checkTable, type Table } from '../../lib/tabular/table.ts';

export type ImportKind = 'csv' | 'xlsx';

/**
 * The table has no columns for what detection found, the target or what a commit did, so the
 * `mapping` column holds { source, mapping, target } and `errors` { report, result } (see presentImport).
 */
export interface StoredMapping {
  source: { encoding: string | null; delimiter: string | null };
  mapping: Mapping | null;
  /** Absent on imports stored before targets existed: feedback. */
  target?: ImportTargetName;
}
export interface StoredOutcome {
  report: ReportOut | null;
  result: CommitResultOut | null;
}

export async function uploadImport(
  ctx: Ctx,
  file: { bytes: Buffer; filename: string; kind: ImportKind; target: ImportTargetName },
): Promise<ImportsTable> {
  assertCan(ctx.actor, 'data.write');
  importTarget(file.target); // 422 for a target no module registered
  if (file.bytes.length === 0) throw new AppError('unprocessable', 'The file is empty');
  let table: Table;
  let source: StoredMapping['source'];
  if (file.kind === 'csv') {
    const csv = await readCsv(file.bytes);
    table = checkTable(csv);
    source = { encoding: csv.encoding, delimiter: csv.delimiter };
  } else {
    table = checkTable(await readXlsx(file.bytes));
    source = { encoding: null, delimiter: null };
  }
  const now = ctx.clock.now();
  const row: ImportsTable = {
    id: newId(now.getTime()),
    org_id: ctx.orgId,
    kind: file.kind,
    filename: file.filename,
    status: 'uploaded',
    columns: JSON.stringify(table.columns),
    rows: JSON.stringify(table.rows),
    row_count: table.rows.length,
    mapping: JSON.stringify({ source, mapping: null, target: file.target } satisfies StoredMapping),
    errors: null,
    created_by: ctx.actor.id,
    created_at: now.toISOString(),
    committed_at: null,
  };
  await repo.insertImport(ctx.db, row);
  return row;
}

export async function listImports(ctx: Ctx, q: { cursor?: string; limit: number }) {
  assertCan(ctx.actor, 'data.read');
  const rows = await repo.listImports(ctx.db, ctx.orgId, {
    beforeId: decodeCursor(q.cursor),
    limit: q.limit,
  });
  return toPage(rows, q.limit);
}

export async function getImport(ctx: Ctx, id: string): Promise<ImportsTable> {
  assertCan(ctx.actor, 'data.read');
  return repo.getImport(ctx.db, ctx.orgId, id);
}

export const storedMappingOf = (row: Pick<ImportsTable, 'mapping'>): StoredMapping =>
  row.mapping
    ? (JSON.parse(row.mapping) as StoredMapping)
    : { source: { encoding: null, delimiter: null }, mapping: null };

export const targetNameOf = (row: Pick<ImportsTable, 'mapping'>): ImportTargetName =>
  storedMappingOf(row).target ?? 'feedback';

export function tableOf(row: ImportsTable): Table {
  return { columns: JSON.parse(row.columns) as string[], rows: JSON.parse(row.rows) as string[][] };
}

/**
 * Rows without a mapped source id get one made from the table's content and the row number, so
 * uploading and committing the same file again finds the records of the first time.
 */
function defaultSourceIds(table: Table): (row: number) => string {
  const digest = sha256(JSON.stringify([table.columns, table.rows])).slice(0, 16);
  return (row) => `import:${digest}:${row}`;
}

function convert(row: ImportsTable, mapping: Mapping) {
  const table = tableOf(row);
  const target = importTarget(targetNameOf(row));
  assertMappingFits(target, mapping, table.columns);
  const conversion = target.convert(table, mapping, {
    decimalSeparator: numberFormatOf(target, table, mapping)?.decimalSeparator ?? ',',
    defaultSourceId: defaultSourceIds(table),
  });
  const stored: StoredMapping = { ...storedMappingOf(row), mapping };
  return { target, conversion, mappingJson: JSON.stringify(stored) };
}

/** The target's commit in a transaction that is always undone: what only the database knows. */
async function rehearse(
  ctx: Ctx,
  target: ImportTarget,
  importId: string,
  inputs: ConvertedRow<unknown>[],
  mapping: Mapping,
) {
  try {
    await inTransaction(ctx, async (tx) => {
      const outcome = await target.commit(tx, inputs, {
        importId,
        mapping,
        acknowledge: false,
        openCases: false,
      });
      throw new RowsRefused(outcome.errors);
    });
  } catch (err) {
    if (err instanceof RowsRefused) return err.errors;
    if (isUniqueViolation(err))
      throw new AppError('conflict', 'Another write touched the same records; check again');
    throw err;
  }
  return [];
}

/** The row-level report of a mapping; nothing is written. The report is kept on the import. */
export async function validateImport(ctx: Ctx, id: string, mapping: Mapping): Promise<ReportOut> {
  assertCan(ctx.actor, 'data.write');
  const row = await repo.getImport(ctx.db, ctx.orgId, id);
  const { target, conversion, mappingJson } = convert(row, mapping);
  let report = conversion.report;
  if (target.rehearse && conversion.inputs.length > 0 && row.status !== 'committed')
    report = mergeRowErrors(report, await rehearse(ctx, target, id, conversion.inputs, mapping));
  if (row.status !== 'committed') {
    await repo.updateImport(ctx.db, ctx.orgId, id, {
      mapping: mappingJson,
      errors: JSON.stringify({ report, result: null } satisfies StoredOutcome),
    });
  }
  return report;
}

const alreadyCommitted = () => new AppError('conflict', 'This import is already committed');

/** Every row in one transaction, or none: one invalid row (or one failed write) writes nothing. */
export async function commitImport(
  ctx: Ctx,
  id: string,
  mapping: Mapping,
  opts: { acknowledge: boolean; openCases?: boolean },
): Promise<ImportsTable> {
  assertCan(ctx.actor, 'data.write');
  const row = await repo.getImport(ctx.db, ctx.orgId, id);
  if (row.status === 'committed') throw alreadyCommitted();
  const { target, conversion, mappingJson } = convert(row, mapping);
  const { report, inputs } = conversion;
  const refuse = async (final: ReportOut) => {
    await repo.updateImport(ctx.db, ctx.orgId, id, {
      mapping: mappingJson,
      errors: JSON.stringify({ report: final, result: null } satisfies StoredOutcome),
    });
    return rowsInvalid(final);
  };
  if (report.invalid > 0) throw await refuse(report);
  const now = ctx.clock.now().toISOString();
  try {
    return await inTransaction(ctx, async (tx) => {
      // Claim the import first: a concurrent second commit waits here and then finds it taken.
      if (
        !(await repo.markCommitted(tx.db, tx.orgId, id, {
          mapping: mappingJson,
          errors: JSON.stringify({ report, result: null } satisfies StoredOutcome),
          committed_at: now,
        }))
      )
        throw alreadyCommitted();
      const { errors, ...result } = await target.commit(tx, inputs, {
        importId: id,
        mapping,
        acknowledge: opts.acknowledge,
        openCases: opts.openCases ?? false,
      });
      if (errors.length > 0) throw new RowsRefused(errors);
      const outcome: StoredOutcome = { report, result };
      await repo.updateImport(tx.db, tx.orgId, id, { errors: JSON.stringify(outcome) });
      await recordAudit(
        tx,
        'import.committed',
        { type: 'import', id },
        { target: target.name, rows: inputs.length, created: result.created },
      );
      return {
        ...row,
        status: 'committed' as const,
        mapping: mappingJson,
        errors: JSON.stringify(outcome),
        committed_at: now,
      };
    });
  } catch (err) {
    // The transaction is undone; the rows the database refused go into the kept report.
    if (err instanceof RowsRefused) throw await refuse(mergeRowErrors(report, err.errors));
    // Someone wrote a record with one of these source ids meanwhile; a retry sees it as a duplicate.
    if (isUniqueViolation(err))
      throw new AppError('conflict', 'Another write touched the same records; commit again');
    throw err;
  }
}

export async function discardImport(ctx: Ctx, id: string): Promise<void> {
  assertCan(ctx.actor, 'data.write');
  const row = await repo.getImportSummary(ctx.db, ctx.orgId, id);
  if (row.status === 'committed')
    throw new AppError('conflict', 'A committed import stays as the record of what was imported');
  await repo.deleteUncommitted(ctx.db, ctx.orgId, id);
}
