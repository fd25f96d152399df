// Issue 21 in the browser: the admin hands a case over on the Today page and Maria's bell shows it
// (count, words, the case it opens) at 1280 and 390 px; the CX lead (admin) sees "what moved this
// week" and its numbers open the lists behind them (feedback and cases). Screenshots ru and en.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
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
const MARIA = {
  email: 'maria@romashka.example.ru',
  password: 'long-enough-pass',
  name: 'Мария Соколова',
};

let harness: Harness;
let api: ApiCall;
let adminId: string;
let mariaId: string;

beforeAll(async () => {
  harness = await startHarness();
  api = await apiClientFor(harness, 'admin');
  const users = await api<{ items: { id: string; role: string }[] }>('GET', '/api/v1/users');
  adminId = users.json.items.find((u) => u.role === 'admin')!.id;
  const maria = await api<{ id: string }>('POST', '/api/v1/users', {
    ...MARIA,
    role: 'manager',
    language: 'ru',
  });
  expect(maria.status).toBe(201);
  mariaId = maria.json.id;
  // This week's answers: 4 promoters and 2 detractors (their cases open on their own).
  for (const value of [10, 9, 10, 9, 3, 5])
    await api('POST', '/api/v1/feedback', { score: { type: 'nps', value }, stage: 'доставка' });
}, 90_000);

afterAll(async () => harness?.stop());

async function signInAsMaria(viewport?: { width: number; height: number }) {
  const { page, errors } = await harness.openApp(viewport);
  page.setDefaultTimeout(WAIT.timeout);
  await page.locator('input[name=email]').fill(MARIA.email);
  await page.locator('input[name=password]').fill(MARIA.password);
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.getByTestId('org-name').waitFor(WAIT);
  return { page, errors };
}

const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

async function toEnglish(page: Page) {
  await page.getByTestId('lang-switch').getByText('EN').click();
}

