// The scorecard PDF read back with a PDF parser: A4 pages, the Russian (or English) layer
// headings, stage and KPI names and formatted values found as text — which needs the Cyrillic
// font embedded with its Unicode map — the footer's page count, and page breaks on large input.
import { describe, expect, it } from 'vitest';
import { largeScorecard, scorecard } from './reports.fixtures.ts';
import { mediaBoxes, readPdf } from './pdf-text.fixtures.ts';
import { renderScorecardPdf } from './scorecard-pdf.ts';

const A4 = '0 0 595.28 841.89';
const opts = {
  lang: 'ru' as const,
  orgName: 'ООО «Ромашка»',
  generatedAt: new Date('2026-07-02T09:15:00Z'),
  currency: 'RUB',
};

describe('renderScorecardPdf', () => {
  it('Russian: headings, stages, the KPI and values by unit, on A4 with embedded fonts', async () => {
    const bytes = await renderScorecardPdf(scorecard, opts);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { text, pages } = await readPdf(bytes);
    for (const heading of [
      'Карта показателей этапов',
      'Удовлетворённость',
      'Транзакционный опыт',
      'Операционный опыт',
      'Опыт сотрудников',
    ]) {
      expect(text).toContain(heading);
    }
    for (const name of ['Доставка', 'Оформление заказа', 'Возвраты', 'ООО «Ромашка»']) {
      expect(text).toContain(name);
    }
    // The KPI by its own name with its % unit; built-ins by the dictionary, each by its unit.
    expect(text).toContain('Доставка вовремя 86,7 % 92,4 % 95 % 1');
    expect(text).toContain('Выручка 4 903 412,35 RUB 5 287 659,90 RUB 5 000 000,00 RUB 318');
    expect(text).toContain('Оплачено вовремя 84,2 % 87 % 90 % 290');
    expect(text).toContain('Время решения (медиана) 20 ч 10 мин 15 ч 06 мин 16 ч 00 мин 49');
    expect(text).toContain('Среднее ожидание 71,2 с 62 с 60 с 1 430');
    expect(text).toContain('Удержание клиентов — 76 % — —');
    // The window's last day is the day before `to`; the time is in the scorecard's zone.
    expect(text).toContain('Окно: 01.01.2026 — 30.06.2026, по месяцам');
    expect(text).toContain('Сформирован 02.07.2026 12:15 (Europe/Moscow)');
    expect(text).toContain(`стр. 1 из ${pages}`);
    expect(text).toContain(`стр. ${pages} из ${pages}`);
    expect(mediaBoxes(bytes)).toEqual(Array.from({ length: pages }, () => A4));
    expect(bytes.toString('latin1')).toMatch(/\/FontFile2/);
    expect(bytes.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
  });

  it('English: English headings, stage and KPI names, no Russian heading', async () => {
    const bytes = await renderScorecardPdf(scorecard, {
      ...opts,
      lang: 'en',
      orgName: 'Romashka LLC',
    });
    const { text, pages } = await readPdf(bytes);
    for (const heading of [
      'Stage scorecard',
      'Satisfaction',
      'Transactional experience',
      'Operational experience',
      'Employee experience',
      'Delivery',
      'Checkout',
    ]) {
      expect(text).toContain(heading);
    }
    expect(text).toContain('On-time delivery 86.7% 92.4% 95% 1');
    expect(text).toContain('Revenue 4,903,412.35 RUB');
    expect(text).toContain('Window: 2026-01-01 — 2026-06-30, by month');
    expect(text).toContain(`page 1 of ${pages}`);
    expect(text).not.toContain('Удовлетворённость');
    expect(text).not.toContain('Оформление заказа');
  });

  it('30 stages × 30 metrics: one stage a page at least, footers counting them all', async () => {
    const bytes = await renderScorecardPdf(largeScorecard(30, 30), opts);
    const { text, pages } = await readPdf(bytes);
    // A stage of 30 metrics is over half a page, so no two share one: at least 30 pages.
    expect(pages).toBeGreaterThanOrEqual(30);
    expect(text).toContain(`стр. ${pages} из ${pages}`);
    expect(text).toContain('Этап № 30 — проверка переноса страниц');
    expect(mediaBoxes(bytes)).toHaveLength(pages);
  });

  it('a stage longer than a page goes on under its name marked continued', async () => {
    const big = largeScorecard(1, 240);
    const { text, pages } = await readPdf(await renderScorecardPdf(big, opts));
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain('Этап № 1 — проверка переноса страниц (продолжение)');
    expect(text).toContain('Показатель 240 ');
  });

  it('an empty scorecard still renders its title and says there are no stages', async () => {
    const { text, pages } = await readPdf(
      await renderScorecardPdf({ ...scorecard, stages: [] }, opts),
    );
    expect(pages).toBe(1);
    expect(text).toContain('Этапов нет');
  });
});
