// The layered scorecard in the browser (issue 16). Seeded through the API: two stages, twelve
// months of NPS answers (December 2025 … November 2026, ten a month, promoters and passives only)
// and a process KPI «Доставка вовремя», June … November sales. At «доставка» the promoters follow
// the KPI (a planted driver); at «склад» they do not. Window June … November 2026, so the values
// are November's:
//   NPS «доставка»: 7 promoters of 10 → 70 (target ≥ 50: green); October 3 of 10 → 30, so ▲ 40.
//   Revenue «доставка»: A 300 + B 200 = 500 ₽ (target ≥ 1000, 500 short > 100: red), n = 2.
//   KPI «Доставка вовремя»: 92 against 95 (3 short ≤ 9.5: amber).
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

const PHONE = { width: 390, height: 844 };
const SHOTS = process.env.UI_SHOTS ?? SCREENSHOTS;
const WINDOW = 'period=month&from=2026-06-01&to=2026-12-01';
const MONTHS = Array.from({ length: 12 }, (_, i) => {
  const m = 2025 * 12 + 11 + i; // 2025-12 … 2026-11
  return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
});
/** «доставка»: the KPI each month and the promoters of ten answers, rising with it. */
const ON_TIME = [82, 90, 85, 93, 88, 80, 95, 84, 91, 87, 83, 92];
const PROMOTERS = [2, 6, 4, 8, 5, 1, 9, 3, 7, 5, 3, 7];
/** «склад»: a KPI and promoters unrelated to each other (r ≈ −0.07). */
const WAREHOUSE_KPI = [90, 91, 89, 92, 90, 88, 91, 90, 89, 92, 90, 91];
const WAREHOUSE_PROMOTERS = [5, 5, 4, 6, 3, 5, 6, 4, 6, 3, 5, 4];

let harness: Harness;
let api: ApiCall;

const words = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();
const overflowOf = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

async function seed() {
  const stage = await api('POST', '/api/v1/stages', {
    key: 'доставка',
    nameRu: 'Доставка',
    nameEn: 'Delivery',
    targets: [
      { metric: 'nps', target: 50, direction: 'up' },
      { metric: 'revenue', target: 1000, direction: 'up' },
    ],
  });
  expect(stage.status).toBe(201);
  const warehouse = await api('POST', '/api/v1/stages', {
    key: 'склад',
    nameRu: 'Склад',
    nameEn: 'Warehouse',
  });
  expect(warehouse.status).toBe(201);
  const kpi = await api('PUT', '/api/v1/kpis/on_time_delivery', {
    name: 'Доставка вовремя',
    nameEn: 'On-time delivery',
    unit: '%',
    direction: 'up',
    target: 95,
  });
  expect(kpi.status).toBe(201);
  const values = MONTHS.flatMap((period, i) => [
    { stage: 'доставка', period, value: ON_TIME[i]! },
    { stage: 'склад', period, value: WAREHOUSE_KPI[i]! },
  ]);
  expect((await api('PUT', '/api/v1/kpis/on_time_delivery/values', { values })).status).toBe(200);
  const items = MONTHS.flatMap((month, i) =>
    (
      [
        ['доставка', PROMOTERS[i]!],
        ['склад', WAREHOUSE_PROMOTERS[i]!],
      ] as const
    ).flatMap(([stageKey, promoters]) =>
      Array.from({ length: 10 }, (_, k) => ({
        client: { name: `ООО Клиент ${k}` },
        stage: stageKey,
        score: { type: 'nps', value: k < promoters ? 9 + (k % 2) : 7 + (k % 2) },
        text: k === 0 ? `Отзыв за ${month}` : undefined,
        receivedAt: `${month}-${String(2 + k).padStart(2, '0')}T10:00:00Z`,
      })),
    ),
  );
  const fb = await api<{ results: Array<{ status: string }> }>('POST', '/api/v1/feedback/batch', {
    items,
  });
  expect(fb.status).toBeLessThan(300);
  // Sales of «доставка», June … November: A 300 and B 200 a month.
  const sales = MONTHS.slice(6).flatMap((month, i) =>
    [
      ['A', 300],
      ['B', 200],
    ].map(([name, amount]) => ({
      externalId: `SC-${i}-${name}`,
      client: { externalId: `crm-${name}`, name: `ООО «${name}»` },
      kind: 'sale',
      stage: 'доставка',
      date: `${month}-10`,
      amount,
    })),
  );
  const tx = await api<{ results: Array<{ status: string }> }>(
    'POST',
    '/api/v1/transactions/batch',
    { items: sales },
  );
  expect(tx.json.results.map((r) => r.status)).toEqual(Array(12).fill('created'));
}

beforeAll(async () => {
  harness = await startHarness();
  api = await apiClientFor(harness, 'admin'); // stages with targets are an admin's
  await seed();
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
    expect(words(await page.getByRole('heading', { level: 1 }).textContent())).toBe(
      'NPS — Доставка, ноябрь 2026 г.',
    );
    expect(await page.getByRole('link', { name: '← К слоёному пирогу' }).getAttribute('href')).toBe(
      `/scorecard?${WINDOW}`,
    );
    expect(errors.filter((e) => !e.includes('404'))).toEqual([]);
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
