// Opportunities and decision makers in the browser (issue 17): open a client card, open the
// Opportunities tab, see the suggestion from a similar client, add an opportunity by hand and
// move it to "offered" — on a phone (390 px, nothing wider than the screen) and a desktop; roles
// of two contacts at once; the care inbox's decision-maker reminder with its role coverage.
import type { Page } from 'playwright-core';
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
const DESKTOP = { width: 1280, height: 800 };

let harness: Harness;
let api: ApiCall;

beforeAll(async () => {
  harness = await startHarness();
  api = await apiClientFor(harness);
}, 60_000);
afterEach(() => harness.closePages());
afterAll(async () => harness?.stop());

const overflowOf = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('opportunities on the client card', () => {
  it.each([
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ])('opens the tab and adds an opportunity on a %s', async (name, viewport) => {
    const segment = `Розница ${name}`;
    const client = await api<{ id: string }>('POST', '/api/v1/clients', {
      name: `ООО «Альфа» ${name}`,
      segment,
    });
    const peer = await api<{ id: string }>('POST', '/api/v1/clients', {
      name: `ООО «Бета» ${name}`,
      segment,
    });
    const today = new Date().toISOString().slice(0, 10);
    const sale = await api('POST', '/api/v1/transactions', {
      externalId: `doc-${name}`,
      clientId: peer.json.id,
      kind: 'sale',
      date: today,
      amount: 42000,
      product: 'Сервисный контракт',
    });
    expect(sale.status).toBe(201);

    const { page, errors } = await openSignedIn(harness, viewport, `/clients/${client.json.id}`);
    await page.getByRole('tab', { name: 'Возможности' }).click();
    await expect.poll(() => page.url()).toContain('tab=opportunities');
    const suggestion = page.getByTestId('suggestion');
    await suggestion.first().waitFor(WAIT);
    expect(await suggestion.first().textContent()).toContain('Сервисный контракт');

    await page.getByTestId('opportunity-add').click();
    await page.getByLabel('Продукт или услуга').fill('Обучение персонала');
    await page.getByLabel('Оценка, ₽').fill('150000');
    await page.getByRole('button', { name: 'Добавить', exact: true }).click();
    const card = page.getByTestId('opportunity').filter({ hasText: 'Обучение персонала' });
    await card.waitFor(WAIT);
    expect(await card.textContent()).toContain('Идея');

    await card.getByRole('button', { name: 'Перевести в: Предложено' }).click();
    await expect.poll(async () => card.textContent(), WAIT).toContain('Предложено');

    const list = await api<{ items: { product: string; stage: string; value: number }[] }>(
      'GET',
      `/api/v1/clients/${client.json.id}/opportunities`,
    );
    expect(list.json.items).toMatchObject([
      { product: 'Обучение персонала', stage: 'offered', value: 150000 },
    ]);
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SCREENSHOTS}/opportunities-${name}.png`, fullPage: true });
    expect(errors).toEqual([]);
  });

  it('gives two contacts the decision-maker role at once, on a phone', async () => {
    const client = await api<{ id: string }>('POST', '/api/v1/clients', { name: 'ООО «Роли»' });
    const contact = async (name: string) =>
      (await api<{ id: string }>('POST', `/api/v1/clients/${client.json.id}/contacts`, { name }))
        .json.id;
    const ids = [await contact('Иван Петров'), await contact('Ольга Смирнова')];
    const { page, errors } = await openSignedIn(
      harness,
      PHONE,
      `/clients/${client.json.id}?tab=contacts`,
    );
    const bulk = page.getByTestId('bulk-roles');
    await bulk.waitFor(WAIT);
    await bulk.getByLabel('Контакты').click();
    await page.getByRole('option', { name: 'Иван Петров' }).click();
    await page.getByRole('option', { name: 'Ольга Смирнова' }).click();
    await page.keyboard.press('Escape'); // the list stays open for more choices
    await bulk.getByLabel('Роль').click();
    await page.getByRole('option', { name: 'Принимает решения' }).click();
    await bulk.getByRole('button', { name: 'Добавить роль' }).click();
    await expect
      .poll(async () => {
        const roles = [];
        for (const id of ids)
          roles.push((await api<{ roles: string[] }>('GET', `/api/v1/contacts/${id}`)).json.roles);
        return roles;
      }, WAIT)
      .toEqual([['decision_maker'], ['decision_maker']]);
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
  });

  it('the care inbox reminds about a key client without a decision maker, with its role coverage', async () => {
    const client = await api<{ id: string }>('POST', '/api/v1/clients', {
      name: 'ООО «Ключевой»',
      strategicFit: 90,
    });
    await api('POST', `/api/v1/clients/${client.json.id}/contacts`, {
      name: 'Анна',
      roles: ['influencer'],
    });
    const { page, errors } = await openSignedIn(harness, PHONE, '/care');
    const group = page.getByTestId('reminders-decision_maker_missing');
    await group.waitFor(WAIT);
    const row = group.getByTestId('reminder').filter({ hasText: 'ООО «Ключевой»' });
    const badges = row.getByTestId('coverage');
    await expect.poll(async () => badges.textContent(), WAIT).toContain('ЛПР: нет');
    // The influencer is a contact, never touched: silent.
    expect(await badges.textContent()).toContain('Влияющий: молчит 6 мес.');
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SCREENSHOTS}/care-coverage-phone.png`, fullPage: true });
    expect(errors).toEqual([]);
  });
});
