// First-run set-up of an instance listening beyond loopback (issue 19), in Chromium: the set-up
// page asks for the one-time token, a wrong one is a translated error, the right one signs in.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS, startHarness, WAIT, type Harness } from './harness.ts';

const TOKEN = 'e2e-setup-token-0123456789';
let harness: Harness;
beforeAll(async () => {
  // No bootstrap admin, so the set-up page shows; all interfaces, so the token is required.
  harness = await startHarness({
    CLIENTLOOP_ADMIN_EMAIL: '',
    CLIENTLOOP_ADMIN_PASSWORD: '',
    HOST: '0.0.0.0',
    SETUP_TOKEN: TOKEN,
  });
});
afterEach(() => harness.closePages());
afterAll(() => harness?.stop());

describe('first-run set-up beyond loopback', () => {
  it('asks for the set-up token, refuses a wrong one in Russian and signs in with the right one', async () => {
    const { page, errors } = await harness.openApp({ width: 390, height: 844 });
    await page.getByRole('heading', { name: 'Первоначальная настройка' }).waitFor(WAIT);
    await page.getByLabel('Название организации').fill('ООО «Ромашка»');
    await page.getByLabel('Ваше имя').fill('Иван');
    await page.getByLabel('Электронная почта').fill('ivan@example.ru');
    await page.getByLabel('Пароль').fill('long-enough-1');
    const token = page.getByLabel('Токен настройки');
    await token.fill('wrong-token-0123456789');
    await page.screenshot({ path: `${SCREENSHOTS}/setup-token-phone.png`, fullPage: true });
    await page.getByRole('button', { name: 'Создать и войти' }).click();
    await page.getByText('нужен токен настройки из журнала сервера').waitFor(WAIT);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: `${SCREENSHOTS}/setup-token-desktop.png`, fullPage: true });

    await token.fill(TOKEN);
    await page.getByRole('button', { name: 'Создать и войти' }).click();
    await page.getByRole('heading', { name: /Здравствуйте, Иван/ }).waitFor(WAIT);
    // The refused attempt is a 403 the page shows; nothing else went wrong.
    expect(errors.filter((e) => !/403/.test(e))).toEqual([]);
  });
});
