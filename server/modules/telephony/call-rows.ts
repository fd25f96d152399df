// A call-log table (CSV or XLSX, already checked) → call inputs and a row-by-row report. Pure.
// Columns are found by call-columns.ts.
import { MAX_REPORTED_ERRORS, type RowError } from '../../../shared/api/imports.ts';
import type { CallField } from '../../../shared/api/telephony.ts';
import { sha256 } from '../../lib/crypto.ts';
import { parseDate } from '../../lib/tabular/cell-values.ts';
import { isBlank, type Table } from '../../lib/tabular/table.ts';
import { fold, type ColumnMapping } from './call-columns.ts';
import { hasNoDigits, normalisePhone } from './phone.ts';

// PBX exports shorten the direction in many ways ("Вход.", "входящ", "исх", "IN", "Outgoing call"),
// so the first word is matched by its stem: any word starting "вх" is inbound, "исх" outbound.
// English stems are spelled out: a bare "in" prefix would also take "internal".
const IN_STEMS = [/^вх/, /^in$/, /^inc/, /^inb/];
const OUT_STEMS = [/^исх/, /^out$/, /^outg/, /^outb/];
const YES = [
  '1',
  'да',
  'yes',
  'true',
  'y',
  'отвечен',
  'отвечено',
  'принят',
  'answered',
  'успешный',
];
const NO = [
  '0',
  'нет',
  'no',
  'false',
  'n',
  'пропущен',
  'пропущенный',
  'не отвечен',
  'неотвечен',
  'не отвечено',
  'missed',
  'no answer',
  'noanswer',
  'busy',
  'занято',
];

export { resolveColumns, type ColumnMapping } from './call-columns.ts';

export interface CallRowInput {
  row: number;
  externalId: string;
  startedAt: string;
  direction: 'in' | 'out';
  waitSeconds: number;
  answered: boolean;
  durationSeconds: number;
  employee: string | null;
  phone: string | null;
  stage: string | null;
}

export interface CallRowsReport {
  valid: number;
  invalid: number;
  blank: number;
  errors: RowError[];
  errorCount: number;
}

/** "75", "75,4", "01:15" and "0:01:15" are seconds; negative or other text is not. */
export function parseSeconds(text: string): number | undefined {
  const s = text.trim();
  const clock = /^(?:(\d{1,3}):)?(\d{1,3}):(\d{2})$/.exec(s);
  if (clock) return +(clock[1] ?? 0) * 3600 + +clock[2]! * 60 + +clock[3]!;
  if (!/^\d{1,7}(?:[.,]\d+)?$/.test(s)) return undefined;
  return Math.round(Number(s.replace(',', '.')));
}

export function parseDirection(text: string): 'in' | 'out' | undefined {
  const word =
    fold(text)
      .split(/[\s.,;:()/\\-]+/)
      .find(Boolean) ?? '';
  if (IN_STEMS.some((stem) => stem.test(word))) return 'in';
  if (OUT_STEMS.some((stem) => stem.test(word))) return 'out';
  return undefined;
}

function parseAnswered(text: string): boolean | undefined {
  const s = fold(text);
  if (YES.includes(s)) return true;
  if (NO.includes(s)) return false;
  return undefined;
}

export function convertCallRows(
  table: Table,
  mapping: ColumnMapping,
  opts: { timeZone: string },
): { inputs: CallRowInput[]; report: CallRowsReport } {
  const index = Object.fromEntries(
    Object.entries(mapping).map(([field, column]) => [field, table.columns.indexOf(column)]),
  ) as Partial<Record<CallField, number>>;
  const inputs: CallRowInput[] = [];
  const errors: RowError[] = [];
  const seenKeys = new Map<string, number>();
  let blank = 0;
  let invalid = 0;
  table.rows.forEach((cells, i) => {
    const row = i + 2; // line in the file; the header is line 1
    if (isBlank(cells)) {
      blank += 1;
      return;
    }
    const rowErrors: RowError[] = [];
    const cell = (field: CallField) =>
      index[field] === undefined ? '' : (cells[index[field]!] ?? '').trim();
    const fail = (field: CallField, code: string, message: string) =>
      rowErrors.push({
        row,
        column: mapping[field] ?? null,
        value: cell(field) || null,
        code,
        message,
      });
    const required = <T>(
      field: CallField,
      parse: (s: string) => T | undefined,
      code: string,
      message: string,
    ): T | undefined => {
      const text = cell(field);
      if (text === '') return void fail(field, 'required', `${field} is empty`);
      const value = parse(text);
      if (value === undefined) fail(field, code, message);
      return value;
    };
    const optionalSeconds = (field: CallField) => {
      const text = cell(field);
      if (text === '') return 0;
      const value = parseSeconds(text);
      if (value === undefined)
        fail(field, 'invalid_seconds', 'not a number of seconds (e.g. 75 or 01:15)');
      return value ?? 0;
    };
    const startedAt = required(
      'startedAt',
      (s) => parseDate(s, opts.timeZone),
      'invalid_date',
      'not a date and time (e.g. 20.11.2026 10:15 or 2026-11-20T10:15:00Z)',
    );
    const direction = required(
      'direction',
      parseDirection,
      'invalid_direction',
      'not a direction (входящий/исходящий, in/out)',
    );
    const answered = required(
      'answered',
      parseAnswered,
      'invalid_answered',
      'not yes/no (да/нет, отвечен/пропущен)',
    );
    const waitSeconds = optionalSeconds('waitSeconds');
    const durationSeconds = optionalSeconds('durationSeconds');
    const phoneText = cell('phone');
    const phone =
      phoneText === '' || hasNoDigits(phoneText) ? null : (normalisePhone(phoneText) ?? null);
    if (phoneText !== '' && !hasNoDigits(phoneText) && phone === null)
      fail('phone', 'invalid_phone', 'not a phone number (e.g. +7 912 345-67-89)');
    const employee = cell('employee').slice(0, 200) || null;
    const stage = cell('stage').slice(0, 100) || null;
    if (rowErrors.length > 0 || !startedAt || !direction || answered === undefined) {
      invalid += 1;
      errors.push(...rowErrors);
      return;
    }
    // Without an id column, a call is known by what it is: the same call in an overlapping
    // export gets the same id, two identical lines in one file stay two calls.
    let externalId = cell('externalId').slice(0, 200);
    if (!externalId) {
      const key = `file:${sha256(JSON.stringify([startedAt, direction, phone, employee, durationSeconds, answered])).slice(0, 24)}`;
      const n = (seenKeys.get(key) ?? 0) + 1;
      seenKeys.set(key, n);
      externalId = n === 1 ? key : `${key}#${n}`;
    }
    inputs.push({
      row,
      externalId,
      startedAt,
      direction,
      waitSeconds,
      answered,
      durationSeconds,
      employee,
      phone,
      stage,
    });
  });
  return {
    inputs,
    report: {
      valid: inputs.length,
      invalid,
      blank,
      errors: errors.slice(0, MAX_REPORTED_ERRORS),
      errorCount: errors.length,
    },
  };
}
