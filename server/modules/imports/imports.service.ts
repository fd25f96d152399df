// Use-cases of file imports: store an uploaded file's table, report row by row what a mapping
// would make of it, and commit every row or none through the feedback module.
import { inTransaction, type Ctx } from '../../context.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import type { ImportsTable } from '../../db/types.ts';
import { AppError } from '../../http/errors.ts';
import { sha256 } from '../../lib/crypto.ts';
import { newId } from '../../lib/ids.ts';
import { decodeCursor, toPage } from '../../lib/paging.ts';
import { assertCan } from '../../lib/permissions.ts';
import type { Mapping, ReportOut } from '../../../shared/api/imports.ts';
import { recordFeedbackMany } from '../feedback/index.ts';
import { recordAudit } from '../orgs/index.ts';
import { assertMappingFits, convertRows } from './convert-rows.ts';
import * as repo from './imports.repo.ts';

export type { ImportSummary } from './imports.repo.ts';
import { readCsv, readXlsx } from '../../lib/tabular/read-table.ts';
import { checkTable, type Table } from '../../lib/tabular/table.ts';

export type ImportKind = 'csv' | 'xlsx';

/**
 * The table has no columns for what detection found or what a commit did, so the `mapping`
 * column holds { source, mapping } and the `errors` column { report, result } (see presentImport).
 */
export interface StoredMapping {
  source: { encoding: string | null; delimiter: string | null };
  mapping: Mapping | null;
}
export interface StoredOutcome {
  report: ReportOut | null;
  result: { created: number; duplicates: number } | null;
}

export async function uploadImport(
  ctx: Ctx,
  file: { bytes: Buffer; filename: string; kind: ImportKind },
): Promise<ImportsTable> {
  assertCan(ctx.actor, 'data.write');
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
    mapping: JSON.stringify({ source, mapping: null } satisfies StoredMapping),
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

const storedMappingOf = (row: Pick<ImportsTable, 'mapping'>): StoredMapping =>
  row.mapping
    ? (JSON.parse(row.mapping) as StoredMapping)
    : { source: { encoding: null, delimiter: null }, mapping: null };

function tableOf(row: ImportsTable): Table {
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
  assertMappingFits(mapping, table.columns);
  const conversion = convertRows(table, mapping, defaultSourceIds(table));
  const stored: StoredMapping = { ...storedMappingOf(row), mapping };
  return { conversion, mappingJson: JSON.stringify(stored) };
}

/** The row-level report of a mapping; feedback is not touched. The report is kept on the import. */
export async function validateImport(ctx: Ctx, id: string, mapping: Mapping): Promise<ReportOut> {
  assertCan(ctx.actor, 'data.write');
  const row = await repo.getImport(ctx.db, ctx.orgId, id);
  const { conversion, mappingJson } = convert(row, mapping);
  if (row.status !== 'committed') {
    await repo.updateImport(ctx.db, ctx.orgId, id, {
      mapping: mappingJson,
      errors: JSON.stringify({ report: conversion.report, result: null } satisfies StoredOutcome),
    });
  }
  return conversion.report;
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
  const { conversion, mappingJson } = convert(row, mapping);
  const { report, inputs } = conversion;
  if (report.invalid > 0) {
    await repo.updateImport(ctx.db, ctx.orgId, id, {
      mapping: mappingJson,
      errors: JSON.stringify({ report, result: null } satisfies StoredOutcome),
    });
    throw new AppError(
      'unprocessable',
      `${report.invalid} of ${report.valid + report.invalid} rows are not valid; nothing was imported`,
      {
        invalidParams: report.errors.map((e) => ({
          name: `rows.${e.row}${e.column ? `.${e.column}` : ''}`,
          reason: `${e.code}: ${e.message}`,
        })),
      },
    );
  }
  const now = ctx.clock.now().toISOString();
  try {
    return await inTransaction(ctx, async (tx) => {
      // Claim the import first: a concurrent second commit waits here and then finds it taken.
      const outcome: StoredOutcome = { report, result: { created: 0, duplicates: 0 } };
      if (
        !(await repo.markCommitted(tx.db, tx.orgId, id, {
          mapping: mappingJson,
          errors: JSON.stringify(outcome),
          committed_at: now,
        }))
      )
        throw alreadyCommitted();
      // One set-based write for all rows (duplicate checks per 1000, multi-row inserts).
      const outcomes = await recordFeedbackMany(
        tx,
        inputs.map(({ row: line, input }) => ({
          input,
          opts: {
            skipAcknowledgement: !opts.acknowledge,
            skipCaseRules: !opts.openCases,
            raw: { importId: id, row: line },
          },
        })),
      );
      outcomes.forEach((result, i) => {
        if (!result.ok)
          throw new AppError(
            'unprocessable',
            `Row ${inputs[i]!.row}: ${result.error.message}; nothing was imported`,
            result.error.details,
          );
        if (result.result.created) outcome.result!.created += 1;
        else outcome.result!.duplicates += 1;
      });
      await repo.updateImport(tx.db, tx.orgId, id, { errors: JSON.stringify(outcome) });
      await recordAudit(
        tx,
        'import.committed',
        { type: 'import', id },
        { rows: inputs.length, created: outcome.result!.created },
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
