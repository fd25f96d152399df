// Sessions and scoped API keys in Chromium (issue 19), at 1280 and 390 px: the security page
// lists where the person is signed in (this session marked); ending another session signs that
// browser out at once. An admin creates a key with chosen scopes and a last day; the list shows
// them, and the key works only within its scopes.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS, signIn, startHarness, WAIT, type Harness } from './harness.ts';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterEach(() => harness.closePages());
afterAll(async () => harness?.stop());

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

async function signedIn(viewport: { width: number; height: number }) {
  const opened = await harness.openApp(viewport);
  opened.page.setDefaultTimeout(WAIT.timeout);
  await signIn(opened.page);
  await opened.page.getByTestId('org-name').waitFor(WAIT);
  return opened;
}

describe('sessions and scoped API keys in the browser', () => {
  it('lists sessions with this one marked and ends another at once', async () => {
    const desk = await signedIn(DESKTOP);
    const phone = await signedIn(PHONE);
    await desk.page.goto(`${harness.baseUrl}/settings/security`);
    await desk.page.getByRole('heading', { name: 'Где выполнен вход' }).waitFor(WAIT);
    const rows = desk.page.getByTestId('session-row');
    await expect.poll(() => rows.count(), WAIT).toBe(2);
    expect(await rows.filter({ hasText: 'Этот сеанс' }).count()).toBe(1);
    expect(await rows.filter({ hasText: 'HeadlessChrome' }).count()).toBe(2);
    expect(await rows.filter({ hasText: '127.0.0.1' }).count()).toBe(2);
    await desk.page.screenshot({ path: `${SCREENSHOTS}/sessions-desktop.png`, fullPage: true });

    await phone.page.goto(`${harness.baseUrl}/settings/security`);
    await phone.page.getByRole('heading', { name: 'Где выполнен вход' }).waitFor(WAIT);
    await expect.poll(() => phone.page.getByTestId('session-row').count(), WAIT).toBe(2);
    await phone.page.screenshot({ path: `${SCREENSHOTS}/sessions-phone.png`, fullPage: true });
    expect(
      await phone.page.evaluate(() => document.documentElement.scrollWidth),
    ).toBeLessThanOrEqual(390);

    // The desktop ends the phone's session: the phone is signed out on its next request.
    await desk.page.getByTestId('session-revoke').click();
    await expect.poll(() => rows.count(), WAIT).toBe(1);
    await phone.page.reload();
    await phone.page.getByRole('heading', { name: 'Вход в ClientLoop' }).waitFor(WAIT);

    // The audit log shows it, filtered by its action, with the address.
    await desk.page.goto(`${harness.baseUrl}/settings/audit`);
    await desk.page.getByTestId('audit-filters').waitFor(WAIT);
    await desk.page.locator('select[name=action]').selectOption('session.revoked');
    const audit = desk.page.getByTestId('audit-row');
    await expect.poll(() => audit.count(), WAIT).toBe(1);
    expect(await audit.first().textContent()).toContain('Сеанс завершён');
    expect(await audit.first().textContent()).toContain('127.0.0.1');
    await desk.page.screenshot({ path: `${SCREENSHOTS}/audit-filtered-desktop.png` });
    expect(desk.errors).toEqual([]);

    const small = await signedIn(PHONE);
    await small.page.goto(`${harness.baseUrl}/settings/audit`);
    await small.page.getByTestId('audit-filters').waitFor(WAIT);
    await small.page.locator('select[name=action]').selectOption('auth.login');
    await expect.poll(() => small.page.getByTestId('audit-row').count(), WAIT).toBe(3);
    await small.page.screenshot({
      path: `${SCREENSHOTS}/audit-filtered-phone.png`,
      fullPage: true,
    });
    expect(
      await small.page.evaluate(() => document.documentElement.scrollWidth),
    ).toBeLessThanOrEqual(390);
  }, 90_000);

  it('creates a key with scopes and an expiry; the list shows them and the key keeps to them', async () => {
    const { page, errors } = await signedIn(DESKTOP);
    await page.goto(`${harness.baseUrl}/settings/api-keys`);
    await page.getByRole('button', { name: 'Создать ключ' }).click();
    await page.locator('input[name=name]').fill('Сайт');
    await page.locator('select[name=role]').selectOption('admin');
    // Admin role: every scope is on; keep reading and feedback only.
    for (const scope of ['write-transactions', 'write', 'admin'])
      await page.locator(`input[name=scope-${scope}]`).uncheck();
    await page.locator('input[name=expires]').fill('2099-12-31');
    await page.screenshot({ path: `${SCREENSHOTS}/api-key-create-desktop.png` });
    await page.getByRole('dialog').getByRole('button', { name: 'Создать ключ' }).click();
    const secret = (await page.getByTestId('api-key-secret').textContent())!.trim();
    expect(secret).toMatch(/^cl_/);
    await page.getByRole('button', { name: 'Я сохранил ключ' }).click();
    const row = page.getByTestId('api-key-row').filter({ hasText: 'Сайт' });
    await row.waitFor(WAIT);
    // Both modals (the form and "key created") may still be closing: wait until none is left.
    await expect.poll(() => page.getByRole('dialog').count(), WAIT).toBe(0);
    expect(await row.getByTestId('api-key-scopes').textContent()).toBe(
      'Чтение данныхОтправка отзывов',
    );
    expect(await row.getByTestId('api-key-expiry').textContent()).toContain('2099');
    await page.screenshot({ path: `${SCREENSHOTS}/api-keys-desktop.png`, fullPage: true });

    const phone = await harness.openApp(PHONE);
    phone.page.setDefaultTimeout(WAIT.timeout);
    await signIn(phone.page);
    await phone.page.getByTestId('org-name').waitFor(WAIT);
    await phone.page.goto(`${harness.baseUrl}/settings/api-keys`);
    await phone.page.getByTestId('api-key-row').filter({ hasText: 'Сайт' }).waitFor(WAIT);
    await phone.page.screenshot({ path: `${SCREENSHOTS}/api-keys-phone.png`, fullPage: true });
    expect(
      await phone.page.evaluate(() => document.documentElement.scrollWidth),
    ).toBeLessThanOrEqual(390);

    const call = (method: string, path: string, body?: unknown) =>
      fetch(`${harness.baseUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    expect((await call('GET', '/api/v1/clients')).status).toBe(200);
    const refused = await call('POST', '/api/v1/clients', { name: 'X' });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { code: string }).code).toBe('insufficient_scope');
    expect((await call('GET', '/api/v1/audit')).status).toBe(403);
    expect(errors).toEqual([]);
  }, 90_000);
});
