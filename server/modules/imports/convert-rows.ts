// File rows → feedback inputs (shared/api/feedback.ts feedbackIn), with a row-level report of
// everything that is wrong, so nothing is written until every row is right. Pure.
import { LANGUAGE_NAMES } from './clients-words.ts';
import { feedbackIn, type FeedbackIn } from '../../../shared/api/feedback.ts';
import {
  MAX_REPORTED_ERRORS,
  SCORE_TYPES,
  TARGET_FIELDS,
  type Mapping,
  type ReportOut,
  type RowError,
  type TargetField,
} from '../../../shared/api/imports.ts';
import { parseDate, parseScore } from '../../lib/tabular/cell-values.ts';
import type { Table } from '../../lib/tabular/table.ts';

const CHANNEL_NAMES: Record<string, FeedbackIn['channel']> = {
  api: 'api',
  survey: 'survey',
  email: 'email',
  web: 'web',
  manual: 'manual',
  phone: 'phone',
  import: 'import',
  telegram: 'telegram',
  опрос: 'survey',
  почта: 'email',
  'e-mail': 'email',
  сайт: 'web',
  вручную: 'manual',
  телефон: 'phone',
  звонок: 'phone',
  импорт: 'import',
  телеграм: 'telegram',
};

/** feedbackIn paths → the target field whose column they came from. */
const FIELD_OF_PATH: Record<string, TargetField> = {
  receivedAt: 'receivedAt',
  channel: 'channel',
  'client.externalId': 'clientExternalId',
  'client.name': 'clientName',
  'client.segment': 'clientSegment',
  'contact.email': 'contactEmail',
  'contact.name': 'contactName',
  'contact.phone': 'contactPhone',
  'contact.language': 'contactLanguage',
  stage: 'stage',
  'score.type': 'scoreType',
  'score.value': 'scoreValue',
  text: 'text',
  sourceId: 'sourceId',
};

export interface ConvertedRow {
  /** The row number in the file (the header is row 1). */
  row: number;
  input: FeedbackIn;
}

export interface Conversion {
  report: ReportOut;
  /** Valid rows only; complete when report.invalid is 0. */
  inputs: ConvertedRow[];
}

export function convertRows(
  table: Table,
  mapping: Mapping,
  defaultSourceId: (row: number) => string,
): Conversion {
  const index = Object.fromEntries(
    TARGET_FIELDS.map((f) => [
      f,
      mapping[f] === undefined ? -1 : table.columns.indexOf(mapping[f]!),
    ]),
  ) as Record<TargetField, number>;
  const errors: RowError[] = [];
  let errorCount = 0;
  const inputs: ConvertedRow[] = [];
  const report = { valid: 0, invalid: 0, blank: 0 };
  const firstRowOfSource = new Map<string, number>();

  table.rows.forEach((cells, i) => {
    const row = i + 2;
    if (cells.every((c) => c.trim() === '')) {
      report.blank += 1;
      return;
    }
    const rowErrors: RowError[] = [];
    const cell = (f: TargetField): string | undefined => {
      const v = index[f] >= 0 ? cells[index[f]]?.trim() : undefined;
      return v === '' ? undefined : v;
    };
    const fail = (field: TargetField | null, code: string, message: string) =>
      rowErrors.push({
        row,
        column: field ? (mapping[field] ?? null) : null,
        value: field ? (cell(field)?.slice(0, 200) ?? null) : null,
        code,
        message,
      });

    if (cells.length > table.columns.length)
      fail(
        null,
        'too_many_cells',
        `The row has ${cells.length} cells, the header has ${table.columns.length} columns`,
      );
    const candidate = buildCandidate(cell, mapping, fail);
    const sourceId = candidate.sourceId ?? defaultSourceId(row);
    candidate.sourceId = sourceId;
    const earlier = firstRowOfSource.get(sourceId);
    if (earlier !== undefined)
      fail('sourceId', 'duplicate_source_id', `The same source id as row ${earlier}`);
    else firstRowOfSource.set(sourceId, row);

    // Validated even after an unreadable cell, so one pass reports every problem of the row.
    const cellUnreadable = rowErrors.some(
      (e) => e.code !== 'too_many_cells' && e.code !== 'duplicate_source_id',
    );
    const parsed = feedbackIn.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) issueToError(issue, fail, cellUnreadable);
    }
    if (rowErrors.length === 0 && parsed.success) {
      inputs.push({ row, input: parsed.data });
      report.valid += 1;
      return;
    }
    report.invalid += 1;
    errorCount += rowErrors.length;
    for (const e of rowErrors) if (errors.length < MAX_REPORTED_ERRORS) errors.push(e);
  });
  return { report: { ...report, errors, errorCount }, inputs };
}

