// A first guess at the column mapping from header names, in Russian and English, so the person
// importing only corrects what the guess got wrong. Pure.
import type { ImportField, Mapping, TargetField } from '../../../shared/api/imports.ts';
import { foldForSearch } from '../../../shared/domain/search-fold.ts';

/** Feedback header names; other targets register their own (targets.ts). */
export const FEEDBACK_SYNONYMS: Record<TargetField, string[]> = {
  receivedAt: [
    'дата',
    'дата отзыва',
    'дата получения',
    'дата и время',
    'время',
    'получено',
    'date',
    'received',
    'received at',
    'receivedat',
    'created',
    'created at',
    'timestamp',
  ],
  channel: ['канал', 'channel'],
  clientExternalId: [
    'id клиента',
    'код клиента',
    'клиент id',
    'номер клиента',
    'client id',
    'clientid',
    'customer id',
    'external id',
    'externalid',
    'client external id',
  ],
  clientName: [
    'клиент',
    'компания',
    'организация',
    'название клиента',
    'наименование клиента',
    'client',
    'client name',
    'customer',
    'company',
  ],
  clientSegment: ['сегмент', 'сегмент клиента', 'segment'],
  contactEmail: [
    'email',
    'e-mail',
    'e mail',
    'почта',
    'эл почта',
    'электронная почта',
    'емейл',
    'имейл',
    'mail',
    'contact email',
  ],
  contactName: [
    'контакт',
    'контактное лицо',
    'имя',
    'фио',
    'имя контакта',
    'contact',
    'contact name',
    'name',
    'full name',
  ],
  contactPhone: ['телефон', 'тел', 'мобильный', 'phone', 'phone number', 'mobile'],
  contactLanguage: ['язык', 'language', 'lang'],
  stage: ['этап', 'стадия', 'этап пути', 'stage', 'journey stage'],
  scoreType: ['тип оценки', 'метрика', 'шкала', 'score type', 'metric'],
  scoreValue: [
    'оценка',
    'балл',
    'баллы',
    'score',
    'rating',
    'nps',
    'csat',
    'ces',
    'оценка nps',
    'оценка csat',
    'nps score',
  ],
  text: [
    'комментарий',
    'отзыв',
    'текст',
    'текст отзыва',
    'сообщение',
    'комментарий клиента',
    'comment',
    'comments',
    'text',
    'feedback',
    'message',
    'verbatim',
  ],
  sourceId: [
    'id',
    'ид',
    'номер',
    '№',
    'номер отзыва',
    'id отзыва',
    'source id',
    'sourceid',
    'feedback id',
  ],
};

const normalise = (name: string) =>
  foldForSearch(name)
    .replace(/[_.,:()\-/]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Each field → the first unused column named like one of its synonyms. */
export function suggestFromSynonyms(
  columns: readonly string[],
  synonyms: Partial<Record<ImportField, string[]>>,
): Mapping {
  const suggestion: Mapping = {};
  const taken = new Set<string>();
  const names = columns.map((c) => ({ column: c, key: normalise(c) }));
  // Exact names first, then a header that starts with a synonym ("Оценка (0-10)", "Комментарий клиента").
  for (const pass of ['exact', 'prefix'] as const) {
    for (const [field, words] of Object.entries(synonyms) as [ImportField, string[]][]) {
      if (suggestion[field]) continue;
      const hit = names.find(
        ({ column, key }) =>
          !taken.has(column) &&
          words.some((s) =>
            pass === 'exact' ? key === s : s.length >= 4 && key.startsWith(`${s} `),
          ),
      );
      if (hit) {
        suggestion[field] = hit.column;
        taken.add(hit.column);
      }
    }
  }
  return suggestion;
}

/** The feedback guess; a score column named after its metric also says every row's type. */
export function suggestMapping(columns: readonly string[]): Mapping {
  const suggestion = suggestFromSynonyms(columns, FEEDBACK_SYNONYMS);
  const scoreKey = suggestion.scoreValue ? normalise(suggestion.scoreValue) : '';
  const metric = (['nps', 'csat', 'ces'] as const).find((m) => scoreKey.split(' ').includes(m));
  if (metric && !suggestion.scoreType) suggestion.fixed = { scoreType: metric };
  return suggestion;
}
