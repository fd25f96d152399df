// Row reports across the pure conversion and the database's own checks, the 422 that lists their
// errors, and the number format a file's amounts are read with. Pure.
import {
  MAX_REPORTED_ERRORS,
  type Mapping,
  type NumberFormatOut,
  type ReportOut,
  type RowError,
} from '../../../shared/api/imports.ts';
import { AppError } from '../../http/errors.ts';
import { detectDecimalSeparator } from '../../lib/tabular/amounts.ts';
import type { Table } from '../../lib/tabular/table.ts';
import type { ImportTarget } from './targets.ts';

/** Thrown inside a commit's transaction to undo it when the target refused rows. */
export class RowsRefused extends Error {
  constructor(readonly errors: RowError[]) {
    super('rows refused');
  }
}

/** The report with the rows the database refused moved from valid to invalid, in row order. */
export function mergeRowErrors(report: ReportOut, refused: readonly RowError[]): ReportOut {
  if (refused.length === 0) return report;
  const rows = new Set(refused.map((e) => e.row)).size;
  const errors = [...report.errors, ...refused]
    .sort((a, b) => a.row - b.row)
    .slice(0, MAX_REPORTED_ERRORS);
  return {
    ...report,
    valid: report.valid - rows,
    invalid: report.invalid + rows,
    errors,
    errorCount: report.errorCount + refused.length,
  };
}

/** 422 naming every reported error as rows.<row>.<column>. */
export function rowsInvalid(report: ReportOut): AppError {
  return new AppError(
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

/**
 * How the file writes amounts, decided once from every value of the mapped amount columns (or
 * chosen in the mapping); null for a target without amounts.
 */
export function numberFormatOf(
  target: ImportTarget,
  table: Table,
  mapping: Mapping,
): NumberFormatOut | null {
  if (!target.amountFields?.length) return null;
  const chosen = mapping.fixed?.decimalSeparator;
  if (chosen) return { decimalSeparator: chosen, source: 'chosen' };
  const columns = target.amountFields
    .map((f) => (mapping[f] === undefined ? -1 : table.columns.indexOf(mapping[f]!)))
    .filter((i) => i >= 0);
  function* values() {
    for (const row of table.rows) for (const i of columns) if (row[i]) yield row[i]!;
  }
  const { separator, detected } = detectDecimalSeparator(values());
  return { decimalSeparator: separator, source: detected ? 'detected' : 'default' };
}