type Fail = (field: TargetField | null, code: string, message: string) => void;

/** The feedbackIn object of one row; values that cannot be read are reported and left out. */
function buildCandidate(
  cell: (f: TargetField) => string | undefined,
  mapping: Mapping,
  fail: Fail,
): Record<string, unknown> & { sourceId?: string } {
  const out: Record<string, unknown> & { sourceId?: string } = {};
  const channelCell = cell('channel');
  if (channelCell !== undefined) {
    const ch = CHANNEL_NAMES[channelCell.toLocaleLowerCase('ru')];
    if (ch) out.channel = ch;
    else
      fail(
        'channel',
        'unknown_channel',
        `Unknown channel "${channelCell}"; use one of ${Object.keys(CHANNEL_NAMES).slice(0, 8).join(', ')}`,
      );
  } else out.channel = mapping.fixed?.channel ?? 'import';

  const date = cell('receivedAt');
  if (date !== undefined) {
    const iso = parseDate(date, mapping.fixed?.timeZone ?? 'UTC');
    if (iso) out.receivedAt = iso;
    else
      fail(
        'receivedAt',
        'invalid_date',
        `"${date}" is not a date; use YYYY-MM-DD, DD.MM.YYYY or DD.MM.YYYY HH:MM`,
      );
  }

  const externalId = cell('clientExternalId');
  const clientName = cell('clientName');
  if (externalId !== undefined || clientName !== undefined) {
    // A client known only by its code is still matched on it; the code stands in for a missing name.
    out.client = { externalId, name: clientName ?? externalId, segment: cell('clientSegment') };
  }
  const contact = {
    email: cell('contactEmail'),
    name: cell('contactName'),
    phone: cell('contactPhone'),
    language: undefined as 'ru' | 'en' | undefined,
  };
  const lang = cell('contactLanguage');
  if (lang !== undefined) {
    contact.language = LANGUAGE_NAMES[lang.toLocaleLowerCase('ru')];
    if (!contact.language)
      fail('contactLanguage', 'unknown_language', `Unknown language "${lang}"; use ru or en`);
  }
  if (Object.values(contact).some((v) => v !== undefined)) out.contact = contact;

  out.stage = cell('stage');
  out.text = cell('text');
  out.sourceId = cell('sourceId');

  const value = cell('scoreValue');
  if (value !== undefined) {
    const typeCell = cell('scoreType')?.toLowerCase();
    const type = typeCell ?? mapping.fixed?.scoreType;
    const score = parseScore(value);
    if (typeCell !== undefined && !(SCORE_TYPES as readonly string[]).includes(typeCell))
      fail(
        'scoreType',
        'unknown_score_type',
        `Unknown score type "${typeCell}"; use nps, csat, ces or custom`,
      );
    else if (!type)
      fail(
        'scoreType',
        'score_type_missing',
        'The score has no type: map a score type column or choose one type for all rows',
      );
    else if (score === undefined)
      fail('scoreValue', 'not_an_integer', `"${value}" is not a whole number`);
    else out.score = { type, value: score };
  }
  return out;
}

function issueToError(
  issue: { path: PropertyKey[]; message: string },
  fail: Fail,
  cellUnreadable: boolean,
): void {
  const path = issue.path.map(String).join('.');
  if (path === 'score') {
    // "Neither score nor text" after a score that could not be read says nothing new.
    if (!cellUnreadable)
      fail(null, 'score_or_text_required', 'The row has neither a score nor a text');
    return;
  }
  const field = FIELD_OF_PATH[path] ?? null;
  fail(field, 'invalid_value', issue.message);
}
