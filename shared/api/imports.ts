// File imports (CSV, XLSX): upload → preview → column mapping → validate → commit. What a file
// holds is its target: feedback (the default), clients with contacts, transactions or employees.
import { z } from 'zod';
import { IMPORT_STATUSES, SCORE_TYPES } from '../domain/vocabulary.ts';
import { isTimeZone } from '../domain/time-zone.ts';
import { channel } from './feedback.ts';

/** The feedback fields a file column can be mapped to, in the order the UI shows them. */
export const TARGET_FIELDS = [
  'receivedAt',
  'channel',
  'clientExternalId',
  'clientName',
  'clientSegment',
  'contactEmail',
  'contactName',
  'contactPhone',
  'contactLanguage',
  'stage',
  'scoreType',
  'scoreValue',
  'text',
  'sourceId',
] as const;
export type TargetField = (typeof TARGET_FIELDS)[number];

export const IMPORT_TARGETS = ['feedback', 'clients', 'transactions', 'employees', 'kpis'] as const;
export type ImportTargetName = (typeof IMPORT_TARGETS)[number];

/** A CRM export: clients matched by external id, INN or a contact's e-mail, with their contacts. */
export const CLIENT_FIELDS = [
  'clientExternalId',
  'clientName',
  'inn',
  'segment',
  'contactEmail',
  'contactName',
  'contactPhone',
  'contactLanguage',
  'contactRole',
] as const;

/** Sales and refunds (an ERP export such as 1C's), upserted by document number. */
export const TRANSACTION_FIELDS = [
  'externalId',
  'kind',
  'date',
  'amount',
  'cost',
  'currency',
  'clientExternalId',
  'clientName',
  'clientInn',
  'product',
  'stage',
  'dueDate',
  'paidAt',
] as const;

/** An HR export: employees upserted by personnel number, else e-mail; managers by name, e-mail or number. */
export const EMPLOYEE_FIELDS = [
  'personnelNumber',
  'employeeName',
  'position',
  'stage',
  'manager',
  'hireDate',
  'employeeEmail',
  'employeePhone',
  'employeeStatus',
] as const;
/** Process KPI values (Показатель, Этап, Период, Значение, Цель), upserted per stage and month. */
export const KPI_FIELDS = ['kpi', 'stage', 'period', 'value', 'target'] as const;

export const FIELDS_OF_TARGET: Record<ImportTargetName, readonly string[]> = {
  feedback: TARGET_FIELDS,
  clients: CLIENT_FIELDS,
  transactions: TRANSACTION_FIELDS,
  employees: EMPLOYEE_FIELDS,
  kpis: KPI_FIELDS,
};
export type ImportField =
  | TargetField
  | (typeof CLIENT_FIELDS)[number]
  | (typeof TRANSACTION_FIELDS)[number]
  | (typeof EMPLOYEE_FIELDS)[number]
  | (typeof KPI_FIELDS)[number];

/** The decimal separator of a file's amounts: ',' (1 234,50) or '.' (1,234.50). */
export const DECIMAL_SEPARATORS = [',', '.'] as const;
export type DecimalSeparator = (typeof DECIMAL_SEPARATORS)[number];

export { SCORE_TYPES };
export const MAX_IMPORT_ROWS = 100_000;
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
export const PREVIEW_ROWS = 20;
export const MAX_REPORTED_ERRORS = 1000;

const columnName = z.string().trim().min(1).max(300);

const fixedValues = z
  .object({
    scoreType: z.enum(SCORE_TYPES).optional(),
    channel: channel.optional(),
    /** IANA zone for dates written without an offset (DD.MM.YYYY HH:MM); default UTC. */
    timeZone: z
      .string()
      .max(64)
      .refine((tz) => isTimeZone(tz), 'not an IANA time zone')
      .optional(),
    /** Overrides the separator detected from the file's amount columns. */
    decimalSeparator: z.enum(DECIMAL_SEPARATORS).optional(),
  })
  .strict();

