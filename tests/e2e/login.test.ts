// The real server and the built UI in Debian's Chromium: sign in, switch language, the
// translated wrong-password message, and the phone-sized layout with its burger menu.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { startClientLoop, type Running } from '../../server/main.ts';

const ADMIN = { email: 'admin@example.com', password: 'correct-horse-1' };
const ORG_NAME = 'ООО «Ромашка»';
const SCREENSHOTS = 'test-results';
const WAIT = { timeout: 10_000 };

let dir: string;
let running: Running;
let browser: Browser;
let baseUrl: string;
const openPages: Page[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cl-e2e-'));
  mkdirSync(SCREENSHOTS, { recursive: true });
  running = await startClientLoop(
    loadConfig({
      DATABASE_URL: `sqlite:${dir}/db.sqlite`,
      PORT: '0',
      LOG_LEVEL: 'silent',
      CLIENTLOOP_ADMIN_EMAIL: ADMIN.email,
      CLIENTLOOP_ADMIN_PASSWORD: ADMIN.password,
      CLIENTLOOP_ORG_NAME: ORG_NAME,
      SERVICES: 'web,worker',
    }),
  );
  baseUrl = running.url!;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

afterEach(async () => {
  await Promise.all(openPages.splice(0).map((p) => p.context().close()));
});

afterAll(async () => {
  await browser?.close();
  await running?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A fresh browser context (no cookies, no saved language) that records every console error. */
async function openApp(viewport = { width: 1280, height: 800 }) {
  const context = await browser.newContext({ viewport, locale: 'ru-RU' });
  const page = await context.newPage();
  openPages.push(page);
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await page.goto(baseUrl);
  return { page, errors };
}

async function signIn(page: Page, password = ADMIN.password) {
  await page.locator('input[name=email]').fill(ADMIN.email);
  await page.locator('input[name=password]').fill(password);
  await page.getByRole('button', { name: 'Войти' }).click();
}

describe('signing in to the web UI', () => {
  it('shows the Russian login form, signs in, switches to English, with no console errors', async () => {
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
    for (const label of ['Главная', 'Настройки', 'Организация', 'Сотрудники', 'API-ключи', 'Журнал аудита', 'Документация API']) {
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

    const apiKeysLink = page.getByRole('navigation').getByText('API-ключи');
    expect(await apiKeysLink.isVisible()).toBe(false); // the menu starts closed on a phone
    await page.getByTestId('nav-burger').click();
    await apiKeysLink.waitFor({ state: 'visible', ...WAIT });
    await page.screenshot({ path: `${SCREENSHOTS}/menu-phone.png` });
    await apiKeysLink.click();

    await page.getByRole('heading', { name: 'API-ключи' }).waitFor(WAIT);
    expect(new URL(page.url()).pathname).toBe('/settings/api-keys');
    expect(await apiKeysLink.isVisible()).toBe(false); // choosing a page closes the menu
    await page.screenshot({ path: `${SCREENSHOTS}/api-keys-phone.png` });
    expect(errors).toEqual([]);
  });
});
