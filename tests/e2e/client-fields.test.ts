// The client's economics fields and the organisation time zone in the browser: the card shows
// the budget as money in Russian and edits both fields; the organisation page finds a zone by
// typing part of its name and saves it — on a phone and a desktop.
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

beforeAll(async () => {
  harness = await startHarness();
  api = await apiClientFor(harness);
}, 60_000);
afterEach(() => harness.closePages());
afterAll(async () => harness?.stop());

const overflowOf = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
/** Intl writes Russian group separators as (narrow) no-break spaces. */
const plain = (text: string | null) => (text ?? '').replace(/\s/g, ' ');

describe('client economics fields and the organisation time zone in the browser', () => {
  it.each([
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ])('shows and edits the budget and strategic fit on a %s', async (name, viewport) => {
    const created = await api<{ id: string }>('POST', '/api/v1/clients', {
      name: `ООО «Бюджет» ${name}`,
      estimatedAnnualBudget: 1234567.5,
      strategicFit: 80,
    });
    expect(created.status).toBe(201);
    const id = created.json.id;
    const { page, errors } = await openSignedIn(harness, viewport, `/clients/${id}`);
    const budget = page.getByTestId('client-budget');
    await budget.waitFor(WAIT);
    expect(plain(await budget.textContent())).toBe('1 234 567,50 ₽');
    expect(await page.getByTestId('client-fit').textContent()).toBe('80 из 100');

    await page.getByRole('button', { name: 'Изменить', exact: true }).first().click();
    const budgetInput = page.locator('input[name=estimatedAnnualBudget]');
    await budgetInput.fill('2500000');
    await page.locator('input[name=strategicFit]').fill('65');
    await page.getByRole('button', { name: 'Сохранить', exact: true }).click();
    await expect.poll(async () => plain(await budget.textContent()), WAIT).toBe('2 500 000 ₽');
    expect(await page.getByTestId('client-fit').textContent()).toBe('65 из 100');
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SCREENSHOTS}/client-economics-${name}.png`, fullPage: true });

    const read = await api<{ estimatedAnnualBudget: number; strategicFit: number }>(
      'GET',
      `/api/v1/clients/${id}`,
    );
    expect(read.json).toMatchObject({ estimatedAnnualBudget: 2500000, strategicFit: 65 });
    expect(errors).toEqual([]);
  });

  it('finds a time zone by part of its name and saves it for the organisation, on a phone', async () => {
    const { page, errors } = await openSignedIn(harness, PHONE, '/settings/organisation');
    const zone = page.getByRole('combobox', { name: 'Часовой пояс' });
    await expect.poll(() => zone.inputValue(), WAIT).toBe('UTC');
    await zone.click();
    await zone.fill('samara');
    await page.getByRole('option', { name: /^Europe\/Samara \(UTC\+04:00\)$/ }).click();
    // The organisation form's own button (the retention panel has one too).
    await page.locator('form', { has: zone }).getByRole('button', { name: 'Сохранить' }).click();
    await expect
      .poll(async () => (await api<{ timeZone: string }>('GET', '/api/v1/org')).json.timeZone, WAIT)
      .toBe('Europe/Samara');
    await page.reload();
    await expect.poll(() => zone.inputValue(), WAIT).toBe('Europe/Samara (UTC+04:00)');
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SCREENSHOTS}/org-time-zone-phone.png`, fullPage: true });
    expect(errors).toEqual([]);
  });
});
