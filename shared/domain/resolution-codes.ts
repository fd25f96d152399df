// The resolution codes every organisation starts with (issue 21): why a case was closed, in words
// of both languages. Cases keep the key; an organisation renames, reorders, adds and retires its
// codes in settings (server/modules/cases/resolution-codes.ts), and nothing ever shows the key.
export interface DefaultResolutionCode {
  key: string;
  nameRu: string;
  nameEn: string;
}

export const DEFAULT_RESOLUTION_CODES: readonly DefaultResolutionCode[] = [
  { key: 'fixed', nameRu: 'Решено: исправили', nameEn: 'Resolved: fixed' },
  { key: 'compensation', nameRu: 'Компенсация', nameEn: 'Compensation' },
  { key: 'explained', nameRu: 'Объяснили / консультация', nameEn: 'Explained / advice given' },
  { key: 'not_confirmed', nameRu: 'Не подтвердилось', nameEn: 'Not confirmed' },
  { key: 'duplicate', nameRu: 'Дубликат', nameEn: 'Duplicate' },
  { key: 'no_answer', nameRu: 'Клиент не ответил', nameEn: 'Client did not answer' },
];

/** The drill-down's name for resolved cases without a code (a generated key never takes it). */
export const NO_RESOLUTION_CODE = 'none';

/** Tags on cases: short labels, stored lower-case so filters match whatever the case. */
export const CASE_TAG_MAX_LENGTH = 40;
export const CASE_TAGS_PER_CASE = 10;
