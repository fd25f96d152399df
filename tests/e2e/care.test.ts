// Client care in the browser: a requirement added on the client card is shown on a new case of
// that client; the care inbox lists an upcoming birthday; both read on a phone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiClientFor,
  openSignedIn,
  SCREENSHOTS,
  startHarness,
  WAIT,
  type ApiCall,
  type Harness,
} from './harness.ts';
import { recurringDateInDays } from '../support/dates.ts';

const PHONE = { width: 390, height: 844 };
const REQUIREMENT = 'Отгрузка только в ёмкостях по 20 л, с паспортом качества';

let harness: Harness;
let api: ApiCall;

/** A birthday five days from today in Moscow, in a past year, so it recurs. */
const birthdayInFiveDays = () => recurringDateInDays(new Date(), 5, 'Europe/Moscow');

beforeAll(async () => {
  harness = await startHarness();
  api = await apiClientFor(harness);
}, 60_000);

afterAll(async () => harness?.stop());

describe('client care in the browser', () => {
  it('shows a requirement added on the client card on a new case of that client, on a phone', async () => {
    const client = await api<{ id: string }>('POST', '/api/v1/clients', {
      name: 'АО «Химпром»',
      segment: 'B2B',
    });
    expect(client.status).toBe(201);
    const { page, errors } = await openSignedIn(harness, PHONE, `/clients/${client.json.id}`);
    await page.getByRole('tab', { name: 'Требования' }).click();
    await page.locator('textarea[name=requirement-text]').fill(REQUIREMENT);
    await page.getByRole('button', { name: 'Добавить требование' }).click();
    await page.getByTestId('requirement').filter({ hasText: REQUIREMENT }).waitFor(WAIT);
    await page.screenshot({ path: `${SCREENSHOTS}/care-requirements-phone.png`, fullPage: true });

    const opened = await api<{ id: string }>('POST', '/api/v1/cases', {
      title: 'Протекла тара при доставке',
      clientId: client.json.id,
    });
    expect(opened.status).toBe(201);
    await page.goto(`${harness.baseUrl}/cases/${opened.json.id}`);
    const onCase = page.getByTestId('case-requirements');
    await onCase.waitFor(WAIT);
    expect(await onCase.textContent()).toContain(REQUIREMENT);
    await page.screenshot({ path: `${SCREENSHOTS}/care-case-phone.png`, fullPage: true });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
  }, 60_000);

  it('lists an upcoming birthday in the care inbox and on the client dates tab', async () => {
    const client = await api<{ id: string }>('POST', '/api/v1/clients', { name: 'ООО «Вектор»' });
    const contact = await api<{ id: string }>(
      'POST',
      `/api/v1/clients/${client.json.id}/contacts`,
      { name: 'Ольга Петрова', preferredChannel: 'phone', preferredTime: 'после 15:00' },
    );
    const date = await api('POST', `/api/v1/clients/${client.json.id}/dates`, {
      kind: 'birthday',
      date: birthdayInFiveDays(),
      recurring: true,
      title: 'День рождения Ольги',
      contactId: contact.json.id,
    });
    expect(date.status).toBe(201);
    const { page, errors } = await openSignedIn(harness, PHONE, '/care');
    const group = page.getByTestId('reminders-upcoming_date');
    await group.waitFor(WAIT);
    expect(await group.textContent()).toContain('День рождения Ольги');
    expect(await group.textContent()).toContain('через 5 дн.');
    await page.screenshot({ path: `${SCREENSHOTS}/care-inbox-phone.png`, fullPage: true });
    await page.getByRole('link', { name: 'День рождения Ольги' }).click();
    await page.getByTestId('date').filter({ hasText: 'День рождения Ольги' }).waitFor(WAIT);
    await page.screenshot({ path: `${SCREENSHOTS}/care-dates-phone.png`, fullPage: true });
    expect(errors).toEqual([]);
  }, 60_000);

  it('shows the client card overview and timeline on a desktop', async () => {
    const client = await api<{ id: string }>('POST', '/api/v1/clients', { name: 'ООО «Луч»' });
    await api('POST', '/api/v1/feedback', {
      clientId: client.json.id,
      score: { type: 'nps', value: 4 },
      text: 'Долго ждали ответа',
    });
    await api('POST', `/api/v1/clients/${client.json.id}/notes`, {
      text: 'Договорились о встрече в пятницу',
    });
    const { page, errors } = await openSignedIn(
      harness,
      undefined,
      `/clients/${client.json.id}?tab=timeline`,
    );
    await page.getByTestId('timeline-item').first().waitFor(WAIT);
    expect(await page.getByTestId('timeline-item').count()).toBeGreaterThanOrEqual(3);
    await page.screenshot({ path: `${SCREENSHOTS}/care-timeline-desktop.png`, fullPage: true });
    await page.getByRole('tab', { name: 'Обзор' }).click();
    await page.getByRole('button', { name: 'Изменить' }).waitFor(WAIT);
    await page.screenshot({ path: `${SCREENSHOTS}/care-overview-desktop.png`, fullPage: true });
    expect(errors).toEqual([]);
  }, 60_000);
});