/** Target field → column name; `fixed` gives one value for every row instead of a column. */
export const mapping = z
  .object({
    receivedAt: columnName.optional(),
    channel: columnName.optional(),
    clientExternalId: columnName.optional(),
    clientName: columnName.optional(),
    clientSegment: columnName.optional(),
    contactEmail: columnName.optional(),
    contactName: columnName.optional(),
    contactPhone: columnName.optional(),
    contactLanguage: columnName.optional(),
    stage: columnName.optional(),
    scoreType: columnName.optional(),
    scoreValue: columnName.optional(),
    text: columnName.optional(),
    sourceId: columnName.optional(),
    inn: columnName.optional(),
    segment: columnName.optional(),
    contactRole: columnName.optional(),
    externalId: columnName.optional(),
    kind: columnName.optional(),
    date: columnName.optional(),
    amount: columnName.optional(),
    cost: columnName.optional(),
    currency: columnName.optional(),
    clientInn: columnName.optional(),
    product: columnName.optional(),
    dueDate: columnName.optional(),
    paidAt: columnName.optional(),
    personnelNumber: columnName.optional(),
    employeeName: columnName.optional(),
    position: columnName.optional(),
    manager: columnName.optional(),
    hireDate: columnName.optional(),
    employeeEmail: columnName.optional(),
    employeePhone: columnName.optional(),
    employeeStatus: columnName.optional(),
    kpi: columnName.optional(),
    period: columnName.optional(),
    value: columnName.optional(),
    target: columnName.optional(),
    fixed: fixedValues.optional(),
  })
  .strict() satisfies z.ZodType<Partial<Record<ImportField, string>>>;
export type Mapping = z.infer<typeof mapping>;

export const uploadQuery = z.object({
  filename: z.string().trim().min(1).max(255).optional(),
  /** What the file holds; feedback unless said. */
  target: z.enum(IMPORT_TARGETS).default('feedback'),
});
export const validateBody = z.object({ mapping });
export const commitBody = z.object({
  mapping,
  /** Historical imports must not mail every client; acknowledgements only when asked for. */
  acknowledge: z.boolean().default(false),
  /** Cases for detractors and complaints in the file; off for history whose SLA is long past. */
  openCases: z.boolean().default(false),
});

export const rowError = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  value: z.string().nullable(),
  code: z.string(),
  message: z.string(),
  /** The target field the problem is about, when it is about one. */
  field: z.string().nullable().optional(),
});
export type RowError = z.infer<typeof rowError>;

export const reportOut = z.object({
  valid: z.number().int(),
  invalid: z.number().int(),
  /** Rows with no value at all; neither valid nor invalid, never written. */
  blank: z.number().int(),
  /** The first MAX_REPORTED_ERRORS errors; errorCount counts them all. */
  errors: z.array(rowError),
  errorCount: z.number().int(),
});
export type ReportOut = z.infer<typeof reportOut>;

export const commitResultOut = z.object({
  created: z.number().int(),
  /** Records that existed and were changed (clients, transactions). */
  updated: z.number().int(),
  /** Records that existed already, unchanged. */
  duplicates: z.number().int(),
});
export type CommitResultOut = z.infer<typeof commitResultOut>;

export const numberFormatOut = z.object({
  decimalSeparator: z.enum(DECIMAL_SEPARATORS),
  /** 'detected' from the amount columns, 'default' when they do not tell, 'chosen' in the mapping. */
  source: z.enum(['detected', 'default', 'chosen']),
});
export type NumberFormatOut = z.infer<typeof numberFormatOut>;

export const importStatus = z.enum(IMPORT_STATUSES);

export const importSummaryOut = z.object({
  id: z.string(),
  kind: z.enum(['csv', 'xlsx']),
  target: z.enum(IMPORT_TARGETS),
  filename: z.string(),
  status: importStatus,
  rowCount: z.number().int(),
  createdAt: z.string(),
  committedAt: z.string().nullable(),
});
export type ImportSummaryOut = z.infer<typeof importSummaryOut>;

export const importOut = importSummaryOut.extend({
  columns: z.array(z.string()),
  /** The target's fields, in the order the mapping step shows them. */
  fields: z.array(z.string()),
  /** How the amounts are written; null for targets without amounts. */
  numberFormat: numberFormatOut.nullable(),
  preview: z.array(z.array(z.string())),
  suggestedMapping: mapping,
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  mapping: mapping.nullable(),
  report: reportOut.nullable(),
  result: commitResultOut.nullable(),
});
export type ImportOut = z.infer<typeof importOut>;

export const commitOut = importOut;
