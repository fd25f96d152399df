// The real server and the built UI in Debian's Chromium: sign in, switch language, the
// translated wrong-password message, and the phone-sized layout with its burger menu.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  menuPosition,
  ORG_NAME,
  SCREENSHOTS,
  signIn,
  startHarness,
  WAIT,
  type Harness,
} from './harness.ts';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterEach(() => harness.closePages());
afterAll(() => harness?.stop());
const openApp = (viewport?: { width: number; height: number }) => harness.openApp(viewport);

describe('signing in to the web UI', () => {
  it('shows the Russian login form, signs in, switches to English and signs out, with no console errors', async () => {
    const { page, errors } = await openApp();
    await page.getByRole('heading', { name: 'Вход в ClientLoop' }).waitFor(WAIT);
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    expect(await page.locator('input[name=email]').getAttribute('type')).toBe('email');
    expect(await page.locator('input[name=password]').getAttribute('type')).toBe('password');
    await page.screenshot({ path: `${SCREENSHOTS}/login-desktop.png` });

    await signIn(page);
    await page.getByRole('heading', { name: 'Здравствуйте, Administrator!' }).waitFor(WAIT);
    await expect(page.getByTestId('org-name').textContent()).resolves.toBe(ORG_NAME);
    const nav = page.getByRole('navigation');
    for (const label of [
      'Главная',
      'Настройки',
      'Организация',
      'Сотрудники',
      'API-ключи',
      'Журнал аудита',
      'Документация API',
    ]) {
      await nav.getByText(label, { exact: false }).first().waitFor(WAIT);
    }
    await page.screenshot({ path: `${SCREENSHOTS}/home-desktop-ru.png` });

    await page.getByTestId('lang-switch').getByText('EN').click();
    await nav.getByText('People').waitFor(WAIT);
    await page.getByRole('heading', { name: 'Hello, Administrator!' }).waitFor(WAIT);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.evaluate(() => localStorage.getItem('cl.lang'))).toBe('en');

    // A settings page that loads data, in English, with times in the English locale.
    await nav.getByText('Audit log').click();
    await page.getByTestId('audit-row').first().waitFor(WAIT);
    await page.screenshot({ path: `${SCREENSHOTS}/audit-desktop-en.png` });

    // Signing out returns to the login form, still in the chosen language, even after a reload.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to ClientLoop' }).waitFor(WAIT);
    await page.reload();
    await page.getByRole('heading', { name: 'Sign in to ClientLoop' }).waitFor(WAIT);
    expect(errors).toEqual([]);
  });

  it('shows the translated invalid_credentials message for a wrong password', async () => {
    const { page, errors } = await openApp();
    await page.getByRole('heading', { name: 'Вход в ClientLoop' }).waitFor(WAIT);
    await signIn(page, 'wrong-password');
    const alert = page.getByTestId('error-alert');
    await alert.waitFor(WAIT);
    expect(await alert.textContent()).toBe('Неверный адрес электронной почты или пароль.');
    // The browser logs the failed 401 request itself; that is the only console error allowed.
    expect(errors.filter((e) => !e.includes('401'))).toEqual([]);
  });

  it('works on a phone: sign in, open the menu with the burger, reach API keys', async () => {
    const { page, errors } = await openApp({ width: 390, height: 844 });
    await page.getByRole('heading', { name: 'Вход в ClientLoop' }).waitFor(WAIT);
    await page.screenshot({ path: `${SCREENSHOTS}/login-phone.png` });
    await signIn(page);
    await page.getByRole('heading', { name: 'Здравствуйте, Administrator!' }).waitFor(WAIT);
    await page.screenshot({ path: `${SCREENSHOTS}/home-phone.png` });

    const menu = page.getByRole('navigation');
    const apiKeysLink = menu.getByText('API-ключи');
    expect(await menuPosition(page, menu)).toBe('off'); // the menu starts closed on a phone
    await page.getByTestId('nav-burger').click();
    await expect.poll(() => menuPosition(page, menu), WAIT).toBe('on');
    await page.screenshot({ path: `${SCREENSHOTS}/menu-phone.png` });
    await apiKeysLink.click();

    await page.getByRole('heading', { name: 'API-ключи' }).waitFor(WAIT);
    expect(new URL(page.url()).pathname).toBe('/settings/api-keys');
    await expect.poll(() => menuPosition(page, menu), WAIT).toBe('off'); // choosing a page closes the menu
    await page.screenshot({ path: `${SCREENSHOTS}/api-keys-phone.png` });
    expect(errors).toEqual([]);
  });
});
