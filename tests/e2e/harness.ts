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
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
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

export type ApiCall = <T>(
  method: string,
  path: string,
  body?: unknown,
) => Promise<{ status: number; json: T }>;

/**
 * An API client with a manager key (or another role's), made the way an admin gets one: signed in
 * through the UI, then POST /api/v1/api-keys with the session's CSRF token.
 */
export async function apiClientFor(harness: Harness, role = 'manager'): Promise<ApiCall> {
  const { page } = await harness.openApp();
  await signIn(page);
  await page.getByTestId('org-name').waitFor(WAIT);
  const session = (await (
    await page.request.get(`${harness.baseUrl}/api/v1/auth/session`)
  ).json()) as { csrfToken: string };
  const created = await page.request.post(`${harness.baseUrl}/api/v1/api-keys`, {
    data: { name: 'CRM', role },
    headers: { 'x-csrf-token': session.csrfToken },
  });
  if (created.status() !== 201) throw new Error(`API key not created: ${created.status()}`);
  const apiKey = ((await created.json()) as { secret: string }).secret;
  await harness.closePages();
  return async (method, path, body) => {
    const response = await fetch(`${harness.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, json: await response.json() };
  };
}

/** Signs in through the login page, then opens `path` by a full page load (a deep link). */
export async function openSignedIn(
  harness: Harness,
  viewport: { width: number; height: number } | undefined,
  path: string,
): Promise<{ page: Page; errors: string[] }> {
  const opened = await harness.openApp(viewport);
  opened.page.setDefaultTimeout(WAIT.timeout); // a stuck step fails with its locator, not a test timeout
  await signIn(opened.page);
  await opened.page.getByTestId('org-name').waitFor(WAIT);
  await opened.page.goto(`${harness.baseUrl}${path}`);
  return opened;
}
