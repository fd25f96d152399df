// Replying to the client from the case page (issue 21), in the browser with a real SMTP server:
// the reply box sends the e-mail to the case's contact and the timeline shows it (1280 px); on a
// phone (390 px) a case without a contact says nobody can be told instead of offering the box.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
let smtp: TestSmtp;
let harness: Harness;
let api: ApiCall;

beforeAll(async () => {
  smtp = await startTestSmtp();
  harness = await startHarness({ SMTP_URL: smtp.url });
  api = await apiClientFor(harness);
}, 60_000);

afterAll(async () => {
  await harness?.stop();
  await smtp?.close();
});

describe('reply to the client from the case page', () => {
  it('sends the reply to the contact and shows it on the timeline (1280 px)', async () => {
    const client = await api<{ id: string }>('POST', '/api/v1/clients', { name: 'ООО Вектор' });
    const contact = await api<{ id: string }>(
      'POST',
      `/api/v1/clients/${client.json.id}/contacts`,
      {
        name: 'Jane',
        email: 'jane@example.com',
        language: 'en',
      },
    );
    const kase = await api<{ id: string; publicRef: string }>('POST', '/api/v1/cases', {
      title: 'Счёт не пришёл',
      clientId: client.json.id,
      contactId: contact.json.id,
    });
    expect(kase.status).toBe(201);
    const { page, errors } = await openSignedIn(harness, undefined, `/cases/${kase.json.id}`);
    const form = page.getByTestId('case-reply');
    await form.waitFor(WAIT);
    await form.locator('textarea[name=reply]').fill('We have re-sent the invoice today.');
    await form.getByRole('button', { name: 'Отправить клиенту' }).click();
    await page.getByText('Ответ отправлен клиенту').first().waitFor(WAIT);
    await page.getByText('We have re-sent the invoice today.').first().waitFor(WAIT);
    const [mail] = await smtp.waitFor(1, 15_000);
    expect(mail!.to).toMatchObject({ text: 'jane@example.com' });
    expect(mail!.subject).toBe(`Your request ${kase.json.publicRef}`);
    expect(mail!.text).toContain('We have re-sent the invoice today.');
    await page.screenshot({ path: `${SCREENSHOTS}/case-reply-desktop.png`, fullPage: true });
    expect(errors).toEqual([]);
  }, 60_000);

  it('says nobody can be told on a case without a contact, on a phone (390 px)', async () => {
    const kase = await api<{ id: string }>('POST', '/api/v1/cases', { title: 'Без контакта' });
    const { page, errors } = await openSignedIn(harness, PHONE, `/cases/${kase.json.id}`);
    await page.getByTestId('reply-no-contact').waitFor(WAIT);
    expect(await page.getByTestId('case-reply').count()).toBe(0);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SCREENSHOTS}/case-reply-phone.png`, fullPage: true });
    expect(errors).toEqual([]);
  }, 60_000);
});
