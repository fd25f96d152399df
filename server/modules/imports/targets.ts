// What an import can write is a target, registered here by the module that owns the records:
// feedback and clients by this module, transactions by economics (a higher layer, which this one
// must not import). The pipeline (upload, preview, mapping, report, commit) is the same for all.
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/errors.ts';
import type {
  CommitResultOut,
  DecimalSeparator,
  ImportField,
  ImportTargetName,
  Mapping,
  ReportOut,
  RowError,
} from '../../../shared/api/imports.ts';
import type { Table } from '../../lib/tabular/table.ts';

export interface ConvertedRow<I> {
  /** The row number in the file (the header is row 1). */
  row: number;
  input: I;
}

export interface Conversion<I> {
  report: ReportOut;
  /** Valid rows only; complete when report.invalid is 0. */
  inputs: ConvertedRow<I>[];
}

export interface ConvertOptions {
  /** The file's decimal separator, decided once for all rows (see numberFormatOf). */
  decimalSeparator: DecimalSeparator;
  /** Source ids for rows that map none, stable for the same file (feedback). */
  defaultSourceId: (row: number) => string;
}

export interface CommitOptions {
  importId: string;
  /** The mapping the rows were converted with, to name a refused row's column. */
  mapping: Mapping;
  acknowledge: boolean;
  openCases: boolean;
}

export interface TargetOutcome extends CommitResultOut {
  /** Rows the database refused (an unknown client, a refund beyond sales); any undoes the commit. */
  errors: RowError[];
}

export interface ImportTarget<I = unknown> {
  name: ImportTargetName;
  /** Mappable fields in the order the mapping step shows them. */
  fields: readonly ImportField[];
  /** Header names (folded: lower case, ё → е, punctuation → spaces) that suggest each field. */
  synonyms: Partial<Record<ImportField, string[]>>;
  /** Each group needs at least one mapped field (e.g. [['amount'], ['date']]). */
  required: readonly (readonly ImportField[])[];
  /** Fields holding money: their values decide the file's decimal separator. */
  amountFields?: readonly ImportField[];
  /** Rows → inputs with a row-level report; pure, so a report never writes. */
  convert(table: Table, mapping: Mapping, opts: ConvertOptions): Conversion<I>;
  /** Writes every input inside `tx` (the caller's one transaction); must not commit anything. */
  commit(tx: Ctx, rows: ConvertedRow<I>[], opts: CommitOptions): Promise<TargetOutcome>;
  /**
   * The report also runs `commit` and rolls it back, so it shows what only the database knows
   * (unknown clients, refunds beyond sales) before anything is written.
   */
  rehearse?: boolean;
}

const targets = new Map<ImportTargetName, ImportTarget>();

/** Called once at start-up by the module that owns the target's records. */
export function registerImportTarget<I>(target: ImportTarget<I>): void {
  targets.set(target.name, target as unknown as ImportTarget);
}

export function importTarget(name: ImportTargetName): ImportTarget {
  const target = targets.get(name);
  if (!target)
    throw new AppError('unprocessable', `Files of ${name} cannot be imported on this server`);
  return target;
}

export type Fail = (field: ImportField | null, code: string, message: string) => void;
export type Cell = (field: ImportField) => string | undefined;

/**
 * The row loop every target shares: blank rows counted, not converted; a row wider than the
 * header refused; every problem of a row reported in one pass (the first MAX errors kept).
 * `convertRow` returns the input, or undefined after calling `fail`.
 */
export function convertEachRow<I>(
  table: Table,
  mapping: Mapping,
  fields: readonly ImportField[],
  convertRow: (cell: Cell, fail: Fail, row: number) => I | undefined,
  maxErrors: number,
): Conversion<I> {
  const index = new Map(
    fields.map((f) => [f, mapping[f] === undefined ? -1 : table.columns.indexOf(mapping[f]!)]),
  );
  const errors: RowError[] = [];
  const inputs: ConvertedRow<I>[] = [];
  const report = { valid: 0, invalid: 0, blank: 0, errorCount: 0 };
  table.rows.forEach((cells, i) => {
    const row = i + 2;
    if (cells.every((c) => c.trim() === '')) {
      report.blank += 1;
      return;
    }
    const rowErrors: RowError[] = [];
    const cell: Cell = (f) => {
      const at = index.get(f) ?? -1;
      const v = at >= 0 ? cells[at]?.trim() : undefined;
      return v === '' ? undefined : v;
    };
    const fail: Fail = (field, code, message) =>
      rowErrors.push({
        row,
        column: field ? (mapping[field] ?? null) : null,
        value: field ? (cell(field)?.slice(0, 200) ?? null) : null,
        code,
        message,
        field,
      });
    if (cells.length > table.columns.length)
      fail(
        null,
        'too_many_cells',
        `The row has ${cells.length} cells, the header has ${table.columns.length} columns`,
      );
    const input = convertRow(cell, fail, row);
    if (rowErrors.length === 0 && input !== undefined) {
      inputs.push({ row, input });
      report.valid += 1;
      return;
    }
    report.invalid += 1;
    report.errorCount += rowErrors.length;
    for (const e of rowErrors) if (errors.length < maxErrors) errors.push(e);
  });
  return { report: { ...report, errors }, inputs };
}

/**
 * A mapping must name only the target's fields, columns the file has, and one field of each
 * required group; otherwise no row could be read as meant.
 */
export function assertMappingFits(
  target: ImportTarget,
  mapping: Mapping,
  columns: readonly string[],
): void {
  const mapped = (Object.keys(mapping) as (keyof Mapping)[]).filter(
    (k) => k !== 'fixed' && mapping[k] !== undefined,
  ) as ImportField[];
  const foreign = mapped.filter((f) => !target.fields.includes(f));
  const unknown = mapped.filter((f) => !columns.includes(mapping[f]!));
  const invalidParams = [
    ...foreign.map((f) => ({
      name: `body.mapping.${f}`,
      reason: `not a field of ${target.name}; use ${target.fields.join(', ')}`,
    })),
    ...unknown.map((f) => ({
      name: `body.mapping.${f}`,
      reason: `no column "${mapping[f]}" in the file`,
    })),
  ];
  if (invalidParams.length > 0)
    throw new AppError('validation_failed', 'The mapping does not fit this file', {
      invalidParams,
    });
  const missing = target.required.filter((group) => !group.some((f) => mapped.includes(f)));
  if (missing.length > 0)
    throw new AppError(
      'validation_failed',
      `Map at least ${missing.map((g) => g.join(' or ')).join(', and ')}`,
      {
        invalidParams: missing.map((g) => ({
          name: 'body.mapping',
          reason: `map ${g.join(' or ')}`,
        })),
      },
    );
}
