// Issue 21's layout leftovers. On a phone the message templates are cards whose "Edit" is on the
// screen (the table scrolled sideways and hid it); on a desktop they stay a table. The audit log
// says what happened to a case in words with the case's reference as a link — "Изменено
// обращение CL-…" / "Case updated: CL-…", "Обращение CL-…" as the target — never the old
// "Обращение открыть" (a noun and an infinitive), in Russian and in English, at 390 and 1280 px.
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
let caseId: string;
let caseRef: string;

beforeAll(async () => {
  harness = await startHarness();
  api = await apiClientFor(harness);
  const opened = await api<{ id: string; publicRef: string }>('POST', '/api/v1/cases', {
    title: 'Сорвана доставка',
  });
  expect(opened.status).toBe(201);
  caseId = opened.json.id;
  caseRef = opened.json.publicRef;
  expect(caseRef).toMatch(/^CL-/);
  expect((await api('PATCH', `/api/v1/cases/${caseId}`, { status: 'in_progress' })).status).toBe(
    200,
  );
}, 60_000);

afterAll(async () => harness?.stop());

const overflowOf = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

async function inLanguage(page: Page, lang: 'ru' | 'en', path: string) {
  await page.evaluate((l) => localStorage.setItem('cl.lang', l), lang);
  await page.goto(`${harness.baseUrl}${path}`);
}

describe('message templates on a phone', () => {
  for (const lang of ['ru', 'en'] as const)
    it(`are cards with their edit button on the screen (${lang})`, async () => {
      const { page, errors } = await openSignedIn(harness, PHONE, '/settings/templates');
      await inLanguage(page, lang, '/settings/templates');
      const rows = page.getByTestId('template-row');
      await rows.first().waitFor(WAIT);
      expect(await page.getByRole('main').locator('table').count()).toBe(0);
      const edit = lang === 'ru' ? 'Изменить' : 'Edit';
      const count = await rows.count();
      expect(count).toBeGreaterThan(10);
      for (let i = 0; i < count; i++) {
        const box = await rows.nth(i).getByRole('button', { name: edit }).boundingBox();
        expect(box).not.toBeNull();
        expect(box!.x).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
      }
      expect(await overflowOf(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `${SCREENSHOTS}/templates-cards-${lang}.png`, fullPage: true });
      // Edit opens the editor from a card.
      await rows.first().getByRole('button', { name: edit }).click();
      await page.getByRole('dialog').locator('input[name=subject]').waitFor(WAIT);
      expect(errors).toEqual([]);
    });

  it('stay a table on a desktop', async () => {
    const { page, errors } = await openSignedIn(harness, DESKTOP, '/settings/templates');
    await page.getByTestId('template-row').first().waitFor(WAIT);
    expect(await page.locator('tr[data-testid=template-row]').count()).toBeGreaterThan(10);
    expect(errors).toEqual([]);
  });
});

describe('the audit log names the case', () => {
  const WORDS = {
    ru: {
      updated: `Изменено обращение ${'REF'}`,
      target: 'Обращение REF',
      filter: 'Изменено обращение',
    },
    en: { updated: 'Case updated: REF', target: 'Case REF', filter: 'Case updated' },
  };
  for (const lang of ['ru', 'en'] as const)
    for (const [name, viewport] of [
      ['phone', PHONE],
      ['desktop', DESKTOP],
    ] as const)
      it(`"${WORDS[lang].updated}" with a link to the case (${lang}, ${name})`, async () => {
        const { page, errors } = await openSignedIn(harness, viewport, '/settings/audit');
        await inLanguage(page, lang, '/settings/audit');
        const words = WORDS[lang];
        const row = page.getByTestId('audit-row').filter({ hasText: caseRef }).first();
        await row.waitFor(WAIT);
        const text = (await row.innerText()).replace(/\s+/g, ' ');
        expect(text).toContain(words.updated.replace('REF', caseRef));
        expect(text).toContain(words.target.replace('REF', caseRef));
        // The old wording: the target's kind and an infinitive link.
        expect(text).not.toMatch(/открыть|\bopen\b/i);
        const links = row.getByRole('link', { name: caseRef });
        expect(await links.count()).toBe(2);
        for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href'))))
          expect(href).toBe(`/cases/${caseId}`);
        // Every entry about a case links to it.
        const caseRows = page.getByTestId('audit-row').filter({ hasText: words.filter });
        const n = await caseRows.count();
        expect(n).toBeGreaterThan(0);
        for (let i = 0; i < n; i++)
          expect(await caseRows.nth(i).locator(`a[href="/cases/${caseId}"]`).count()).toBe(2);
        if (name === 'phone') expect(await overflowOf(page)).toBeLessThanOrEqual(0);
        await page.screenshot({ path: `${SCREENSHOTS}/audit-case-${lang}-${name}.png` });
        // The link opens the case.
        await row.getByRole('link', { name: caseRef }).first().click();
        await page.waitForURL(`**/cases/${caseId}`, WAIT);
        expect(errors).toEqual([]);
      });
});
