// Journey stages in the browser, on a phone: an admin creates a stage with its names, owner and
// target, gives an existing stage (created by intake on first sight) an owner, and merges two
// stages after a confirmation — the records of the merged stage now carry the other's key, and
// the stage page shows the case that came with them.
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

/** A person of the organisation, added with the signed-in admin's session. */
async function addPerson(page: Page, name: string, email: string): Promise<void> {
  const session = (await (
    await page.request.get(`${harness.baseUrl}/api/v1/auth/session`)
  ).json()) as { csrfToken: string };
  const res = await page.request.post(`${harness.baseUrl}/api/v1/users`, {
    data: { email, name, password: 'long-enough-pass', role: 'manager' },
    headers: { 'x-csrf-token': session.csrfToken },
  });
  expect(res.status()).toBe(201);
}

describe('journey stages in the browser', () => {
  it('creates a stage, sets an owner and merges two stages, on a phone', async () => {
    // Intake creates «курьер» and «доставка» on first sight; the detractor opens a case.
    for (const [stage, value, text] of [
      ['курьер', 2, 'Курьер опоздал'],
      ['доставка', 9, 'Всё привезли вовремя'],
    ] as const) {
      const res = await api('POST', '/api/v1/feedback', {
        stage,
        score: { type: 'nps', value },
        text,
      });
      expect(res.status).toBe(201);
    }
    const { page, errors } = await openSignedIn(harness, PHONE, '/stages');
    await addPerson(page, 'Ольга Петрова', 'olga@romashka.example.ru');
    await page.reload();
    const card = (text: string) => page.getByTestId('stage-card').filter({ hasText: text });
    await card('курьер').waitFor(WAIT);
    await card('доставка').waitFor(WAIT);

    await page.getByRole('button', { name: 'Добавить этап' }).click();
    const form = page.getByTestId('stage-form');
    await form.locator('input[name=key]').fill('возврат');
    await form.locator('input[name=nameRu]').fill('Возврат товара');
    await form.locator('input[name=nameEn]').fill('Returns');
    await form.locator('select[name=ownerId]').selectOption({ label: 'Ольга Петрова' });
    await form.locator('input[name=target-nps]').fill('40');
    await form.getByRole('button', { name: 'Сохранить' }).click();
    const created = card('Возврат товара');
    await created.waitFor(WAIT);
    expect(await created.getByTestId('stage-owner').textContent()).toBe(
      'Владелец процесса: Ольга Петрова',
    );
    expect(await created.getByTestId('stage-targets').textContent()).toContain('NPS ≥ 40');

    // An owner for the stage intake created.
    await card('доставка').getByRole('button', { name: 'Изменить' }).click();
    await form.locator('input[name=nameRu]').fill('Доставка');
    await form.locator('select[name=ownerId]').selectOption({ label: 'Ольга Петрова' });
    await form.getByRole('button', { name: 'Сохранить' }).click();
    await card('Доставка').getByText('Владелец процесса: Ольга Петрова').waitFor(WAIT);

    // Merge «курьер» into «доставка», after reading what will happen.
    await card('курьер').getByRole('button', { name: 'Объединить' }).click();
    const merge = page.getByTestId('merge-form');
    await merge.locator('select[name=intoId]').selectOption({ label: 'Доставка (доставка)' });
    expect(await merge.textContent()).toContain('Все записи с ключом «курьер»');
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SCREENSHOTS}/stages-merge-phone.png`, fullPage: true });
    await merge.getByRole('button', { name: 'Объединить этапы' }).click();
    await card('курьер').waitFor({ state: 'detached', ...WAIT });
    expect(await page.getByTestId('stage-card').count()).toBe(2);

    const moved = await api<{ items: { stage: string }[] }>(
      'GET',
      '/api/v1/feedback?stage=доставка',
    );
    expect(moved.json.items).toHaveLength(2);
    const left = await api<{ items: unknown[] }>('GET', '/api/v1/feedback?stage=курьер');
    expect(left.json.items).toEqual([]);

    // The stage page: the case that came with «курьер», the satisfaction layer.
    await card('Доставка').getByTestId('stage-name').click();
    await page.getByTestId('stage-cases').getByText('NPS 2: Курьер опоздал').waitFor(WAIT);
    expect(await page.getByTestId('stage-cases').getByRole('link').count()).toBe(1);
    await page.getByTestId('stage-metric-nps').waitFor(WAIT);
    expect(await page.getByTestId('stage-metric-nps').textContent()).toContain('ответов: 2');
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SCREENSHOTS}/stage-page-phone.png`, fullPage: true });
    expect(errors).toEqual([]);
  }, 90_000);
});
