// Unsubscribing in the browser (issue 15), against the real server and a real SMTP server: the
// contact follows the link of the received e-mail on a phone with JavaScript off and confirms;
// the client card shows the contact as unsubscribed, and an admin re-subscribes them there.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestSmtp, type TestSmtp } from '../support/smtp.ts';
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
let smtp: TestSmtp;
let api: ApiCall;

beforeAll(async () => {
  smtp = await startTestSmtp();
  harness = await startHarness({ SMTP_URL: smtp.url });
  api = await apiClientFor(harness);
}, 60_000);
afterEach(() => harness.closePages());
afterAll(async () => {
  await harness?.stop();
  await smtp?.close();
});

describe('unsubscribing', () => {
  it('works from the e-mail link without JavaScript, shows on the client card, and an admin can undo it', async () => {
    const client = await api<{ id: string }>('POST', '/api/v1/clients', { name: 'ООО «Отказ»' });
    const contact = await api<{ id: string }>(
      'POST',
      `/api/v1/clients/${client.json.id}/contacts`,
      { name: 'Пётр Отписанный', email: 'petr@otkaz.example', language: 'ru' },
    );
    await api('POST', '/api/v1/feedback', {
      clientId: client.json.id,
      contactId: contact.json.id,
      score: { type: 'nps', value: 9 },
    });
    const mail = await vi.waitFor(
      () => {
        const found = smtp.messages.find((m) =>
          [m.to ?? []].flat().some((a) => a.text.includes('petr@otkaz.example')),
        );
        if (!found) throw new Error('no mail yet');
        return found;
      },
      { timeout: 15_000, interval: 50 },
    );
    const path = /\/unsubscribe\/[A-Za-z0-9_-]{64}/.exec(mail.text ?? '')![0];

    // The contact on a phone, JavaScript off: a plain form.
    const { page: anyPage } = await harness.openApp();
    const noJs = await anyPage
      .context()
      .browser()!
      .newContext({ javaScriptEnabled: false, viewport: PHONE, locale: 'ru-RU' });
    const phone = await noJs.newPage();
    await phone.goto(`${harness.baseUrl}${path}`);
    await phone.getByText('Больше не присылать вам уведомления от ООО «Ромашка»?').waitFor(WAIT);
    await phone.getByRole('button', { name: 'Отписаться' }).click();
    await phone.getByText('больше не будет присылать вам уведомления').waitFor(WAIT);
    await phone.screenshot({ path: `${SCREENSHOTS}/unsubscribe-done-390.png` });
    await noJs.close();

    // The admin sees it on the client card (phone width) and re-subscribes at the contact's request.
    const { page, errors } = await openSignedIn(
      harness,
      PHONE,
      `/clients/${client.json.id}?tab=contacts`,
    );
    const card = page.getByTestId('contact-card').filter({ hasText: 'Пётр Отписанный' });
    await card.getByTestId('unsubscribed-badge').waitFor(WAIT);
    expect(await card.getByTestId('unsubscribed-badge').textContent()).toBe('Отписан');
    await page.screenshot({ path: `${SCREENSHOTS}/contact-unsubscribed-390.png` });
    await card.getByRole('button', { name: 'Вернуть подписку' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Только по просьбе самого контакта').waitFor(WAIT);
    await dialog.getByRole('button', { name: 'Вернуть подписку' }).click();
    await page.getByText('Уведомления для «Пётр Отписанный» снова включены').waitFor(WAIT);
    await expect.poll(() => card.getByTestId('unsubscribed-badge').count(), WAIT).toBe(0);
    const after = await api<{ unsubscribedAt: string | null }>(
      'GET',
      `/api/v1/contacts/${contact.json.id}`,
    );
    expect(after.json.unsubscribedAt).toBeNull();
    expect(errors).toEqual([]);
  });

  it('names the unsubscribe placeholder in the template editor', async () => {
    const { page, errors } = await openSignedIn(harness, undefined, '/settings/templates');
    await page.getByTestId('template-row').first().waitFor(WAIT);
    await page.getByTestId('template-row').first().getByRole('button').click();
    await page.getByRole('dialog').getByTestId('unsubscribe-hint').waitFor(WAIT);
    expect(await page.getByTestId('unsubscribe-hint').textContent()).toContain(
      '{{unsubscribeUrl}}',
    );
    expect(errors).toEqual([]);
  });
});
