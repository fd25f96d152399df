// What the demo's clients write, by language and by the band of the score they gave (issue 21: a
// detractor's record never reads "Great support team"). Every text is read the same way by the
// product's own text analysis (server/lib/text): positive texts positive, negative ones negative,
// neutral ones neutral; tests/demo.test.ts checks this on the loaded database (tests/support/demo-coherence.ts).
import { scorePolarity } from '../../server/lib/text/sentiment.ts';

export type Band = 'positive' | 'neutral' | 'negative';

export const TEXTS: Record<'ru' | 'en', Record<Band, readonly string[]>> = {
  ru: {
    positive: [
      'Доставили раньше срока, всё в целости. Спасибо!',
      'Менеджер всегда на связи, вопросы решаются за минуты.',
      'Документы пришли вместе с грузом, бухгалтерия довольна.',
      'Очень удобный личный кабинет, отслеживание работает отлично.',
      'Водитель помог с разгрузкой, очень вежливый.',
      'Работаем третий год, ни одного сбоя. Рекомендуем коллегам.',
      'Грузчики аккуратные, всё доставили в целости, спасибо.',
      'Документы пришли вовремя, спасибо бухгалтерии.',
    ],
    neutral: [
      'Подскажите, можно ли изменить адрес доставки после оформления?',
      'В целом нормально, но хотелось бы уведомления по SMS.',
      'Прошу выслать акт сверки за квартал.',
      'Доставка в срок, упаковка обычная.',
    ],
    negative: [
      'Курьер опоздал на два дня, никто не предупредил.',
      'Груз пришёл с повреждённой упаковкой, часть товара испорчена.',
      'Счёт выставлен с ошибкой уже второй раз, пишу жалобу.',
      'До поддержки невозможно дозвониться, жду ответа с утра.',
      'Закрывающие документы не пришли, бухгалтерия не может провести оплату.',
      'Водитель нахамил на складе, это недопустимо.',
      'Водитель опять опоздал, склад простоял полдня.',
    ],
  },
  en: {
    positive: [
      'Delivery was on time, thank you.',
      'Great support team, very responsive.',
      'The documents arrived together with the goods, everything in order.',
      'Thank you, the new tracking page is very convenient.',
    ],
    neutral: [
      'Could you send the reconciliation statement for the quarter?',
      'Is it possible to change the delivery address after ordering?',
      'Please confirm the delivery slot for next week.',
    ],
    negative: [
      'The invoice was wrong again, please fix it.',
      'The courier was two days late and nobody warned us.',
      'The goods arrived damaged, this is unacceptable.',
    ],
  },
};

/**
 * Deliberate "score and text disagree" records (issue 22 flags them on the record page and in
 * the text trends): a loyal client who complains in passing, a detractor who thanks a person.
 * Loaded with source ids `demo-disagree-N`, so a reader (and the coherence test) can tell them
 * from the rest; they are the only records whose text and score band differ.
 */
export const DISAGREEMENTS: ReadonlyArray<{ nps: number; text: string }> = [
  { nps: 9, text: 'В целом довольны, но последний счёт снова пришёл с ошибкой.' },
  { nps: 10, text: 'Оценка 10, но курьер опять опоздал и не предупредил.' },
  { nps: 3, text: 'Спасибо менеджеру, всё сделал быстро и вежливо.' },
  { nps: 2, text: 'Спасибо, всё отлично, рекомендую.' },
];

/** The band of a score, as the product reads it (NPS 9–10 / CSAT 4–5 / CES 1–3 positive). */
export function bandOf(metric: 'nps' | 'csat' | 'ces', value: number): Band {
  const polarity = scorePolarity({ type: metric, value });
  return polarity > 0 ? 'positive' : polarity < 0 ? 'negative' : 'neutral';
}
