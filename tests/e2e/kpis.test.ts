// Process KPIs in the browser, on a phone: a manager defines «Доставка вовремя, %» with a target of
// 95, enters this month's value for the stage and sees it red on the stage page; a better value
// entered again turns it amber on the operations page (within 10 % of the target).
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

let harness: Harness;
let api: ApiCall;

beforeAll(async () => {
  harness = await startHarness();
  api = await apiClientFor(harness);
}, 60_000);

afterAll(async () => harness?.stop());

const overflowOf = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('process KPIs in the browser', () => {
  it('enters a KPI value and sees it coloured by its target, on a phone', async () => {
    // Intake creates the stage «доставка» on first sight.
    const fb = await api('POST', '/api/v1/feedback', {
      stage: 'доставка',
      score: { type: 'nps', value: 9 },
    });
    expect(fb.status).toBe(201);
    const { page, errors } = await openSignedIn(harness, PHONE, '/scorecard/kpis');

    await page.getByRole('button', { name: 'Добавить показатель' }).click();
    const form = page.getByTestId('kpi-form');
    await form.locator('input[name=key]').fill('delivery.on_time');
    await form.locator('input[name=name]').fill('Доставка вовремя');
    await form.locator('input[name=unit]').fill('%');
    await form.locator('select[name=direction]').selectOption('up');
    await form.locator('input[name=target]').fill('95');
    await form.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByTestId('kpi-card').filter({ hasText: 'Доставка вовремя, %' }).waitFor(WAIT);

    const enter = async (value: string) => {
      const values = page.getByTestId('kpi-value-form');
      await values.locator('input[name=value]').fill(value);
      await values.getByRole('button', { name: 'Сохранить' }).click();
      await page.getByTestId('kpi-values').getByRole('cell', { name: value }).waitFor(WAIT);
    };
    await enter('80');
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
    // The month in words in the reader's language ("декабрь 2026"), never "2026-12" (issue 21).
    const values = (await page.getByTestId('kpi-values').innerText()).toLowerCase();
    expect(values).not.toMatch(/\b\d{4}-\d{2}\b/);
    const now = new Date();
    const month = new Intl.DateTimeFormat('ru', { month: 'long', timeZone: 'UTC' }).format(now);
    expect(values).toContain(`${month} ${now.getUTCFullYear()}`);
    await page.screenshot({ path: `${SCREENSHOTS}/kpis-phone.png`, fullPage: true });

    // The stage page: 80 against 95 (higher is better) is 15 short, beyond 9.5 → red.
    const stages = await api<{ items: { id: string; key: string }[] }>('GET', '/api/v1/stages');
    const stage = stages.json.items.find((s) => s.key === 'доставка')!;
    await page.goto(`${harness.baseUrl}/stages/${stage.id}`);
    const tile = page.getByTestId('stage-kpis').getByTestId('metric-delivery.on_time');
    await tile.waitFor(WAIT);
    expect(await tile.getAttribute('data-status')).toBe('red');
    expect(await tile.textContent()).toContain('80 %');
    expect(await tile.textContent()).toContain('цель ≥ 95 %');
    expect(await tile.textContent()).toContain('не в цели');
    const border = await tile.evaluate((el) => getComputedStyle(el).borderLeftColor);
    expect(border).toMatch(/^rgb\((\d+), (\d+), (\d+)\)$/);
    const [r, g] = border.match(/\d+/g)!.map(Number);
    expect(r).toBeGreaterThan(g! + 100); // red
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SCREENSHOTS}/stage-operations-phone.png`, fullPage: true });

    // 90 is 5 short of 95, within 9.5 → amber, on the operations page.
    await page.goto(`${harness.baseUrl}/scorecard/kpis`);
    await enter('90');
    await page.goto(`${harness.baseUrl}/scorecard/operations`);
    const amber = page.getByTestId('stage-kpis').getByTestId('metric-delivery.on_time');
    await amber.waitFor(WAIT);
    await expect.poll(() => amber.getAttribute('data-status'), { timeout: 10_000 }).toBe('amber');
    expect(await amber.textContent()).toContain('близко');
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
  }, 90_000);
});
