// The columns of a PBX call-log export: found by their header names (Russian or English,
// folded) unless the caller names them explicitly.
import {
  CALL_FIELDS,
  REQUIRED_CALL_FIELDS,
  type CallField,
} from '../../../shared/api/telephony.ts';
import { foldForSearch } from '../../../shared/domain/search-fold.ts';
import { AppError } from '../../http/errors.ts';

/** Header and keyword matching: folded case and ё, trimmed, runs of spaces as one. */
export const fold = (s: string) => foldForSearch(s.trim()).replace(/\s+/g, ' ');

const SYNONYMS: Record<CallField, string[]> = {
  startedAt: [
    'дата/время',
    'дата и время',
    'дата время',
    'дата',
    'время',
    'время звонка',
    'начало',
    'date/time',
    'datetime',
    'date',
    'time',
    'started at',
    'startedat',
    'start',
  ],
  direction: ['направление', 'тип звонка', 'тип', 'direction', 'type'],
  waitSeconds: [
    'ожидание, с',
    'ожидание',
    'время ожидания',
    'ожидание, сек',
    'wait, s',
    'wait',
    'wait seconds',
    'waitseconds',
    'wait time',
  ],
  answered: ['отвечен', 'отвечено', 'статус', 'результат', 'answered', 'status', 'result'],
  durationSeconds: [
    'длительность',
    'длительность, с',
    'длительность, сек',
    'продолжительность',
    'duration',
    'duration, s',
    'durationseconds',
    'talk time',
  ],
  employee: [
    'сотрудник',
    'оператор',
    'менеджер',
    'добавочный',
    'employee',
    'agent',
    'operator',
    'extension',
  ],
  phone: [
    'телефон',
    'номер',
    'номер клиента',
    'телефон клиента',
    'phone',
    'number',
    'client phone',
    'caller',
  ],
  stage: ['этап', 'stage'],
  externalId: ['id', 'id звонка', 'идентификатор', 'call id', 'external id', 'externalid'],
};

export type ColumnMapping = Partial<Record<CallField, string>>;

/** Explicit columns win; the rest are found by synonyms. A named column that is absent, or a required field without a column, is a 422. */
export function resolveColumns(columns: readonly string[], explicit: ColumnMapping): ColumnMapping {
  const byFolded = new Map(columns.map((c) => [fold(c), c]));
  const mapping: ColumnMapping = {};
  const problems: { name: string; reason: string }[] = [];
  for (const field of CALL_FIELDS) {
    const named = explicit[field];
    if (named !== undefined) {
      const found = byFolded.get(fold(named));
      if (found) mapping[field] = found;
      else
        problems.push({
          name: `query.${field}Column`,
          reason: `the file has no column "${named}"`,
        });
      continue;
    }
    const synonym = SYNONYMS[field].find((s) => byFolded.has(s));
    if (synonym) mapping[field] = byFolded.get(synonym)!;
  }
  for (const field of REQUIRED_CALL_FIELDS) {
    if (!mapping[field] && explicit[field] === undefined)
      problems.push({
        name: `query.${field}Column`,
        reason: `no column for ${field}; name it with ${field}Column`,
      });
  }
  if (problems.length > 0)
    throw new AppError('unprocessable', "The file's columns do not fit a call log", {
      invalidParams: problems,
    });
  return mapping;
}
