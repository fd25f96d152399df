// Shared set-up for browser tests: the real server on a throw-away SQLite file, Debian's
// Chromium through playwright-core, and pages that record every console error.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { loadConfig } from '../../server/config.ts';
import { startClientLoop, type Running } from '../../server/main.ts';

export const ADMIN = { email: 'admin@example.com', password: 'correct-horse-1' };
export const ORG_NAME = 'ООО «Ромашка»';
export const SCREENSHOTS = 'test-results';
export const WAIT = { timeout: 10_000 };

export interface Harness {
  baseUrl: string;
  /** A fresh context (no cookies, no saved language) that records console errors. */
  openApp(viewport?: { width: number; height: number }): Promise<{ page: Page; errors: string[] }>;
  closePages(): Promise<void>;
  stop(): Promise<void>;
}

/** `env` adds or overrides configuration variables (e.g. SMTP_URL for a test mail server). */
export async function startHarness(env: Record<string, string> = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'cl-e2e-'));
  mkdirSync(SCREENSHOTS, { recursive: true });
  let running: Running | undefined;
  let browser: Browser | undefined;
  const pages: Page[] = [];
  const stop = async () => {
    await browser?.close();
    await running?.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    running = await startClientLoop(
      loadConfig({
        DATABASE_URL: `sqlite:${dir}/db.sqlite`,
        PORT: '0',
        LOG_LEVEL: 'silent',
        CLIENTLOOP_ADMIN_EMAIL: ADMIN.email,
        CLIENTLOOP_ADMIN_PASSWORD: ADMIN.password,
        CLIENTLOOP_ORG_NAME: ORG_NAME,
        SERVICES: 'web,worker',
        ...env,
      }),
    );
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  } catch (error) {
    await stop();
    throw error;
  }
  const baseUrl = running.url!;
  const launched = browser;
  return {
    baseUrl,
    async openApp(viewport = { width: 1280, height: 800 }) {
      const context = await launched.newContext({ viewport, locale: 'ru-RU' });
      const page = await context.newPage();
      pages.push(page);
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(`console: ${m.text()}`);
      });
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      await page.goto(baseUrl);
      return { page, errors };
    },
    async closePages() {
      await Promise.all(pages.splice(0).map((p) => p.context().close()));
    },
    stop,
  };
}

export async function signIn(page: Page, password = ADMIN.password): Promise<void> {
  await page.locator('input[name=email]').fill(ADMIN.email);
  await page.locator('input[name=password]').fill(password);
  await page.getByRole('button', { name: 'Войти' }).click();
}

/**
 * On phones a closed menu slides off-screen rather than disappearing, so check the geometry:
 * 'on' when wholly inside the viewport, 'off' when wholly left of it, 'moving' in between.
 */
export async function menuPosition(page: Page, locator: Locator): Promise<'on' | 'off' | 'moving'> {
  const box = await locator.boundingBox();
  const width = page.viewportSize()?.width ?? 0;
  if (!box || box.x + box.width <= 0) return 'off';
  return box.x >= 0 && box.x + box.width <= width ? 'on' : 'moving';
}
