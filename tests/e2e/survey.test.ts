// Surveys in the browser: an admin creates a survey in the UI and gets its open link and QR code;
// then a client on a phone with JavaScript switched OFF answers the public page with a plain form.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS, signIn, startHarness, WAIT, type Harness } from './harness.ts';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterEach(() => harness.closePages());
afterAll(() => harness?.stop());

const PHONE = { width: 390, height: 844 };

describe('surveys', () => {
  it('creates a survey in the UI and answers its public page on a phone without JavaScript', async () => {
    const { page, errors } = await harness.openApp(PHONE);
    await signIn(page);
    await page.getByTestId('org-name').waitFor(WAIT);
    await page.goto(`${harness.baseUrl}/surveys`);
    await page.getByText('Опросов пока нет', { exact: false }).waitFor(WAIT);

    await page.getByRole('button', { name: 'Новый опрос' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[name=name]').fill('После доставки');
    await dialog.locator('select[name=metric]').selectOption('csat');
    // The question follows the metric until the person edits it.
    expect(await dialog.locator('textarea[name=questionRu]').inputValue()).toBe(
      'Насколько вы довольны нашей работой?',
    );
    await dialog.locator('input[name=stage]').fill('доставка');
    await dialog.getByRole('button', { name: 'Новый опрос' }).click();

    // The new survey opens in its panel: open link, QR code, preview link.
    const panel = page.getByRole('dialog', { name: 'После доставки' });
    const openLink = panel.getByRole('textbox', { name: 'Открытая ссылка' });
    await openLink.waitFor(WAIT);
    const openPath = new URL(await openLink.inputValue()).pathname;
    expect(openPath).toMatch(/^\/s\/o\/[A-Za-z0-9_-]{43}$/);
    const qr = panel.getByTestId('survey-qr');
    await expect
      .poll(
        () => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0),
        WAIT,
      )
      .toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/survey-panel-phone.png` });
    expect(errors).toEqual([]);

    // A client's phone, JavaScript off: the page must still work as a plain HTML form.
    const context = await page
      .context()
      .browser()!
      .newContext({ javaScriptEnabled: false, viewport: PHONE, locale: 'ru-RU' });
    try {
      const client = await context.newPage();
      const response = await client.goto(`${harness.baseUrl}${openPath}`);
      expect(response?.status()).toBe(200);
      await client
        .getByRole('heading', { name: 'Насколько вы довольны нашей работой?' })
        .waitFor(WAIT);
      // Nothing overflows the 390 px screen sideways.
      expect(await client.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        PHONE.width,
      );
      await client.getByRole('radio', { name: '4', exact: true }).check();
      await client
        .locator('textarea[name=comment]')
        .fill('Курьер приехал вовремя, но упаковка помялась');
      await client.screenshot({
        path: `${SCREENSHOTS}/survey-form-phone-nojs.png`,
        fullPage: true,
      });
      await client.getByRole('button', { name: 'Отправить' }).click();
      await client.getByRole('heading', { name: 'Спасибо за ответ!' }).waitFor(WAIT);
      await client.screenshot({ path: `${SCREENSHOTS}/survey-thanks-phone-nojs.png` });
    } finally {
      await context.close();
    }

    // The answer is in: the feedback list API, read with the admin's session, shows it.
    const feedback = await page.evaluate(() => fetch('/api/v1/feedback').then((r) => r.json()));
    expect(feedback.items).toHaveLength(1);
    expect(feedback.items[0]).toMatchObject({
      channel: 'survey',
      stage: 'доставка',
      score: { type: 'csat', value: 4 },
      text: 'Курьер приехал вовремя, но упаковка помялась',
    });
  });
});
