// eNPS pulses in the browser on a phone (390 px): an admin creates a pulse for every team in the
// UI and copies the team's shared link; an employee with JavaScript OFF answers it with a plain
// form; the team shows "fewer than 5 answers" until its fifth answer, then its eNPS.
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

describe('eNPS pulses', () => {
  it('creates a pulse on a phone and takes an anonymous answer without JavaScript', async () => {
    for (const name of ['Анна Склад', 'Борис Склад'])
      expect((await api('POST', '/api/v1/employees', { name, stageKey: 'склад' })).status).toBe(
        201,
      );

    const { page, errors } = await openSignedIn(harness, PHONE, '/pulses');
    await page.getByText('Пульс-опросов пока нет').waitFor(WAIT);
    await page.getByRole('button', { name: 'Новый пульс' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Название').fill('Пульс весны');
    await dialog.getByRole('button', { name: 'Новый пульс' }).click();
    await page.getByTestId('pulse-notice').waitFor(WAIT);
    const anchor = page.getByRole('link', { name: /\/p\/t\// });
    await anchor.waitFor(WAIT);
    const path = new URL((await anchor.getAttribute('href'))!).pathname;
    expect(path).toMatch(/^\/p\/t\/[A-Za-z0-9_-]{43}$/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      PHONE.width,
    );
    expect(errors).toEqual([]);

    const context = await page
      .context()
      .browser()!
      .newContext({ javaScriptEnabled: false, viewport: PHONE, locale: 'ru-RU' });
    try {
      const phone = await context.newPage();
      expect((await phone.goto(`${harness.baseUrl}${path}`))?.status()).toBe(200);
      await phone.getByRole('heading', { name: /порекомендуете нашу компанию/ }).waitFor(WAIT);
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        PHONE.width,
      );
      await phone.getByRole('radio', { name: '9', exact: true }).check();
      await phone.locator('textarea[name=comment]').fill('Хорошая команда, мало обучения');
      await phone.screenshot({ path: `${SCREENSHOTS}/pulse-form-phone-nojs.png`, fullPage: true });
      await phone.getByRole('button', { name: 'Отправить анонимно' }).click();
      await phone.getByRole('heading', { name: 'Спасибо за ответ!' }).waitFor(WAIT);
      // The same browser again: the cookie says it has answered.
      await phone.goto(`${harness.baseUrl}${path}`);
      await phone.getByRole('heading', { name: 'Ответ уже сохранён' }).waitFor(WAIT);
    } finally {
      await context.close();
    }

    await page.reload();
    await page.getByTestId('pulse-cell').waitFor(WAIT);
    expect(await page.getByTestId('pulse-cell').textContent()).toContain('меньше 5 ответов');

    // Four more browsers (no cookie each): 9, 10, 10, 3, 8 → 3 promoters, 1 detractor of 5 = 40.
    for (const score of [10, 10, 3, 8]) {
      const res = await fetch(`${harness.baseUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `score=${score}`,
      });
      expect(res.status).toBe(200);
    }
    await page.reload();
    await page.getByTestId('pulse-cell').waitFor(WAIT);
    const cell = await page.getByTestId('pulse-cell').textContent();
    expect(cell).toContain('40');
    expect(cell).toContain('±70.1');
    await page.getByText('Хорошая команда, мало обучения').waitFor(WAIT);
    await page.screenshot({ path: `${SCREENSHOTS}/pulse-results-phone.png`, fullPage: true });
    // The team is a journey stage (created with its first employee); its page shows the eNPS.
    const stages = (await api<{ items: { id: string; key: string }[] }>('GET', '/api/v1/stages'))
      .json;
    const store = stages.items.find((s) => s.key === 'склад')!;
    await page.goto(`${harness.baseUrl}/stages/${store.id}`);
    await page.getByTestId('stage-enps').getByText('±70.1').waitFor(WAIT);
    expect(await page.getByTestId('stage-enps').textContent()).toContain('40');
    await page.screenshot({ path: `${SCREENSHOTS}/stage-enps-phone.png`, fullPage: true });
    expect(errors).toEqual([]);
  });
});
