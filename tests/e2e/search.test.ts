// Finding things (issue 21) in Chromium at 1280 and 390 px: Ctrl+K opens the palette from any
// page (a button does on a phone), typing finds a case, a contact by its phone in another
// format, and a record by its text; Enter opens the case. A saved view of the feedback list
// survives a reload and applies its filters; a filter the list no longer knows is left out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  apiClientFor,
  openSignedIn,
  SCREENSHOTS,
  startHarness,
  WAIT,
  type ApiCall,
  type Harness,
} from './harness.ts';

let harness: Harness;
let api: ApiCall;
let caseId: string;

beforeAll(async () => {
  harness = await startHarness();
  api = await apiClientFor(harness);
  const client = await api<{ id: string }>('POST', '/api/v1/clients', {
    name: 'ООО «Ромашка»',
    inn: '7701234567',
  });
  await api('POST', `/api/v1/clients/${client.json.id}/contacts`, {
    name: 'Иван Петров',
    email: 'ivan@romashka.ru',
    phone: '+7 (912) 345-67-89',
  });
  await api('POST', '/api/v1/feedback', {
    channel: 'email',
    clientId: client.json.id,
    text: 'Курьер опоздал на два часа, коробка помята',
  });
  const made = await api<{ id: string }>('POST', '/api/v1/cases', {
    title: 'Возврат заказа № 42',
    clientId: client.json.id,
  });
  expect(made.status).toBe(201);
  caseId = made.json.id;
}, 120_000);

afterAll(async () => harness?.stop());

const VIEWPORTS = [
  ['desktop', { width: 1280, height: 800 }],
  ['phone', { width: 390, height: 844 }],
] as const;

async function typeInPalette(page: Page, text: string) {
  const input = page.getByTestId('global-search-input');
  await input.fill(text);
}

describe('global search', () => {
  for (const [name, viewport] of VIEWPORTS)
    it(`opens with Ctrl+K, finds every kind and opens a case (${name})`, async () => {
      const { page, errors } = await openSignedIn(harness, viewport, '/feedback');
      await page.getByTestId('org-name').waitFor(WAIT);
      if (name === 'phone') {
        // No keyboard on a phone: the header's search button.
        await page.getByTestId('search-open-phone').click();
        await page.getByTestId('global-search-input').waitFor(WAIT);
        await page.keyboard.press('Escape');
        await expect.poll(() => page.getByTestId('global-search-input').count(), WAIT).toBe(0);
      }
      await page.keyboard.press('Control+k');
      await typeInPalette(page, '8 912 345 67 89');
      const contact = page.getByTestId('search-result-contacts');
      await expect.poll(() => contact.first().innerText(), WAIT).toContain('Иван Петров');
      await expect
        .poll(() => page.getByTestId('search-result-clients').first().innerText(), WAIT)
        .toContain('ООО «Ромашка»');
      await typeInPalette(page, 'ПОМЯТА');
      await expect
        .poll(() => page.getByTestId('search-result-feedback').first().innerText(), WAIT)
        .toContain('коробка помята');
      await typeInPalette(page, 'возврат');
      await expect
        .poll(() => page.getByTestId('search-result-cases').first().innerText(), WAIT)
        .toContain('Возврат заказа № 42');
      await expect.poll(() => page.getByTestId('search-result-feedback').count(), WAIT).toBe(0);
      await page.screenshot({ path: `${SCREENSHOTS}/search-palette-${name}-ru.png` });
      await page.keyboard.press('Enter');
      await expect.poll(() => new URL(page.url()).pathname, WAIT).toBe(`/cases/${caseId}`);
      await page.getByRole('heading', { name: 'Возврат заказа № 42' }).waitFor(WAIT);

      // The same palette in English.
      await page.getByTestId('lang-switch').getByText('EN').click();
      await page.keyboard.press('Control+k');
      await typeInPalette(page, 'ромашка');
      await expect
        .poll(() => page.getByTestId('search-result-clients').first().innerText(), WAIT)
        .toContain('ООО «Ромашка»');
      await page.getByRole('group', { name: 'Clients' }).waitFor(WAIT);
      await page.screenshot({ path: `${SCREENSHOTS}/search-palette-${name}-en.png` });
      await typeInPalette(page, 'zzzz-nothing');
      await page.getByTestId('global-search-empty').waitFor(WAIT);
      expect(errors).toEqual([]);
    });
});

