// A first guess at the column mapping from header names, in Russian and English, so the person
// importing only corrects what the guess got wrong. Pure.
import type { Mapping, TargetField } from '../../../shared/api/imports.ts';
import { foldForSearch } from '../../../shared/domain/search-fold.ts';

const SYNONYMS: Record<TargetField, string[]> = {
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
    .replace(/[_.:()\-/]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

export function suggestMapping(columns: readonly string[]): Mapping {
  const suggestion: Mapping = {};
  const taken = new Set<string>();
  const names = columns.map((c) => ({ column: c, key: normalise(c) }));
  const assign = (field: TargetField, column: string) => {
    suggestion[field] = column;
    taken.add(column);
  };
  // Exact names first, then a header that starts with a synonym ("Оценка (0-10)", "Комментарий клиента").
  for (const pass of ['exact', 'prefix'] as const) {
    for (const field of Object.keys(SYNONYMS) as TargetField[]) {
      if (suggestion[field]) continue;
      const hit = names.find(
        ({ column, key }) =>
          !taken.has(column) &&
          SYNONYMS[field].some((s) =>
            pass === 'exact' ? key === s : s.length >= 4 && key.startsWith(`${s} `),
          ),
      );
      if (hit) assign(field, hit.column);
    }
  }
  // A score column named after its metric says the type of every row.
  const scoreKey = suggestion.scoreValue ? normalise(suggestion.scoreValue) : '';
  const metric = (['nps', 'csat', 'ces'] as const).find((m) => scoreKey.split(' ').includes(m));
  if (metric && !suggestion.scoreType) suggestion.fixed = { scoreType: metric };
  return suggestion;
}
