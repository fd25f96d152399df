// More demo clients, generated from word lists, so "What loyalty is worth" has enough clients per
// NPS group for its intervals. Each gets one contact and a disposition that shapes both what it
// says (feedback) and how it buys and pays (transactions).
import type { CLIENTS } from './data.ts';

type DemoClient = (typeof CLIENTS)[number];

const STEMS = [
  ['Ладога', 'ladoga'],
  ['Вектор', 'vector'],
  ['Стройресурс', 'stroyres'],
  ['Алтайский мёд', 'altaihoney'],
  ['Транзит-Сервис', 'transit'],
  ['Полимер', 'polymer'],
  ['Волжский хлеб', 'volgabread'],
  ['СибЛес', 'sibles'],
  ['Мебельград', 'mebelgrad'],
  ['Аптека Здоровье', 'zdorovie'],
  ['Кубань-Агро', 'kubanagro'],
  ['ТехноСвет', 'technosvet'],
  ['Молочный край', 'milkland'],
  ['Электрокомплект', 'elcomplect'],
  ['Дом игрушек', 'toyhouse'],
  ['Приморский порт', 'primport'],
  ['АвтоДеталь', 'avtodetal'],
  ['Белые ночи', 'whitenights'],
  ['Чистая вода', 'cleanwater'],
  ['Типография Слово', 'slovo'],
  ['Уралхим', 'uralchem'],
  ['Северсталь-Логистик', 'sevlog'],
  ['Зерно Поволжья', 'zerno'],
  ['Оптика Плюс', 'optikaplus'],
  ['Спортмастерская', 'sportmaster'],
  ['Камские трубы', 'kamtube'],
  ['Садовый центр', 'garden'],
  ['Байкал-Тур', 'baikaltour'],
  ['Цифровой склад', 'digistock'],
  ['Пекарня Колос', 'kolos'],
  ['Медлайн', 'medline'],
  ['Тепломаш', 'teplomash'],
  ['Ювелирный дом', 'jewel'],
  ['Эко-Ферма', 'ecofarm'],
] as const;
const PEOPLE = [
  'Анна Королёва',
  'Борис Зайцев',
  'Вера Михайлова',
  'Григорий Соловьёв',
  'Дарья Васильева',
  'Евгений Попов',
  'Жанна Гусева',
  'Кирилл Титов',
];
const SEGMENT_CYCLE = ['Розница', 'Развитие', 'Розница', 'Ключевые', 'Развитие', 'Розница'];

export const MORE_CLIENTS: DemoClient[] = STEMS.map(([name, slug], i) => ({
  name: `ООО «${name}»`,
  segment: SEGMENT_CYCLE[i % SEGMENT_CYCLE.length]!,
  contacts: [
    {
      name: PEOPLE[i % PEOPLE.length]!,
      email: `office@${slug}.example.ru`,
      roles: ['decision_maker', 'payer'],
    },
  ],
}));

/** +1 leans promoter, 0 passive, −1 detractor: the client's mood in feedback and in money. */
export type Disposition = -1 | 0 | 1;

export function dispositions(count: number, rand: () => number): Disposition[] {
  return Array.from({ length: count }, () => {
    const r = rand();
    return r < 0.35 ? 1 : r < 0.7 ? 0 : -1;
  });
}
