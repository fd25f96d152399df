// The layered scorecard in the browser (issue 16), on the data of scorecard-seed.ts. Window
// June … November 2026, so the values are November's:
//   NPS «доставка»: 7 promoters of 10 → 70 (target ≥ 50: green); October 3 of 10 → 30, so ▲ 40.
//   Revenue «доставка»: A 300 + B 200 = 500 ₽ (target ≥ 1000, 500 short > 100: red), n = 2.
//   KPI «Доставка вовремя»: 92 against 95 (3 short ≤ 9.5: amber).
// Key drivers over the 24 months before December 2026: at «доставка» the KPI first and
// significant; at «склад» no significant driver.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiClientFor,
  openSignedIn,
  SCREENSHOTS,
  startHarness,
  WAIT,
  type ApiCall,
  type Harness,
} from './harness.ts';
import { seedScorecard } from './scorecard-seed.ts';

const PHONE = { width: 390, height: 844 };
const SHOTS = process.env.UI_SHOTS ?? SCREENSHOTS;
const WINDOW = 'period=month&from=2026-06-01&to=2026-12-01';
let harness: Harness;
let api: ApiCall;

const words = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();
const overflowOf = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

beforeAll(async () => {
  harness = await startHarness();
  api = await apiClientFor(harness, 'admin'); // stages with targets are an admin's
  await seedScorecard(api);
}, 90_000);

afterAll(async () => harness?.stop());

