// The strategy map in the browser (issue 18): a map of three goals in three perspectives with two
// cause → effect arrows and a KPI bound to the NPS of a stage; the drawn map shows the goals, the
// arrows and the KPI's value — the same figure as GET /api/v1/metrics/satisfaction for its window
// — on a desktop (1280 px) and a phone (390 px, the map stacked, nothing wider than the screen);
// the table view lists the KPI; an admin adds a goal through the form.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
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
const DESKTOP = { width: 1280, height: 800 };

let harness: Harness;
let api: ApiCall;
let npsKpi: { id: string; current: { value: number; window: { from: string; to: string } } };

const overflowOf = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

beforeAll(async () => {
  harness = await startHarness();
  api = await apiClientFor(harness, 'admin');
  expect(
    (await api('POST', '/api/v1/stages', { key: 'delivery', nameRu: 'Доставка' })).status,
  ).toBe(201);
  const client = await api<{ id: string }>('POST', '/api/v1/clients', { name: 'ООО «Альфа»' });
  for (const value of [10, 9, 6])
    await api('POST', '/api/v1/feedback', {
      clientId: client.json.id,
      stage: 'delivery',
      score: { type: 'nps', value },
    });
  const goal = async (perspective: string, title: string) =>
    (await api<{ id: string }>('POST', '/api/v1/strategy/goals', { perspective, title })).json.id;
  const learn = await goal('learning_growth', 'Обучить курьеров');
  const process = await goal('processes', 'Доставка вовремя');
  const clients = await goal('clients', 'Лояльные клиенты');
  for (const [c, e] of [
    [learn, process],
    [process, clients],
  ])
    expect((await api('PUT', `/api/v1/strategy/goals/${c}/effects/${e}`, {})).status).toBe(201);
  const kpi = await api<typeof npsKpi>('POST', `/api/v1/strategy/goals/${clients}/kpis`, {
    name: 'NPS доставки',
    target: 30,
    direction: 'up',
    binding: { metric: 'satisfaction.nps', params: { stage: 'delivery', window: 'current_month' } },
  });
  expect(kpi.status).toBe(201);
  npsKpi = kpi.json;
}, 90_000);
afterEach(() => harness.closePages());
afterAll(async () => harness?.stop());

describe('the strategy map', () => {
  it.each([
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ])('draws goals, arrows and a bound KPI’s live value on a %s', async (name, viewport) => {
    const w = npsKpi.current.window;
    const own = await api<{ groups: { value: number }[] }>(
      'GET',
      `/api/v1/metrics/satisfaction?metric=nps&stage=delivery&from=${w.from}&to=${w.to}`,
    );
    // 10, 9, 6 → (2 − 1) / 3 × 100 = 33.3.
    expect(own.json.groups[0]!.value).toBe(33.3);
    expect(npsKpi.current.value).toBe(33.3);

    const { page, errors } = await openSignedIn(harness, viewport, '/strategy');
    await page.getByTestId('strategy-map').waitFor(WAIT);
    expect(await page.getByTestId('strategy-band').count()).toBe(4);
    expect(await page.getByTestId('strategy-goal').count()).toBeGreaterThanOrEqual(3);
    expect(await page.getByTestId('strategy-arrow').count()).toBe(2);
    const kpi = page.locator('[data-testid=strategy-kpi][data-kpi="NPS доставки"]');
    expect(await kpi.getAttribute('data-value')).toBe(String(own.json.groups[0]!.value));
    expect(await kpi.getAttribute('data-status')).toBe('green');
    expect(await kpi.textContent()).toContain('33,3');
    // Financial on top, learning & growth at the bottom.
    const bandY = async (p: string) =>
      (await page.locator(`[data-testid=strategy-band][data-perspective=${p}]`).boundingBox())!.y;
    expect(await bandY('financial')).toBeLessThan(await bandY('learning_growth'));
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SCREENSHOTS}/strategy-map-${name}.png`, fullPage: true });

    await page.getByTestId('strategy-view').getByText('Таблица').click();
    const table = page.getByTestId('strategy-table');
    await table.waitFor(WAIT);
    expect(await table.textContent()).toContain('NPS доставки');
    await page.screenshot({ path: `${SCREENSHOTS}/strategy-table-${name}.png`, fullPage: true });
    expect(errors).toEqual([]);
  });

  it('adds a goal through the form', async () => {
    const { page, errors } = await openSignedIn(harness, DESKTOP, '/strategy');
    await page.getByTestId('strategy-add-goal').click();
    await page.getByTestId('goal-title').fill('Рост выручки');
    await page.getByTestId('goal-save').click();
    await page.locator('[data-testid=strategy-goal][data-goal="Рост выручки"]').waitFor(WAIT);
    const map = await api<{ goals: { title: string; perspective: string }[] }>(
      'GET',
      '/api/v1/strategy/map',
    );
    expect(map.json.goals).toContainEqual(
      expect.objectContaining({ title: 'Рост выручки', perspective: 'financial' }),
    );
    expect(errors).toEqual([]);
  });
});
