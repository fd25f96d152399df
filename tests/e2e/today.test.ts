// "Сегодня" in the browser (issue 21): after sign-in the admin lands on the Today page, which
// shows a case assigned to them; resolving it in place takes it off the list (1280 px), and on a
// phone (390 px) the cards fit and snoozing a reminder due today works.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recurringDateInDays } from '../support/dates.ts';
import {
  apiClientFor,
  SCREENSHOTS,
  signIn,
  startHarness,
  WAIT,
  type ApiCall,
  type Harness,
} from './harness.ts';

const PHONE = { width: 390, height: 844 };

let harness: Harness;
let api: ApiCall;
let adminId: string;
let timeZone: string;

beforeAll(async () => {
  harness = await startHarness();
  api = await apiClientFor(harness);
  const users = await api<{ items: { id: string; role: string }[] }>('GET', '/api/v1/users');
  adminId = users.json.items.find((u) => u.role === 'admin')!.id;
  timeZone = (await api<{ timeZone: string }>('GET', '/api/v1/org')).json.timeZone;
}, 60_000);

afterAll(async () => harness?.stop());

const openCase = async (title: string) => {
  const client = await api<{ id: string }>('POST', '/api/v1/clients', { name: `Клиент ${title}` });
  const res = await api<{ id: string; publicRef: string }>('POST', '/api/v1/cases', {
    title,
    clientId: client.json.id,
    ownerId: adminId,
  });
  expect(res.status).toBe(201);
  return { ...res.json, clientId: client.json.id };
};

describe('the Today page in the browser', () => {
  it('shows a case assigned to me after sign-in, and resolving it in place works (1280 px)', async () => {
    const kase = await openCase('Не пришла накладная');
    const { page, errors } = await harness.openApp();
    page.setDefaultTimeout(WAIT.timeout);
    await signIn(page);
    await page.waitForURL(/\/today$/, WAIT);
    await page.getByRole('heading', { name: 'Здравствуйте, Administrator!' }).waitFor(WAIT);
    const card = page.getByTestId('today-case').filter({ hasText: kase.publicRef });
    await card.waitFor(WAIT);
    expect(await card.textContent()).toContain('Не пришла накладная');
    await page.getByTestId('today-health').waitFor(WAIT);
    await page.screenshot({ path: `${SCREENSHOTS}/today-desktop.png`, fullPage: true });

    await card.getByRole('button', { name: 'Решить', exact: true }).click();
    await card.locator('select[name=resolutionCode]').selectOption({ label: 'Решено: исправили' });
    await card.locator('textarea[name=resolution]').fill('Накладную отправили повторно');
    await card.getByRole('button', { name: 'Решить без уведомления' }).click();
    await card.waitFor({ state: 'detached', ...WAIT });
    const after = await api<{ status: string; resolution: string }>(
      'GET',
      `/api/v1/cases/${kase.id}`,
    );
    expect(after.json).toMatchObject({
      status: 'resolved',
      resolution: 'Накладную отправили повторно',
      resolutionCode: 'fixed',
    });
    expect(errors).toEqual([]);
  }, 60_000);

  it('fits a phone and snoozes a reminder due today (390 px)', async () => {
    const kase = await openCase(
      'Очень длинное название обращения о задержке поставки оборудования',
    );
    const date = await api('POST', `/api/v1/clients/${kase.clientId}/dates`, {
      kind: 'birthday',
      date: recurringDateInDays(new Date(), 0, timeZone),
      title: 'День рождения директора',
    });
    expect(date.status).toBe(201);
    const { page, errors } = await harness.openApp(PHONE);
    page.setDefaultTimeout(WAIT.timeout);
    await signIn(page);
    await page.waitForURL(/\/today$/, WAIT);
    await page.getByTestId('today-case').filter({ hasText: kase.publicRef }).waitFor(WAIT);
    const reminder = page
      .getByTestId('today-reminder')
      .filter({ hasText: 'День рождения директора' });
    await reminder.waitFor(WAIT);
    await page.screenshot({ path: `${SCREENSHOTS}/today-phone.png`, fullPage: true });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await reminder.getByRole('button', { name: 'Отложить до завтра' }).click();
    await reminder.waitFor({ state: 'detached', ...WAIT });
    expect(errors).toEqual([]);
  }, 60_000);
});
