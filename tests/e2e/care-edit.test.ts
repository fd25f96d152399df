// Editing client care in the browser: a requirement edited on its card becomes version 2 (and a
// bad edit shows a translated error), an important date and a contact's preferences are edited in
// place, and the cross-client requirement search finds what was written — on a phone and a desktop.
import type { Page } from 'playwright-core';
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

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

let harness: Harness;
let api: ApiCall;

beforeAll(async () => {
  harness = await startHarness();
  api = await apiClientFor(harness);
}, 60_000);

afterAll(async () => harness?.stop());

const overflowOf = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

async function newClient(name: string): Promise<string> {
  const client = await api<{ id: string }>('POST', '/api/v1/clients', { name });
  expect(client.status).toBe(201);
  return client.json.id;
}

describe('editing client care in the browser', () => {
  it('edits a requirement into version 2 and shows a translated error for a bad edit, on a phone', async () => {
    const clientId = await newClient('АО «Химпром»');
    const added = await api('POST', `/api/v1/clients/${clientId}/requirements`, {
      category: 'delivery',
      text: 'Доставка до 12:00',
    });
    expect(added.status).toBe(201);
    const { page, errors } = await openSignedIn(
      harness,
      PHONE,
      `/clients/${clientId}?tab=requirements`,
    );
    const card = page.getByTestId('requirement').filter({ hasText: 'Доставка до 12:00' });
    await card.getByRole('button', { name: 'Изменить' }).click();
    const form = page.getByTestId('requirement-edit');
    await form
      .locator('textarea[name=requirement-text]')
      .fill('Доставка только до 10:00, въезд со двора');
    await form.locator('select[name=requirement-category]').selectOption('packaging');
    await form.getByRole('button', { name: 'Сохранить новую версию' }).click();

    const edited = page.getByTestId('requirement').filter({ hasText: 'въезд со двора' });
    await edited.getByRole('button', { name: 'История изменений (2)' }).click();
    await edited.getByText('Версия 2').waitFor(WAIT);
    expect(await edited.textContent()).toContain('Упаковка');
    // the version's status is a translated word, not the stored 'active'
    expect(await edited.getByTestId('requirement-version').first().textContent()).toMatch(
      /\(активно\)$/,
    );
    await page.screenshot({
      path: `${SCREENSHOTS}/care-edit-requirement-phone.png`,
      fullPage: true,
    });

    // Effective from after effective to: the server refuses; the message is ours, in Russian.
    await edited.getByRole('button', { name: 'Изменить' }).click();
    await form.getByLabel('Действует с').fill('2026-12-31');
    await form.getByLabel('Действует по').fill('2026-01-01');
    await form.getByRole('button', { name: 'Сохранить новую версию' }).click();
    await form.getByTestId('error-alert').waitFor(WAIT);
    expect(await form.getByTestId('error-alert').textContent()).toBe(
      'Проверьте правильность заполнения полей.',
    );
    await form.getByText('Проверьте это поле').waitFor(WAIT);
    await page.screenshot({
      path: `${SCREENSHOTS}/care-edit-requirement-error-phone.png`,
      fullPage: true,
    });
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
    // the failed request is the only console noise allowed
    expect(errors.filter((e) => !e.includes('422') && !e.includes('400'))).toEqual([]);
  }, 30_000);

  it('edits an important date and a contact’s preferences on a desktop', async () => {
    const clientId = await newClient('ООО «Вектор»');
    const contact = await api<{ id: string }>('POST', `/api/v1/clients/${clientId}/contacts`, {
      name: 'Ольга Петрова',
    });
    await api('POST', `/api/v1/clients/${clientId}/dates`, {
      kind: 'custom',
      date: '2020-03-15',
      recurring: true,
      title: 'Годовщина договора',
    });
    const { page, errors } = await openSignedIn(harness, DESKTOP, `/clients/${clientId}?tab=dates`);
    await page
      .getByTestId('date')
      .filter({ hasText: 'Годовщина договора' })
      .getByRole('button', { name: 'Изменить' })
      .click();
    const form = page.getByTestId('date-edit');
    await form.locator('input[name=date-title]').fill('Продление договора поставки');
    await form.locator('input[name=date-date]').fill('2027-04-01');
    await form.getByLabel('Повторять каждый год').uncheck();
    await page.screenshot({ path: `${SCREENSHOTS}/care-edit-date-desktop.png`, fullPage: true });
    await form.getByRole('button', { name: 'Сохранить' }).click();
    const date = page.getByTestId('date').filter({ hasText: 'Продление договора поставки' });
    await date.waitFor(WAIT);
    expect(await date.textContent()).toContain('Один раз');
    expect(await date.textContent()).toContain('2027-04-01');
    const stored = await api<{ items: { title: string; recurring: boolean; date: string }[] }>(
      'GET',
      `/api/v1/clients/${clientId}/dates`,
    );
    expect(stored.json.items).toMatchObject([
      { title: 'Продление договора поставки', recurring: false, date: '2027-04-01' },
    ]);

    await page.getByRole('tab', { name: 'Контакты' }).click();
    await page.getByTestId('contact-row').getByRole('button', { name: 'Предпочтения…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('select[name=preferredChannel]').selectOption('messenger');
    await dialog.locator('input[name=preferredTime]').fill('после 15:00');
    await dialog.locator('textarea[name=preferences]').fill('Пишет в Telegram, звонить не любит');
    await page.screenshot({ path: `${SCREENSHOTS}/care-edit-contact-desktop.png`, fullPage: true });
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    const row = page.getByTestId('contact-row');
    await row.getByText('Мессенджер · после 15:00', { exact: false }).waitFor(WAIT);
    const saved = await api<{
      preferredChannel: string;
      preferredTime: string;
      preferences: string;
    }>('GET', `/api/v1/contacts/${contact.json.id}`);
    expect(saved.json).toMatchObject({
      preferredChannel: 'messenger',
      preferredTime: 'после 15:00',
      preferences: 'Пишет в Telegram, звонить не любит',
    });

    // Below 576 px the table becomes stacked cards with the same action, and nothing scrolls sideways.
    await page.setViewportSize(PHONE);
    const card = page.getByTestId('contact-card').filter({ hasText: 'Ольга Петрова' });
    await card.getByRole('button', { name: 'Предпочтения…' }).click();
    await page.getByRole('dialog').locator('input[name=preferredTime]').waitFor(WAIT);
    expect(await page.getByTestId('contact-row').count()).toBe(0);
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
  }, 30_000);

  it('finds requirements across clients from the navigation, on a phone and a desktop', async () => {
    const a = await newClient('ООО «Лакокраска»');
    const b = await newClient('ИП Смирнов');
    await api('POST', `/api/v1/clients/${a}/requirements`, {
      category: 'packaging',
      text: 'Только ёмкости по 20 л',
      product: 'Эмаль ПФ-115',
    });
    await api('POST', `/api/v1/clients/${b}/requirements`, {
      category: 'documents',
      text: 'Паспорт качества на каждую партию',
    });
    const { page, errors } = await openSignedIn(harness, PHONE, '/');
    await page.getByTestId('nav-burger').click();
    await page.getByRole('link', { name: 'Требования клиентов' }).click();
    await page.waitForURL(/\/requirements/);
    await page.locator('input[name=q]').fill('ЕМКОСТИ');
    await page.getByTestId('requirement-count').filter({ hasText: 'Найдено: 1' }).waitFor(WAIT);
    expect(await page.getByTestId('requirement-hit').count()).toBe(1);
    expect(await page.getByTestId('requirement-hit').textContent()).toContain('ООО «Лакокраска»');
    expect(page.url()).toContain('q=%D0%95%D0%9C%D0%9A%D0%9E%D0%A1%D0%A2%D0%98');
    await page.screenshot({
      path: `${SCREENSHOTS}/care-requirement-search-phone.png`,
      fullPage: true,
    });
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);

    await page.setViewportSize(DESKTOP);
    await page.getByText('Снятые').click();
    await page
      .getByTestId('requirement-count')
      .filter({ hasText: 'Ничего не найдено.' })
      .waitFor(WAIT);
    await page.getByText('Активные').click();
    await page.locator('input[name=q]').fill('паспорт качества');
    await page.getByTestId('requirement-hit').filter({ hasText: 'ИП Смирнов' }).waitFor(WAIT);
    await page.getByTestId('requirement-count').filter({ hasText: 'Найдено: 1' }).waitFor(WAIT);
    expect(page.url()).toContain('status=active');
    await page.screenshot({
      path: `${SCREENSHOTS}/care-requirement-search-desktop.png`,
      fullPage: true,
    });
    await page.getByRole('link', { name: 'ИП Смирнов' }).click();
    await page.getByTestId('requirement').filter({ hasText: 'Паспорт качества' }).waitFor(WAIT);
    expect(errors).toEqual([]);
  }, 30_000);
});
