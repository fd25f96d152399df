// Topic tagging by keywords: each topic lists ru/en keywords; a keyword matches a word when the
// word (or its stem) starts with the keyword's stem, and multi-word keywords match as phrases.
import { stem } from './stem.ts';
import { words } from './tokens.ts';

export interface TopicDef {
  key: string;
  labelRu: string;
  labelEn: string;
  keywords: string[];
}

export const DEFAULT_TOPICS: TopicDef[] = [
  {
    key: 'delivery',
    labelRu: 'Доставка и сроки',
    labelEn: 'Delivery and timing',
    keywords: [
      'доставка',
      'доставить',
      'курьер',
      'опоздать',
      'задержка',
      'отгрузка',
      'поставка',
      'привезти',
      'срок',
      'посылка',
      'delivery',
      'deliver',
      'courier',
      'driver',
      'late',
      'delay',
      'shipment',
      'parcel',
      'arrive',
    ],
  },
  {
    key: 'billing_documents',
    labelRu: 'Счета и документы',
    labelEn: 'Billing and documents',
    keywords: [
      'счёт',
      'счет-фактура',
      'акт',
      'накладная',
      'документы',
      'закрывающие',
      'оплата',
      'реквизиты',
      'договор',
      'списать',
      'invoice',
      'billing',
      'bill',
      'payment',
      'contract',
      'receipt',
      'statement',
      'charged',
      'refund',
      'вернули деньги',
      'возврат',
    ],
  },
  {
    key: 'quality',
    labelRu: 'Качество',
    labelEn: 'Quality',
    keywords: [
      'качество',
      'брак',
      'бракованный',
      'сломался',
      'разбит',
      'испорчен',
      'соответствует описанию',
      'quality',
      'broken',
      'damaged',
      'defect',
      'faulty',
    ],
  },
  {
    key: 'communication',
    labelRu: 'Связь и скорость ответа',
    labelEn: 'Communication and responsiveness',
    keywords: [
      'ответ',
      'отвечать',
      'перезвонить',
      'звонить',
      'трубку',
      'поддержка',
      'связь',
      'reply',
      'respond',
      'response',
      'answer',
      'call back',
      'phone',
      'support',
      'communication',
      'ticket',
    ],
  },
  {
    key: 'price',
    labelRu: 'Цена',
    labelEn: 'Price',
    keywords: [
      'цена',
      'дорого',
      'дешево',
      'недорого',
      'стоимость',
      'скидка',
      'тариф',
      'переплатить',
      'price',
      'expensive',
      'cheap',
      'overpriced',
      'cost',
      'discount',
      'value for money',
    ],
  },
  {
    key: 'staff',
    labelRu: 'Сотрудники',
    labelEn: 'Staff',
    keywords: [
      'менеджер',
      'сотрудник',
      'персонал',
      'оператор',
      'вежливый',
      'хамство',
      'грубый',
      'нахамить',
      'мастер',
      'водитель',
      'врач',
      'staff',
      'manager',
      'rude',
      'polite',
      'friendly',
      'employee',
      'technician',
      'doctor',
      'receptionist',
    ],
  },
  {
    key: 'product',
    labelRu: 'Продукт и сервис',
    labelEn: 'Product and service',
    keywords: [
      'приложение',
      'интерфейс',
      'сайт',
      'функция',
      'баг',
      'сбой',
      'зависает',
      'кабинет',
      'продукт',
      'интеграция',
      'app',
      'interface',
      'website',
      'feature',
      'bug',
      'crash',
      'outage',
      'product',
      'integration',
      'export',
    ],
  },
  {
    key: 'onboarding',
    labelRu: 'Подключение и обучение',
    labelEn: 'Onboarding and training',
    keywords: [
      'внедрение',
      'обучение',
      'онбординг',
      'подключение',
      'настройка',
      'инструкция',
      'onboarding',
      'training',
      'setup',
      'manual',
      'implementation',
      'trial',
      'demo',
    ],
  },
];

interface CompiledKeyword {
  stems: string[];
}

// Taxonomies are small and change rarely; the cache keeps re-stemming off the hot path.
const compiled = new Map<string, CompiledKeyword>();

function compile(keyword: string): CompiledKeyword {
  let c = compiled.get(keyword);
  if (!c) {
    if (compiled.size > 20_000) compiled.clear();
    compiled.set(
      keyword,
      (c = {
        stems: words(keyword)
          .filter((w) => /\p{L}/u.test(w))
          .map((w) => stemmed(w)),
      }),
    );
  }
  return c;
}

/** Stems, but never shorter than 3 letters, so short keywords ("акт", "bill") stay specific. */
function stemmed(word: string): string {
  const s = stem(word);
  return s.length >= 3 ? s : word;
}

const wordMatches = (ks: string, w: string, s: string) =>
  ks.length <= 3 ? s === ks || w === ks : s.startsWith(ks) || w.startsWith(ks);

/** One taxonomy's keywords, ready to match: one-word keywords are answered per word (cached, the
 * sweep sees the same words again and again), phrases position by position. */
interface Matcher {
  single: { topic: number; stem: string }[];
  phrases: { topic: number; stems: string[] }[];
  byWord: Map<string, number[]>;
}

const matchers = new WeakMap<TopicDef[], Matcher>();

function matcherOf(topics: TopicDef[]): Matcher {
  let m = matchers.get(topics);
  if (!m) {
    m = { single: [], phrases: [], byWord: new Map() };
    for (const [topic, def] of topics.entries())
      for (const keyword of def.keywords) {
        const stems = compile(keyword).stems;
        if (stems.length === 1) m.single.push({ topic, stem: stems[0]! });
        else if (stems.length > 1) m.phrases.push({ topic, stems });
      }
    matchers.set(topics, m);
  }
  return m;
}

export function tagTopics(text: string, topics: TopicDef[]): string[] {
  const m = matcherOf(topics);
  const ws = words(text).filter((w) => /\p{L}/u.test(w));
  const stems = ws.map((w) => stemmed(w));
  const hit = new Set<number>();
  ws.forEach((w, i) => {
    let found = m.byWord.get(w);
    if (!found) {
      found = [];
      for (const k of m.single) if (wordMatches(k.stem, w, stems[i]!)) found.push(k.topic);
      if (m.byWord.size >= 20_000) m.byWord.clear();
      m.byWord.set(w, found);
    }
    for (const t of found) hit.add(t);
  });
  for (const p of m.phrases)
    if (
      !hit.has(p.topic) &&
      stems.some((_, i) =>
        p.stems.every((ks, j) => {
          const w = ws[i + j];
          const s = stems[i + j];
          return w !== undefined && s !== undefined && wordMatches(ks, w, s);
        }),
      )
    )
      hit.add(p.topic);
  return topics.filter((_, i) => hit.has(i)).map((t) => t.key);
}
