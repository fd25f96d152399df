// Lists, the client page and settings in the browser, against the real server: a Cyrillic
// client search, contacts with roles, a client's feedback and cases, templates, SLA policies,
// webhooks, and a call logged by staff. Each test makes what it looks for, so any runs alone.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
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
const BILLING_COMPLAINT = 'Счёт выставлен дважды, верните переплату';

let harness: Harness;
let api: ApiCall;

beforeAll(async () => {
  // The operator allows one private address, so a webhook can be saved without leaving loopback:
  // the test disables it at once and emits nothing to it.
  harness = await startHarness({ OUTBOUND_ALLOWED_HOSTS: '10.255.255.1:9' });
  api = await apiClientFor(harness);
}, 60_000);
afterEach(() => harness.closePages());
afterAll(async () => harness?.stop());

describe('lists, client page and settings', () => {
  it('finds a client by a Cyrillic search, adds a contact with roles, and shows its feedback and cases', async () => {
    // A client with a contact and a detractor's complaint (which opens a case and is answered
    // with an acknowledgement), made here through the API.
    const client = await api<{ id: string }>('POST', '/api/v1/clients', {
      name: 'АО «Светоч»',
      segment: 'B2B',
    });
    const contact = await api<{ id: string }>(
      'POST',
      `/api/v1/clients/${client.json.id}/contacts`,
      { name: 'Ольга', email: 'olga@svetoch.example', language: 'ru' },
    );
    const complaint = await api<{ caseId: string | null }>('POST', '/api/v1/feedback', {
      channel: 'email',
      clientId: client.json.id,
      contactId: contact.json.id,
      score: { type: 'nps', value: 2 },
      text: BILLING_COMPLAINT,
    });
    expect(complaint.status).toBe(201);
    expect(complaint.json.caseId).toBeTruthy();
    // Another client, so that one row left means the search was applied.
    await api('POST', '/api/v1/clients', { name: 'ООО «Север»' });

    const { page, errors } = await openSignedIn(harness, undefined, '/clients');
    await page.getByTestId('client-row').first().waitFor(WAIT);
    await page.locator('input[name=q]').fill('свет');
    await page.getByTestId('client-row').filter({ hasText: 'АО «Светоч»' }).waitFor(WAIT);
    await expect.poll(() => page.getByTestId('client-row').count(), WAIT).toBe(1);
    // The search is in the address, so it survives a reload.
    await expect.poll(() => page.url(), WAIT).toContain('q=%D1%81%D0%B2%D0%B5%D1%82');
    await page.getByRole('link', { name: 'АО «Светоч»' }).click();
    await page.getByRole('heading', { name: 'АО «Светоч»' }).waitFor(WAIT);
    await page.getByTestId('feedback-card').filter({ hasText: BILLING_COMPLAINT }).waitFor(WAIT);

    await page.getByRole('button', { name: 'Добавить контакт' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[name=name]').fill('Мария Петрова');
    await dialog.locator('input[name=email]').fill('maria@example.ru');
    await dialog.getByLabel('Принимает решения').check();
    await dialog.getByLabel('Плательщик').check();
    await dialog.getByRole('button', { name: 'Добавить контакт' }).click();
    const row = page.getByTestId('contact-row').filter({ hasText: 'Мария Петрова' });
    await row.getByText('Плательщик').waitFor(WAIT);
    await page.screenshot({ path: `${SCREENSHOTS}/client-desktop.png`, fullPage: true });

    await page.goto(`${harness.baseUrl}/feedback?hasCase=true`);
    await page.getByTestId('feedback-card').filter({ hasText: BILLING_COMPLAINT }).waitFor(WAIT);
    await page.screenshot({ path: `${SCREENSHOTS}/feedback-list-desktop.png`, fullPage: true });
    await page.getByRole('link', { name: BILLING_COMPLAINT }).click();
    await page.getByTestId('feedback-case-link').waitFor(WAIT);
    await page.getByTestId('message-card').first().waitFor(WAIT);
    await page.screenshot({ path: `${SCREENSHOTS}/feedback-detail-desktop.png`, fullPage: true });
    expect(errors).toEqual([]);
  });

  it('settings: templates with variables, an SLA policy, a webhook whose secret is shown once', async () => {
    const { page, errors } = await openSignedIn(harness, PHONE, '/settings/templates');
    await page.getByTestId('template-row').first().waitFor(WAIT);
    await page
      .getByTestId('template-row')
      .filter({ hasText: 'Закрытие обращения' })
      .first()
      .getByRole('button', { name: 'Изменить' })
      .click();
    await page.getByRole('dialog').getByRole('button', { name: '{{resolution}}' }).waitFor(WAIT);
    await page.screenshot({ path: `${SCREENSHOTS}/template-edit-phone.png` });
    await page.getByRole('dialog').getByRole('button', { name: 'Отмена' }).click();

    await page.goto(`${harness.baseUrl}/settings/sla`);
    await page.getByRole('button', { name: 'Добавить политику' }).click();
    const sla = page.getByRole('dialog');
    await sla.locator('input[name=name]').fill('Стандарт');
    await sla.locator('textarea[name=holidays]').fill('2027-01-01\n2027-01-02');
    await sla.getByRole('button', { name: 'Сохранить' }).click();
    await page
      .getByTestId('sla-row')
      .filter({ hasText: 'Стандарт' })
      .getByText('2 праздника', { exact: false })
      .waitFor(WAIT);
    await page.screenshot({ path: `${SCREENSHOTS}/sla-phone.png`, fullPage: true });

    // A private receiver the operator allowed; the webhook is disabled before anything is emitted.
    await page.goto(`${harness.baseUrl}/settings/webhooks`);
    await page.getByRole('main').getByRole('button', { name: 'Добавить вебхук' }).click();
    const hook = page.getByRole('dialog');
    await hook.locator('input[name=url]').fill('http://10.255.255.1:9/hook');
    await hook.getByRole('button', { name: 'Добавить вебхук' }).click();
    const secret = page.getByTestId('webhook-secret');
    await secret.waitFor(WAIT);
    expect((await secret.textContent())?.length).toBeGreaterThan(20);
    await page.getByRole('button', { name: 'Я сохранил секрет' }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' }); // its fade-out would swallow the next click
    const card = page.getByTestId('webhook-card');
    // A controlled switch: it flips once the server has answered, so click and wait for the label.
    await card.getByRole('switch', { name: 'Включён' }).click();
    await card.getByText('Выключен').waitFor(WAIT);
    await page.screenshot({ path: `${SCREENSHOTS}/webhooks-phone.png`, fullPage: true });
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
  });

  it('staff log a call with a score; it lands in the feedback list like any other channel', async () => {
    const { page, errors } = await openSignedIn(harness, undefined, '/feedback');
    await page.getByTestId('log-interaction').click();
    await page.getByRole('dialog').getByText('Звонок', { exact: true }).click();
    await page.getByLabel('Оценка').selectOption('csat');
    await page.getByLabel('Балл').fill('2');
    await page.locator('textarea[name=text]').fill('Клиент недоволен сроками оплаты счёта');
    // The dialog's button: the list behind it has "Сохранить вид" (saved views) too.
    await page.getByRole('dialog').getByRole('button', { name: 'Сохранить', exact: true }).click();
    await page.waitForURL(/\/feedback\/[0-9a-f-]{36}$/, WAIT);
    await page.getByText('Звонок: Клиент недоволен сроками оплаты счёта').first().waitFor(WAIT);
    const newest = await api<{
      items: { channel: string; score: { type: string; value: number }; caseId: string | null }[];
    }>('GET', '/api/v1/feedback?limit=1');
    expect(newest.json.items[0]).toMatchObject({
      channel: 'phone',
      score: { type: 'csat', value: 2 },
    });
    expect(newest.json.items[0]!.caseId).toBeTruthy(); // CSAT 2 opens a case, as from any channel
    expect(errors).toEqual([]);
  });
});