describe('saved views', () => {
  for (const [name, viewport] of VIEWPORTS)
    it(`saves the feedback list's filters, keeps them over a reload, applies them (${name})`, async () => {
      const { page, errors } = await openSignedIn(
        harness,
        viewport,
        '/feedback?channel=email&hasCase=false',
      );
      await page.getByTestId('saved-view-save').click();
      await page.getByTestId('saved-view-name').fill(`Почта без обращения ${name}`);
      await page.getByRole('button', { name: 'Сохранить вид' }).last().click();
      await expect.poll(() => page.getByTestId('saved-view-name').count(), WAIT).toBe(0);

      // A view saved before a filter was dropped from the list: applied without that filter.
      const session = (await (
        await page.request.get(`${harness.baseUrl}/api/v1/auth/session`)
      ).json()) as {
        csrfToken: string;
      };
      const old = await page.request.post(`${harness.baseUrl}/api/v1/saved-views`, {
        data: {
          list: 'feedback',
          name: `Старый ${name}`,
          filters: { channel: 'phone', retiredFilter: 'x' },
        },
        headers: { 'x-csrf-token': session.csrfToken },
      });
      expect(old.status()).toBe(201);

      await page.goto(`${harness.baseUrl}/feedback`);
      await page.reload();
      await page.getByTestId('saved-views-menu').click();
      await page.getByRole('menuitem', { name: `Почта без обращения ${name}` }).click();
      await expect
        .poll(() => new URL(page.url()).searchParams.toString(), WAIT)
        .toBe('channel=email&hasCase=false');
      await expect.poll(() => page.getByLabel('Канал').inputValue(), WAIT).toBe('email');
      await page.screenshot({ path: `${SCREENSHOTS}/saved-views-${name}-ru.png` });

      await page.getByTestId('saved-views-menu').click();
      await page.getByRole('menuitem', { name: `Старый ${name}` }).click();
      await expect
        .poll(() => new URL(page.url()).searchParams.toString(), WAIT)
        .toBe('channel=phone');
      await page.getByText('retiredFilter', { exact: false }).waitFor(WAIT);

      await page.getByTestId('lang-switch').getByText('EN').click();
      await page.getByRole('button', { name: 'Saved views ▾' }).click();
      await page
        .getByRole('menuitem', { name: `Почта без обращения ${name}` })
        .waitFor({ state: 'visible', ...WAIT });
      await page.screenshot({ path: `${SCREENSHOTS}/saved-views-${name}-en.png` });
      expect(errors).toEqual([]);
    });

  for (const [name, viewport] of VIEWPORTS)
    it(`keeps the case board's new filters in a view (${name})`, async () => {
      const { page, errors } = await openSignedIn(harness, viewport, '/cases?priority=normal');
      await expect.poll(() => page.getByTestId('board-card').count(), WAIT).toBeGreaterThan(0);
      await page.getByTestId('saved-view-save').click();
      await page.getByTestId('saved-view-name').fill(`Обычные ${name}`);
      await page.getByRole('button', { name: 'Сохранить вид' }).last().click();
      await expect.poll(() => page.getByTestId('saved-view-name').count(), WAIT).toBe(0);
      await page.goto(`${harness.baseUrl}/cases?priority=urgent`);
      await expect.poll(() => page.getByTestId('board-card').count(), WAIT).toBe(0);
      await page.reload();
      await page.getByTestId('saved-views-menu').click();
      await page.getByRole('menuitem', { name: `Обычные ${name}` }).click();
      await expect
        .poll(() => new URL(page.url()).searchParams.toString(), WAIT)
        .toBe('priority=normal');
      await expect.poll(() => page.getByTestId('board-card').count(), WAIT).toBeGreaterThan(0);
      await expect.poll(() => page.getByTestId('board-priority').inputValue(), WAIT).toBe('normal');
      await page.screenshot({ path: `${SCREENSHOTS}/saved-views-board-${name}-ru.png` });
      expect(errors).toEqual([]);
    });
});
