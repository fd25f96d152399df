// Every list of the UI as a file (issue 16): GET /api/v1/<list>/export takes the list's own
// filters (without cursor and limit) plus `format` and `lang`, and answers the whole filtered list.
// CSV is UTF-8 with a BOM; lang=ru writes ';' and a decimal comma (what Excel-ru opens with a
// double click), lang=en RFC 4180 ',' and a decimal point. XLSX cells are typed (numbers, dates).
import { listTrainingItemsQuery } from './competencies.ts';
import { z } from 'zod';
import { LANGUAGES } from '../domain/vocabulary.ts';
import { listCasesQuery } from './cases.ts';
import { listClientsQuery } from './clients.ts';
import { EXPORT_FORMATS } from './economics-export.ts';
import { listTransactionsQuery } from './economics.ts';
import { listEmployeesQuery } from './employees.ts';
import { listFeedbackQuery } from './feedback.ts';
import { drillQuery } from './scorecard-layers.ts';
import { listInitiativesQuery } from './backlog.ts';

/** Above this many rows an export answers 422 too_many_rows (EXPORT_MAX_ROWS may lower it). */
export const MAX_EXPORT_ROWS = 100_000;

export const LIST_EXPORTS = [
  'feedback',
  'cases',
  'clients',
  'employees',
  'transactions',
  'scorecard/records',
  'strategy/kpis',
  'training-items',
  'initiatives',
] as const;
export type ListExport = (typeof LIST_EXPORTS)[number];

const exportOptions = {
  /** CSV by default: the lighter file, and what a script asking with curl usually wants. */
  format: z.enum(EXPORT_FORMATS).default('csv'),
  /** Language of the column headers; also the CSV dialect (see above). */
  lang: z.enum(LANGUAGES).default('ru'),
};

const paging = { cursor: true, limit: true } as const;
export const feedbackExportQuery = listFeedbackQuery.omit(paging).extend(exportOptions);
export const casesExportQuery = listCasesQuery.omit(paging).extend(exportOptions);
export const clientsExportQuery = listClientsQuery.omit(paging).extend(exportOptions);
export const employeesExportQuery = listEmployeesQuery.omit(paging).extend(exportOptions);
export const transactionsListExportQuery = listTransactionsQuery.omit(paging).extend(exportOptions);
export const initiativesExportQuery = listInitiativesQuery.omit(paging).extend(exportOptions);
export const drillExportQuery = drillQuery.omit(paging).extend(exportOptions);
/** The strategy map's KPIs (issue 18): no filters, the whole map. */
export const strategyKpisExportQuery = z.object(exportOptions);
export const trainingItemsExportQuery = listTrainingItemsQuery.omit(paging).extend(exportOptions);
export type ExportOptions = { format: (typeof EXPORT_FORMATS)[number]; lang: 'ru' | 'en' };
