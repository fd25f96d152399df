// Two-factor sign-in and password reset in Chromium (issue 19), on a phone-sized screen: switch
// 2FA on from the security page (QR code, key, recovery codes shown once), sign out, sign in
// with a code computed here from the key; then reset the password from the sign-in page with the
// link from the e-mail the real SMTP server received — the link works once.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { codeAt, TOTP_PERIOD_S } from '../../server/modules/orgs/totp.ts';
import { startTestSmtp, type TestSmtp } from '../support/smtp.ts';
import { ADMIN, SCREENSHOTS, signIn, startHarness, WAIT, type Harness } from './harness.ts';

let harness: Harness;
let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startTestSmtp();
  harness = await startHarness({ SMTP_URL: smtp.url });
});
afterEach(() => harness.closePages());
afterAll(async () => {
  await harness?.stop();
  await smtp?.close();
});
const PHONE = { width: 390, height: 844 };

/** A code of a later 30-second step than any used so far (a code is accepted only once). */
async function freshCode(secret: string): Promise<string> {
  const periodMs = TOTP_PERIOD_S * 1000;
  await new Promise((r) => setTimeout(r, periodMs - (Date.now() % periodMs) + 300));
  return codeAt(secret, new Date());
}

describe('two-factor sign-in and password reset in the browser', () => {
  it('switches 2FA on from the security page and signs in with a code', async () => {
    const { page, errors } = await harness.openApp(PHONE);
    page.setDefaultTimeout(WAIT.timeout);
    await signIn(page);
    await page.getByTestId('org-name').waitFor(WAIT);
    await page.goto(`${harness.baseUrl}/settings/security`);
    await page.getByRole('heading', { name: 'Безопасность входа' }).waitFor(WAIT);
    expect(await page.getByTestId('two-factor-status').textContent()).toBe(
      'Двухфакторный вход выключен',
    );
    await page.getByRole('button', { name: 'Настроить' }).click();
    await page.getByTestId('two-factor-qr').waitFor(WAIT);
    const secret = (await page.getByTestId('two-factor-secret').textContent())!.trim();
    await page.screenshot({ path: `${SCREENSHOTS}/security-setup-phone.png` });
    await page.locator('input[name=code]').fill(codeAt(secret, new Date()));
    await page.getByRole('button', { name: 'Включить' }).click();
    const codes = page.getByTestId('recovery-codes');
    await codes.waitFor(WAIT);
    expect((await codes.textContent())!.trim().split('\n')).toHaveLength(10);
    await page.screenshot({ path: `${SCREENSHOTS}/security-recovery-phone.png` });
    await page.getByRole('button', { name: 'Я сохранил коды' }).click();
    await expect
      .poll(() => page.getByTestId('two-factor-status').textContent(), WAIT)
      .toBe('Двухфакторный вход включён');
    // The page does not overflow the phone's width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );

    await page.getByTestId('nav-burger').click();
    await page.getByRole('button', { name: 'Выйти' }).click();
    await page.getByRole('heading', { name: 'Вход в ClientLoop' }).waitFor(WAIT);
    await signIn(page);
    await page.getByRole('heading', { name: 'Код подтверждения' }).waitFor(WAIT);
    await page.screenshot({ path: `${SCREENSHOTS}/login-code-phone.png` });
    await page.locator('input[name=code]').fill(await freshCode(secret));
    await page.getByRole('button', { name: 'Подтвердить' }).click();
    await page.getByTestId('org-name').waitFor(WAIT);
    expect(errors).toEqual([]);
  }, 90_000);

  it('resets the password from the sign-in page through the e-mailed link, once', async () => {
    const { page } = await harness.openApp(PHONE);
    page.setDefaultTimeout(WAIT.timeout);
    await page.getByTestId('forgot-password').click();
    await page.getByRole('heading', { name: 'Сброс пароля' }).waitFor(WAIT);
    await page.locator('input[name=email]').fill(ADMIN.email);
    await page.getByRole('button', { name: 'Прислать ссылку' }).click();
    await page.getByTestId('reset-sent').waitFor(WAIT);
    await page.screenshot({ path: `${SCREENSHOTS}/forgot-password-phone.png` });
    const [mail] = await smtp.waitFor(1, 15_000);
    // PUBLIC_URL is not set in the harness (port 0), so the link's path is opened on the server.
    const path = /https?:\/\/\S+?(\/reset-password#token=[\w-]+)/.exec(mail!.text ?? '')![1]!;
    const link = `${harness.baseUrl}${path}`;

    await page.goto(link);
    await page.getByRole('heading', { name: 'Новый пароль' }).waitFor(WAIT);
    await page.locator('input[name=newPassword]').fill('a brand new password');
    await page.getByRole('button', { name: 'Сохранить пароль' }).click();
    await page.getByTestId('reset-done').waitFor(WAIT);
    await page.screenshot({ path: `${SCREENSHOTS}/reset-password-phone.png` });

    // The same link a second time is refused with the translated message.
    await page.goto('about:blank');
    await page.goto(link);
    await page.locator('input[name=newPassword]').fill('yet another password');
    await page.getByRole('button', { name: 'Сохранить пароль' }).click();
    expect(await page.getByTestId('error-alert').textContent()).toContain('недействительна');

    // The new password signs in (2FA from the first test still asks for a code).
    await page.getByRole('button', { name: 'Ко входу' }).click();
    await signIn(page, 'a brand new password');
    await page.getByRole('heading', { name: 'Код подтверждения' }).waitFor(WAIT);
  }, 60_000);
});
