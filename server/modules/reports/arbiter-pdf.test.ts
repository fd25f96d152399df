// The arbiter PDF read back with a PDF parser: A4, the Russian (or English) headings, the stages
// in rank order with their money at risk, drivers, quoted feedback, open cases and the
// suggestion in the report's language.
import { describe, expect, it } from 'vitest';
import { arbiter } from './arbiter.fixtures.ts';
import { renderArbiterPdf } from './arbiter-pdf.ts';
import { mediaBoxes, readPdf } from './pdf-text.fixtures.ts';

const opts = {
  lang: 'ru' as const,
  orgName: 'ООО «Ромашка»',
  generatedAt: new Date('2026-07-02T09:15:00Z'),
  currency: 'RUB',
  timeZone: 'Europe/Moscow',
};
/** Text with every run of whitespace as one space: wrapped lines read as one. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('renderArbiterPdf', () => {
  it('Russian: headings, stages by rank with their evidence and the Russian suggestion', async () => {
    const bytes = await renderArbiterPdf(arbiter, opts);
    const read = await readPdf(bytes);
    const text = flat(read.text);
    for (const heading of [
      'Отчёт арбитра: выручка под риском по этапам',
      'Ключевые факторы',
      'Показатели хуже всего относительно цели',
      'Типичные отзывы',
      'Инициативы',
      'Что сделать',
    ]) {
      expect(text).toContain(heading);
    }
    // The chart's rows, then the sections in rank order.
    expect(text).toContain('1. Доставка 1 284 530,75 RUB 2. Оформление заказа 312 004,10 RUB');
    const first = text.indexOf(
      'Выручка под риском: 1 284 530,75 RUB (по вероятности ухода из истории)',
    );
    const second = text.indexOf('Выручка под риском: 312 004,10 RUB');
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
    expect(text).toContain('Клиенты: 318 · выручка: 4 903 412,35 RUB · доля критиков: 28,7 %');
    expect(text).toContain('промоутеры 5 %, нейтралы 12 %, критики 31 %, без оценки 18 %');
    expect(text).toContain('Доставка вовремя 0,81 18 < 0,001 46 % значим');
    expect(text).toContain('Среднее ожидание — 5 — мало данных');
    expect(text).toContain('«Курьер опоздал на два часа и не позвонил, заказ пришёл помятым.»');
    expect(text).toContain('CL-10421 · 14.06.2026 · Оценка: 3 · Сроки доставки');
    // 17 open, 3 listed: the status and priority in words, the rest counted.
    expect(text).toContain('Открытые обращения: 17');
    expect(text).toContain('ООО «Северный ветер» · в работе · высокий · срок 22.06.2026');
    expect(text).toContain('…и ещё 14');
    expect(text).toContain('Главный фактор — доставка вовремя: разберите опоздания');
    expect(text).not.toContain('The top driver');
    expect(text).toContain('(доля критиков × выручка этапа)');
    expect(text).toContain(`стр. ${read.pages} из ${read.pages}`);
    expect(mediaBoxes(bytes)).toEqual(
      Array.from({ length: read.pages }, () => '0 0 595.28 841.89'),
    );
  });

  it('English: English headings, stage names and suggestion', async () => {
    const read = await readPdf(
      await renderArbiterPdf(arbiter, { ...opts, lang: 'en', orgName: 'Romashka LLC' }),
    );
    const text = flat(read.text);
    for (const words of [
      'Arbiter report: revenue at risk by stage',
      'Key drivers',
      'Typical feedback',
      'Suggested action',
      '1. Delivery',
      '2. Checkout',
      'Revenue at risk: 1,284,530.75 RUB (churn probability from history)',
      'On-time delivery 0.81 18 < 0.001 46% significant',
      'in progress · high · due 2026-06-22',
      'The top driver is on-time delivery',
      `page 1 of ${read.pages}`,
    ]) {
      expect(text).toContain(words);
    }
    expect(text).not.toContain('Главный фактор');
    expect(text).not.toContain('Ключевые факторы');
  });

  it('without churn history and without stages it says so', async () => {
    const read = await readPdf(
      await renderArbiterPdf({ ...arbiter, churnByGroup: null, stages: [] }, opts),
    );
    expect(read.pages).toBe(1);
    expect(flat(read.text)).toContain('Истории ухода мало: риск = доля критиков × выручка этапа');
    expect(read.text).toContain('Этапов нет');
  });
});
