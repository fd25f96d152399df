// Economics tables as files (issue 14): the profit formula of two windows, the NPS groups and one
// client's transactions, as CSV (BOM; ru: ';' and a decimal comma for Excel-ru, en: RFC 4180) or
// XLSX. Column headers are in `lang`. The profit formula and the NPS groups take the filters of
// their JSON reports (segment, managerId, stage) and refuse what those refuse: a managerId of no
// person of the organisation is the same 404 not_found, never a file of other figures.
import { z } from 'zod';
import { LANGUAGES } from '../domain/vocabulary.ts';
import { economicsFilters, SUMMARY_PERIODS } from './economics-figures.ts';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
// A calendar date: the profit formula computes a year back from `aTo`/`bTo`, and 2026-64-87 was
// a 500 (RangeError: Invalid time value; found by tests/fuzz.test.ts).
const queryDate = z
  .string()
  .regex(/^\d{4}-\d\d-\d\d$/, 'YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'not a calendar date');
const exportOptions = {
  format: z.enum(EXPORT_FORMATS).default('xlsx'),
  /** Language of the headers and words; also the CSV dialect. */
  lang: z.enum(LANGUAGES).default('ru'),
};

export const profitFormulaExportQuery = z.object({
  aFrom: queryDate,
  aTo: queryDate,
  bFrom: queryDate,
  bTo: queryDate,
  period: z.enum(SUMMARY_PERIODS).default('month'),
  ...economicsFilters,
  ...exportOptions,
});
export type ProfitFormulaExportQuery = z.infer<typeof profitFormulaExportQuery>;

export const bySatisfactionExportQuery = z.object({
  from: queryDate,
  to: queryDate,
  period: z.enum(SUMMARY_PERIODS).default('month'),
  ...economicsFilters,
  ...exportOptions,
});
export type BySatisfactionExportQuery = z.infer<typeof bySatisfactionExportQuery>;

export const transactionsExportQuery = z.object({ ...exportOptions });
export type TransactionsExportQuery = z.infer<typeof transactionsExportQuery>;

/** The most transactions one export holds (newest first); beyond it, use the API's pages. */
export const MAX_EXPORT_TRANSACTIONS = 50_000;