describe('the layered scorecard', () => {
  it('shows each stage with its layers, values, status and change; a value opens its rows', async () => {
    const { page, errors } = await openSignedIn(harness, undefined, `/scorecard?${WINDOW}`);
    const stage = page.getByTestId('scorecard-stage-доставка');
    await stage.waitFor(WAIT);
    expect(words(await stage.getByRole('heading').first().textContent())).toBe('Доставка');
    await page.getByTestId('scorecard-stage-склад').waitFor(WAIT);

    const nps = stage.getByTestId('layer-satisfaction').getByTestId('layer-metric-nps');
    expect(await nps.getAttribute('data-status')).toBe('green');
    expect(words(await nps.getByTestId('metric-value').textContent())).toBe('70');
    expect(words(await nps.getByTestId('metric-change').textContent())).toBe('▲ 40');
    expect(words(await nps.textContent())).toContain('цель ≥ 50 · n = 10');

    const revenue = stage.getByTestId('layer-transactional').getByTestId('layer-metric-revenue');
    expect(await revenue.getAttribute('data-status')).toBe('red');
    expect(words(await revenue.getByTestId('metric-value').textContent())).toBe('500 ₽');
    expect(words(await revenue.textContent())).toContain('n = 2');

    const kpi = stage.getByTestId('layer-metric-kpi:on_time_delivery');
    expect(await kpi.getAttribute('data-status')).toBe('amber');
    expect(words(await kpi.textContent())).toContain('Доставка вовремя');
    expect(words(await kpi.getByTestId('metric-value').textContent())).toBe('92 %');
    // The report buttons carry the page's window.
    const pdf = await page.getByTestId('export-pdf').getAttribute('href');
    expect(pdf).toContain('/api/v1/reports/scorecard.pdf?');
    expect(pdf).toContain('from=2026-06-01');
    await page.screenshot({ path: `${SHOTS}/scorecard-1280.png`, fullPage: true });

    await nps.getByTestId('metric-value').click();
    await page.waitForURL(/\/scorecard\/records\?/);
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toEqual({
      stage: 'доставка',
      metric: 'nps',
      period: '2026-11',
    });
    // The stage's name arrives with the stage list, after the page's first paint.
    await expect
      .poll(async () => words(await page.getByRole('heading', { level: 1 }).textContent()))
      .toBe('NPS — Доставка, ноябрь 2026');
    expect(await page.getByRole('link', { name: '← К слоёному пирогу' }).getAttribute('href')).toBe(
      `/scorecard?${WINDOW}`,
    );
    // The ten November answers behind the 70: seven promoters, three passives.
    await page.getByTestId('drill-total').waitFor(WAIT);
    expect(words(await page.getByTestId('drill-total').textContent())).toBe(
      'Всего 10 записей — из них посчитано значение',
    );
    const rows = page.getByTestId('drill-row');
    expect(await rows.count()).toBe(10);
    const labels = (await rows.locator('td:nth-child(5)').allTextContents()).map(words);
    expect(labels.filter((l) => l === 'промоутер')).toHaveLength(7);
    expect(labels.filter((l) => l === 'нейтрал')).toHaveLength(3);
    await page.screenshot({ path: `${SHOTS}/drill-1280.png`, fullPage: true });

    // Back on the grid, revenue's rows are the two November sales.
    await page.goBack();
    await revenue.getByTestId('metric-value').click();
    await page.getByTestId('drill-total').waitFor(WAIT);
    expect(words(await page.getByTestId('drill-total').textContent())).toBe(
      'Всего 2 записи — из них посчитано значение',
    );
    const amounts = (
      await page.getByTestId('drill-row').locator('td:nth-child(4)').allTextContents()
    )
      .map(words)
      .sort();
    expect(amounts).toEqual(['200 ₽', '300 ₽']);
    expect(errors).toEqual([]);
  }, 60_000);

  it('stacks the layers on a phone without sideways scrolling', async () => {
    // The default window (no query), which the server once refused when it held the current month.
    const { page, errors } = await openSignedIn(harness, PHONE, '/scorecard');
    const stage = page.getByTestId('scorecard-stage-доставка');
    await stage.getByTestId('layer-metric-nps').waitFor(WAIT);
    const first = await stage.getByTestId('layer-satisfaction').boundingBox();
    const second = await stage.getByTestId('layer-transactional').boundingBox();
    expect(second!.x).toBe(first!.x);
    expect(second!.y).toBeGreaterThan(first!.y + first!.height - 1);
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SHOTS}/scorecard-390.png`, fullPage: true });
    expect(errors).toEqual([]);
  }, 60_000);
});

describe('a stage and its key drivers', () => {
  it('ranks the planted driver first and shows the scatter; greys metrics with too few months', async () => {
    const { page, errors } = await openSignedIn(
      harness,
      undefined,
      `/scorecard/stages/${encodeURIComponent('доставка')}?${WINDOW}`,
    );
    const drivers = page.getByTestId('key-drivers');
    const top = drivers.getByTestId('driver-kpi:on_time_delivery');
    await top.waitFor(WAIT);
    expect(await top.getAttribute('data-status')).toBe('ranked');
    const topText = words(await top.innerText());
    expect(topText).toMatch(/^1 Доставка вовремя Операции/);
    expect(topText).toContain('n = 12');
    expect(topText).toContain('значим');
    expect(topText).not.toContain('незначим');
    // No pulse answers: eNPS has no months and is never ranked.
    const enps = drivers.getByTestId('driver-enps');
    expect(await enps.getAttribute('data-status')).toBe('not_enough_data');
    expect(words(await enps.textContent())).toBe('eNPS команды');
    expect(words(await drivers.textContent())).toContain('Мало данных — не ранжируются');
    expect(await drivers.getByTestId('no-significant-driver').count()).toBe(0);
    await page.locator('[data-testid=driver-scatter] svg').waitFor(WAIT);
    await page.screenshot({ path: `${SHOTS}/stage-1280.png`, fullPage: true });
    expect(errors).toEqual([]);
  }, 60_000);

  it('says so when no driver is significant, and fits a phone', async () => {
    const { page, errors } = await openSignedIn(
      harness,
      PHONE,
      `/scorecard/stages/${encodeURIComponent('склад')}?${WINDOW}`,
    );
    const notice = page.getByTestId('no-significant-driver');
    await notice.waitFor(WAIT);
    expect(words(await notice.textContent())).toContain('Значимых драйверов нет');
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SHOTS}/stage-390.png`, fullPage: true });
    expect(errors).toEqual([]);
  }, 60_000);
});
