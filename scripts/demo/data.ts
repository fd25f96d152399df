// Demo content: a Russian logistics company's clients and what they say. Texts are written for
// the demo; the numbers are drawn from a seeded generator so every run looks the same.
export const DEMO_ORG = 'ООО «Северный ветер» (демо)';
export const DEMO_ADMIN = {
  email: 'demo@clientloop.local',
  password: 'demo-password-2026',
  name: 'Марина Соколова',
};

export const SEGMENTS = ['Ключевые', 'Развитие', 'Розница'];
export const STAGES = ['заказ', 'доставка', 'документы', 'оплата', 'поддержка'];

export const CLIENTS: Array<{
  name: string;
  segment: string;
  contacts: Array<{ name: string; email: string; roles: string[]; language?: 'ru' | 'en' }>;
}> = [
  {
    name: 'АО «Уральская сталь»',
    segment: 'Ключевые',
    contacts: [
      { name: 'Игорь Петров', email: 'petrov@uralsteel.example.ru', roles: ['decision_maker'] },
      {
        name: 'Ольга Кузнецова',
        email: 'kuznetsova@uralsteel.example.ru',
        roles: ['user', 'influencer'],
      },
    ],
  },
  {
    name: 'ООО «Фармацевт Плюс»',
    segment: 'Ключевые',
    contacts: [
      {
        name: 'Дмитрий Орлов',
        email: 'orlov@pharmplus.example.ru',
        roles: ['decision_maker', 'payer'],
      },
    ],
  },
  {
    name: 'ООО «Северная рыба»',
    segment: 'Развитие',
    contacts: [
      { name: 'Светлана Волкова', email: 'volkova@sevfish.example.ru', roles: ['user'] },
      { name: 'Антон Белов', email: 'belov@sevfish.example.ru', roles: ['payer'] },
    ],
  },
  {
    name: 'ЗАО «Техноимпорт»',
    segment: 'Ключевые',
    contacts: [
      {
        name: 'Алексей Смирнов',
        email: 'smirnov@technoimport.example.ru',
        roles: ['decision_maker'],
      },
    ],
  },
  {
    name: 'ООО «Зелёный дом»',
    segment: 'Розница',
    contacts: [
      {
        name: 'Наталья Иванова',
        email: 'ivanova@greenhouse.example.ru',
        roles: ['user', 'decision_maker'],
      },
    ],
  },
  {
    name: 'ИП Козлов А. В.',
    segment: 'Розница',
    contacts: [
      {
        name: 'Андрей Козлов',
        email: 'kozlov@mail.example.ru',
        roles: ['decision_maker', 'payer', 'user'],
      },
    ],
  },
  {
    name: 'ООО «Балтийский терминал»',
    segment: 'Развитие',
    contacts: [
      { name: 'Елена Морозова', email: 'morozova@baltterm.example.ru', roles: ['influencer'] },
    ],
  },
  {
    name: 'Nordic Parts AB',
    segment: 'Развитие',
    contacts: [
      {
        name: 'Erik Lindqvist',
        email: 'erik@nordicparts.example.com',
        roles: ['decision_maker'],
        language: 'en',
      },
    ],
  },
  {
    name: 'ООО «Агрохолдинг Юг»',
    segment: 'Ключевые',
    contacts: [
      { name: 'Виктор Лебедев', email: 'lebedev@agroyug.example.ru', roles: ['decision_maker'] },
      { name: 'Ирина Новикова', email: 'novikova@agroyug.example.ru', roles: ['user'] },
    ],
  },
  {
    name: 'ООО «Книжный мир»',
    segment: 'Розница',
    contacts: [
      { name: 'Татьяна Фёдорова', email: 'fedorova@bookworld.example.ru', roles: ['user'] },
    ],
  },
  {
    name: 'ООО «МедТехника»',
    segment: 'Развитие',
    contacts: [
      {
        name: 'Павел Егоров',
        email: 'egorov@medtech.example.ru',
        roles: ['decision_maker', 'influencer'],
      },
    ],
  },
  {
    name: 'ПАО «Энергосеть»',
    segment: 'Ключевые',
    contacts: [
      { name: 'Сергей Николаев', email: 'nikolaev@energoset.example.ru', roles: ['payer'] },
      { name: 'Мария Павлова', email: 'pavlova@energoset.example.ru', roles: ['user'] },
    ],
  },
  {
    name: 'ООО «Кофейня на углу»',
    segment: 'Розница',
    contacts: [
      { name: 'Юлия Семёнова', email: 'semenova@coffee.example.ru', roles: ['decision_maker'] },
    ],
  },
  {
    name: 'Baltic Trade GmbH',
    segment: 'Развитие',
    contacts: [
      {
        name: 'Anna Schmidt',
        email: 'schmidt@baltictrade.example.com',
        roles: ['user'],
        language: 'en',
      },
    ],
  },
];

export const RESOLUTIONS = [
  'Связались с вами, извинились; стоимость доставки возвращена на счёт.',
  'Счёт исправлен и отправлен повторно, добавили проверку перед отправкой.',
  'Провели беседу с водителем, закрепили за вами другой экипаж.',
  'Документы отправлены курьером, копии — на почту.',
];
/** The resolution code of each demo resolution above (issue 21), same order. */
export const RESOLUTION_CODES = ['compensation', 'fixed', 'fixed', 'explained'];