describe('the bell and the week in the browser', () => {
  it('hands a case over on Today and the new owner sees it in the bell (1280 px)', async () => {
    const kase = await api<{ id: string; publicRef: string }>('POST', '/api/v1/cases', {
      title: 'Не пришла накладная',
      ownerId: adminId,
    });
    const admin = await harness.openApp();
    admin.page.setDefaultTimeout(WAIT.timeout);
    await signIn(admin.page);
    await admin.page.waitForURL(/\/today$/, WAIT);
    const card = admin.page.getByTestId('today-case').filter({ hasText: kase.json.publicRef });
    await card.getByRole('combobox', { name: 'Передать' }).click();
    await admin.page.getByRole('option', { name: MARIA.name }).click();
    await card.waitFor({ state: 'detached', ...WAIT });

    const { page, errors } = await signInAsMaria();
    const count = page.getByTestId('bell-count');
    await expect.poll(() => count.textContent(), WAIT).toContain('1');
    await page.getByTestId('bell').click();
    const item = page.getByTestId('bell-item').first();
    await item.waitFor(WAIT);
    expect(await item.textContent()).toContain(
      `Administrator передал(а) вам обращение ${kase.json.publicRef} «Не пришла накладная»`,
    );
    await page.screenshot({ path: `${SCREENSHOTS}/bell-desktop-ru.png` });
    await item.click();
    await page.waitForURL(new RegExp(`/cases/${kase.json.id}$`), WAIT);
    await page.getByTestId('bell').waitFor(WAIT);
    const bell = await api<{ unread: number }>('GET', '/api/v1/me/notifications');
    expect(bell.status).toBe(403); // an API key has no bell: only Maria reads hers
    await page.getByTestId('bell').click();
    await expect.poll(() => page.locator('[data-unread=true]').count(), WAIT).toBe(0);
    await toEnglish(page); // a click outside: the list closes
    await page.getByTestId('bell').click();
    await page.getByText(`Administrator assigned you case ${kase.json.publicRef}`).waitFor(WAIT);
    await page.screenshot({ path: `${SCREENSHOTS}/bell-desktop-en.png` });
    expect(errors).toEqual([]);
    expect(admin.errors).toEqual([]);
  }, 90_000);

  it('shows the week to the CX lead, and its numbers open their lists (1280 px)', async () => {
    const { page, errors } = await harness.openApp();
    page.setDefaultTimeout(WAIT.timeout);
    await signIn(page);
    const card = page.getByTestId('week-moves');
    await card.getByText('Что изменилось за неделю').waitFor(WAIT);
    const nps = card.getByTestId('moves-nps');
    await nps.getByText('6 ответов').waitFor(WAIT);
    expect(await nps.textContent()).toContain('Слишком мало ответов');
    await page.screenshot({ path: `${SCREENSHOTS}/week-moves-desktop-ru.png`, fullPage: true });
    await card.getByTestId('moves-nps-link').click();
    await page.waitForURL(/\/feedback\?/, WAIT);
    await expect.poll(() => page.getByTestId('drill-count').textContent(), WAIT).toContain('6');
    await page.goBack();
    const opened = Number(await card.getByTestId('moves-opened-link').textContent());
    expect(opened).toBeGreaterThanOrEqual(3); // two detractors' cases and the one handed over
    await card.getByTestId('moves-opened-link').click();
    await page.waitForURL(/\/cases\/list\?openedFrom=/, WAIT);
    await expect
      .poll(() => page.getByTestId('case-list-count').textContent(), WAIT)
      .toContain(String(opened));
    await page.goBack();
    await toEnglish(page);
    await card.getByText('What moved this week').waitFor(WAIT);
    await page.screenshot({ path: `${SCREENSHOTS}/week-moves-desktop-en.png`, fullPage: true });
    expect(errors).toEqual([]);
  }, 90_000);

  it('reads on a phone: the bell and its count, the week card (390 px)', async () => {
    const kase = await api<{ publicRef: string }>('POST', '/api/v1/cases', {
      title: 'Очень длинное название обращения о задержке поставки оборудования',
      ownerId: mariaId,
    });
    const { page, errors } = await signInAsMaria(PHONE);
    await expect.poll(() => page.getByTestId('bell-count').textContent(), WAIT).toContain('1');
    await page.getByTestId('bell').click();
    await page.getByTestId('bell-item').first().waitFor(WAIT);
    expect(await page.getByTestId('bell-item').first().textContent()).toContain(
      `Вам назначено обращение ${kase.json.publicRef}`,
    );
    await page.screenshot({ path: `${SCREENSHOTS}/bell-phone-ru.png` });
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.getByTestId('bell-read-all').click();
    await expect.poll(() => page.locator('[data-unread=true]').count(), WAIT).toBe(0);
    await toEnglish(page);
    await page.getByTestId('bell').click();
    await page.getByText('You were assigned case', { exact: false }).first().waitFor(WAIT);
    await page.screenshot({ path: `${SCREENSHOTS}/bell-phone-en.png` });

    const lead = await harness.openApp(PHONE);
    lead.page.setDefaultTimeout(WAIT.timeout);
    await signIn(lead.page);
    await lead.page.getByTestId('week-moves').getByTestId('moves-nps').waitFor(WAIT);
    await lead.page.getByTestId('week-moves').scrollIntoViewIfNeeded();
    await lead.page.screenshot({ path: `${SCREENSHOTS}/week-moves-phone-ru.png`, fullPage: true });
    expect(await overflow(lead.page)).toBeLessThanOrEqual(0);
    await toEnglish(lead.page);
    await lead.page.getByText('What moved this week').waitFor(WAIT);
    await lead.page.screenshot({ path: `${SCREENSHOTS}/week-moves-phone-en.png`, fullPage: true });
    expect(errors).toEqual([]);
    expect(lead.errors).toEqual([]);
  }, 90_000);
});
