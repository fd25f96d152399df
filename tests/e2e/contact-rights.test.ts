// Data-subject rights in the browser (issue 19): an admin opens a contact's data dialog on the
// client card, downloads the export (JSON and the readable page), erases the contact after the
// confirmation that names what goes, and the card shows an erased contact — on a desktop and a
// phone; the exported page itself is looked at in both widths too.
import { readFile } from 'node:fs/promises';
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

async function download(page: Page, name: string): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name }).click(),
  ]);
  return readFile((await file.path())!, 'utf8');
}

describe('a contact’s data in the browser', () => {
  it.each([
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ])('exports and erases a contact on a %s', async (name, viewport) => {
    const email = `anna.${name}@example.ru`;
    const posted = await api<{ id: string }>('POST', '/api/v1/feedback', {
      client: { externalId: `dsr-${name}`, name: `ООО «Данные» ${name}` },
      contact: { email, name: 'Анна Секретова', language: 'ru' },
      score: { type: 'nps', value: 8 },
      text: 'Мой личный отзыв о доставке',
    });
    expect(posted.status).toBe(201);
    const record = await api<{ clientId: string }>('GET', `/api/v1/feedback/${posted.json.id}`);
    const { page, errors } = await openSignedIn(
      harness,
      viewport,
      `/clients/${record.json.clientId}?tab=contacts`,
    );
    await page.getByTestId('contact-data').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Данные контакта: Анна Секретова').waitFor(WAIT);
    await dialog.getByRole('link', { name: 'Выгрузить JSON' }).waitFor(WAIT);
    await page.screenshot({
      path: `${SCREENSHOTS}/contact-data-${viewport.width}.png`,
      animations: 'disabled',
    });

    const json = JSON.parse(await download(page, 'Выгрузить JSON'));
    expect(json.contact.email).toBe(email);
    const feedback = json.sections.find((s: { key: string }) => s.key === 'feedback');
    expect(feedback.items[0].text).toBe('Мой личный отзыв о доставке');
    const html = await download(page, 'Выгрузить страницу (HTML)');
    expect(html).toContain('Данные о контакте: Анна Секретова');

    // The exported page, as the person would read it.
    const { page: viewer } = await harness.openApp(viewport);
    await viewer.setContent(html);
    expect(await overflowOf(viewer)).toBeLessThanOrEqual(0);
    await viewer.screenshot({
      path: `${SCREENSHOTS}/contact-export-page-${viewport.width}.png`,
      fullPage: true,
    });

    await dialog.getByRole('button', { name: 'Удалить персональные данные…' }).click();
    await dialog.getByText('Будут удалены безвозвратно:').waitFor(WAIT);
    expect(await dialog.textContent()).toContain(email);
    await page.screenshot({
      path: `${SCREENSHOTS}/contact-erase-confirm-${viewport.width}.png`,
      animations: 'disabled',
    });
    await dialog.getByRole('button', { name: 'Удалить навсегда' }).click();
    await page.getByText('Персональные данные контакта удалены').waitFor(WAIT);
    await page.getByText('Удалённый контакт').first().waitFor(WAIT);
    // Erased means never written to again: no "re-subscribe" offered.
    expect(await page.getByTestId('unsubscribed-badge').count()).toBe(0);
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SCREENSHOTS}/contact-erased-${viewport.width}.png` });

    const after = await api<{ text: string | null; score: { value: number } }>(
      'GET',
      `/api/v1/feedback/${posted.json.id}`,
    );
    expect(after.json.text).toBeNull();
    expect(after.json.score.value).toBe(8);
    expect(errors).toEqual([]);
  });

  it('sets the retention of texts on the organisation page, on a phone', async () => {
    const { page, errors } = await openSignedIn(harness, PHONE, '/settings/organisation');
    const panel = page.getByTestId('retention-panel');
    await panel.getByText('Срок хранения текстов').waitFor(WAIT);
    await panel.locator('input[name=textMonths]').fill('24');
    await panel.getByRole('button', { name: 'Сохранить' }).click();
    await expect
      .poll(
        async () =>
          (await api<{ textMonths: number | null }>('GET', '/api/v1/settings/retention')).json
            .textMonths,
        WAIT,
      )
      .toBe(24);
    await panel.scrollIntoViewIfNeeded();
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SCREENSHOTS}/retention-390.png` });
    expect(errors).toEqual([]);
  });
});
