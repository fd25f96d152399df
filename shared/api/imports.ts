// File imports of feedback (CSV, XLSX): upload → preview → column mapping → validate → commit.
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
    fixed: fixedValues.optional(),
  })
  .strict() satisfies z.ZodType<Partial<Record<TargetField, string>>>;
export type Mapping = z.infer<typeof mapping>;

export const uploadQuery = z.object({ filename: z.string().trim().min(1).max(255).optional() });
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
  duplicates: z.number().int(),
});

export const importStatus = z.enum(IMPORT_STATUSES);

export const importSummaryOut = z.object({
  id: z.string(),
  kind: z.enum(['csv', 'xlsx']),
  filename: z.string(),
  status: importStatus,
  rowCount: z.number().int(),
  createdAt: z.string(),
  committedAt: z.string().nullable(),
});
export type ImportSummaryOut = z.infer<typeof importSummaryOut>;

export const importOut = importSummaryOut.extend({
  columns: z.array(z.string()),
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
