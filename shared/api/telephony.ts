// Telephony: call records (file import, webhook), missed calls awaiting a call-back, and the
// operational metrics per stage, employee or day.
import { z } from 'zod';
import { CALL_DIRECTIONS } from '../domain/vocabulary.ts';
import { isTimeZone } from '../domain/time-zone.ts';
import { rowError } from './imports.ts';
import { isoInstant } from './metrics.ts';

export { CALL_DIRECTIONS };
export const callDirection = z.enum(CALL_DIRECTIONS);
export const DEFAULT_CALLBACK_TARGET_MINUTES = 30;

/** The call fields a file column can hold; the import finds them by header name or by ?<field>Column=. */
export const CALL_FIELDS = [
  'startedAt',
  'direction',
  'waitSeconds',
  'answered',
  'durationSeconds',
  'employee',
  'phone',
  'stage',
  'externalId',
] as const;
export type CallField = (typeof CALL_FIELDS)[number];
export const REQUIRED_CALL_FIELDS: readonly CallField[] = ['startedAt', 'direction', 'answered'];

const shortText = (max: number) => z.string().trim().min(1).max(max);
const seconds = z
  .number()
  .int()
  .min(0)
  .max(7 * 24 * 3600);

/** One call from a PBX webhook; the same externalId again returns the stored record. */
export const callIn = z
  .object({
    externalId: shortText(200),
    startedAt: z.iso.datetime({ offset: true }),
    direction: callDirection,
    waitSeconds: seconds.default(0),
    answered: z.boolean(),
    durationSeconds: seconds.default(0),
    /**
     * A name or an extension; an e-mail of a user links the call to that user, and a name,
     * e-mail, phone or personnel number of an employee to that employee (employeeId).
     */
    employee: shortText(200).optional(),
    /** Any common form (8 912 …, +7 (912) …); stored normalised. */
    phone: z.string().trim().max(50).optional(),
    stage: shortText(100).optional(),
  })
  .strict();
export type CallIn = z.infer<typeof callIn>;

export const callOut = z.object({
  id: z.string(),
  externalId: z.string(),
  startedAt: z.string(),
  direction: callDirection,
  waitSeconds: z.number().int(),
  answered: z.boolean(),
  durationSeconds: z.number().int(),
  employee: z.string().nullable(),
  userId: z.string().nullable(),
  /** The employee `employee` names (by name, e-mail, phone or personnel number), if any. */
  employeeId: z.string().nullable(),
  clientPhone: z.string().nullable(),
  contactId: z.string().nullable(),
  clientId: z.string().nullable(),
  stage: z.string().nullable(),
  /** The later outbound or answered call to the same number, for a missed inbound call. */
  calledBackCallId: z.string().nullable(),
  callbackAt: z.string().nullable(),
  createdAt: z.string(),
});
export type CallOut = z.infer<typeof callOut>;

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');
const columnName = z.string().trim().min(1).max(300);

export const importCallsQuery = z.object({
  filename: z.string().trim().min(1).max(255).optional(),
  /** true: only the row-by-row report, nothing is stored. */
  dryRun: flag.default(false),
  /** IANA zone of times written without an offset; default UTC. */
  timeZone: z
    .string()
    .max(64)
    .refine((tz) => isTimeZone(tz), 'not an IANA time zone')
    .optional(),
  startedAtColumn: columnName.optional(),
  directionColumn: columnName.optional(),
  waitSecondsColumn: columnName.optional(),
  answeredColumn: columnName.optional(),
  durationSecondsColumn: columnName.optional(),
  employeeColumn: columnName.optional(),
  phoneColumn: columnName.optional(),
  stageColumn: columnName.optional(),
  externalIdColumn: columnName.optional(),
});
export type ImportCallsQuery = z.infer<typeof importCallsQuery>;

export const importCallsOut = z.object({
  dryRun: z.boolean(),
  /** Field → the file column it was read from. */
  columns: z.record(z.string(), z.string()),
  valid: z.number().int(),
  invalid: z.number().int(),
  blank: z.number().int(),
  errors: z.array(rowError),
  errorCount: z.number().int(),
  /** Stored by this request (0 on a dry run) and already stored before (same external id). */
  created: z.number().int(),
  duplicates: z.number().int(),
});
export type ImportCallsOut = z.infer<typeof importCallsOut>;

export const listCallsQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  from: isoInstant.optional(),
  to: isoInstant.optional(),
  missedOnly: flag.optional(),
  employee: z.string().trim().min(1).max(200).optional(),
});
export type ListCallsQuery = z.infer<typeof listCallsQuery>;

export const callSettingsIn = z
  .object({
    callbackTargetMinutes: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60),
  })
  .strict();
export const callSettingsOut = z.object({ callbackTargetMinutes: z.number().int() });
export type CallSettingsOut = z.infer<typeof callSettingsOut>;

export const missedCallsOut = z.object({
  targetMinutes: z.number().int(),
  items: z.array(callOut),
});
export type MissedCallsOut = z.infer<typeof missedCallsOut>;

export const OPERATIONS_GROUP_BY = ['stage', 'employee', 'day'] as const;
export const operationsGroupBy = z.enum(OPERATIONS_GROUP_BY);
export type OperationsGroupBy = z.infer<typeof operationsGroupBy>;

export const operationsQuery = z.object({
  /** Inclusive; default 30 days before `to`. */
  from: isoInstant.optional(),
  /** Exclusive; default now. */
  to: isoInstant.optional(),
  groupBy: operationsGroupBy.default('stage'),
});
export type OperationsQuery = z.infer<typeof operationsQuery>;

export const operationsGroupOut = z.object({
  /** The stage, the employee or the UTC day (YYYY-MM-DD); "none" when the call has none. */
  key: z.string(),
  calls: z.number().int(),
  /** Answered calls of all calls (both directions); null without calls. */
  answeredShare: z.number().nullable(),
  /** Missed inbound calls of inbound calls; null without inbound calls. */
  missedShare: z.number().nullable(),
  /** Queue time of inbound calls. */
  avgWaitSeconds: z.number().nullable(),
  p90WaitSeconds: z.number().nullable(),
  /** From a missed inbound call to its call-back, over the missed calls called back. */
  avgCallbackMinutes: z.number().nullable(),
  /** Missed calls called back within the target, of those whose target has passed or that were called back. */
  callbackWithinTargetShare: z.number().nullable(),
});
export type OperationsGroupOut = z.infer<typeof operationsGroupOut>;

export const operationsOut = z.object({
  from: z.string(),
  to: z.string(),
  targetMinutes: z.number().int(),
  groups: z.array(operationsGroupOut),
});
export type OperationsOut = z.infer<typeof operationsOut>;
