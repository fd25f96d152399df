// Closing cases in bulk (issue 21), in Chromium at 1280 and 390 px: select cases on the board
// with their checkboxes, assign them to a person, resolve them with a resolution code (the
// clients not told), and see the count by code under the board with its drill-down listing
// exactly those cases. Screenshots of the board, the bulk bar and the codes' settings, ru and en.
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

let harness: Harness;
let api: ApiCall;
type Case = { id: string; title: string; ownerId: string | null; status: string };
type CaseState = Case & { resolutionCode: string | null };

beforeAll(async () => {
  harness = await startHarness();
  api = await apiClientFor(harness);
}, 120_000);
afterAll(async () => harness?.stop());

async function openCases(prefix: string): Promise<Case[]> {
  const out: Case[] = [];
  for (const n of [1, 2, 3]) {
    const res = await api<Case>('POST', '/api/v1/cases', { title: `${prefix} ${n}` });
    expect(res.status).toBe(201);
    out.push(res.json);
  }
  return out;
}

const read = async (id: string) => (await api<CaseState>('GET', `/api/v1/cases/${id}`)).json;

async function select(page: Page, titles: string[]) {
  for (const title of titles) await page.getByLabel(`Выбрать «${title}»`).check();
  await expect
    .poll(() => page.getByTestId('bulk-count').innerText(), WAIT)
    .toContain(String(titles.length));
}

describe('bulk actions on the case board', () => {
  for (const [name, viewport, codeName, code] of [
    ['desktop', { width: 1280, height: 900 }, 'Решено: исправили', 'fixed'],
    ['phone', { width: 390, height: 844 }, 'Дубликат', 'duplicate'],
  ] as const)
    it(`assigns and resolves selected cases, then counts them by code (${name})`, async () => {
      const cases = await openCases(name === 'desktop' ? 'Доставка' : 'Счёт');
      const chosen = cases.slice(0, 2);
      const titles = chosen.map((c) => c.title);
      const { page, errors } = await openSignedIn(harness, viewport, '/cases');
      await page.getByText(titles[0]!).waitFor(WAIT);

      await select(page, titles);
      const bar = page.getByTestId('bulk-bar');
      await bar.locator('select[name=bulkOwner]').selectOption({ label: 'Administrator' });
      await page.screenshot({ path: `${SCREENSHOTS}/case-bulk-assign-${name}.png` });
      await bar.getByRole('button', { name: 'Применить' }).click();
      await bar.waitFor({ state: 'detached', ...WAIT });
      const owners = await Promise.all(chosen.map(async (c) => (await read(c.id)).ownerId));
      expect(owners[0]).toBeTruthy();
      expect(owners).toEqual([owners[0], owners[0]]);
      expect((await read(cases[2]!.id)).ownerId).toBeNull();

      await select(page, titles);
      await bar.getByText('Решить', { exact: true }).click();
      await bar.locator('select[name=resolutionCode]').selectOption({ label: codeName });
      await page.screenshot({ path: `${SCREENSHOTS}/case-bulk-resolve-${name}.png` });
      await bar.getByRole('button', { name: 'Применить' }).click();
      await bar.waitFor({ state: 'detached', ...WAIT });
      for (const c of chosen)
        expect(await read(c.id)).toMatchObject({ status: 'resolved', resolutionCode: code });
      expect((await read(cases[2]!.id)).status).toBe('new');

      // The count by code under the board: the two cases, and the drill-down lists exactly them.
      const row = page.getByTestId('resolution-count-row').filter({ hasText: codeName });
      await expect.poll(() => row.getByTestId('resolution-count').innerText(), WAIT).toBe('2');
      await row.getByRole('button').click();
      const drill = row.getByTestId('resolution-drill');
      await expect
        .poll(() => drill.getByRole('link').allInnerTexts(), WAIT)
        .toEqual(expect.arrayContaining(titles));
      expect(await drill.getByRole('link').count()).toBe(2);
      await row.scrollIntoViewIfNeeded();
      await page.screenshot({
        path: `${SCREENSHOTS}/case-bulk-counts-${name}.png`,
        fullPage: true,
      });

      // The third case gets a tag in bulk: shown on its card, and the board filters by it.
      const third = cases[2]!.title;
      await select(page, [third]);
      await bar.getByText('Метка', { exact: true }).click();
      await bar.locator('input[name=bulkTag]').fill(`Срочно ${name}`);
      await bar.getByRole('button', { name: 'Применить' }).click();
      await bar.waitFor({ state: 'detached', ...WAIT });
      const card = page.getByTestId('board-card').filter({ hasText: third });
      await card.getByText(`срочно ${name}`).waitFor(WAIT);
      await page.getByTestId('board-tag-filter').selectOption({ label: `срочно ${name}` });
      await expect.poll(() => page.getByTestId('board-card').count(), WAIT).toBe(1);
      await page.screenshot({ path: `${SCREENSHOTS}/case-bulk-tag-${name}.png` });
      await page.getByTestId('board-tag-filter').selectOption({ index: 0 });

      // The case page names the code in words, in its fields and its history.
      await page.getByRole('link', { name: titles[0] }).first().click();
      await expect
        .poll(() => page.getByTestId('case-resolution-code').innerText(), WAIT)
        .toBe(codeName);
      await page.getByText(`Код решения: ${codeName}`).waitFor(WAIT);
      expect(await page.locator('body').innerText()).not.toContain(code);
      expect(errors).toEqual([]);
    });

  it('shows the codes in settings and the board in English', async () => {
    for (const [name, viewport] of [
      ['desktop', { width: 1280, height: 900 }],
      ['phone', { width: 390, height: 844 }],
    ] as const) {
      const { page, errors } = await openSignedIn(harness, viewport, '/settings/resolution-codes');
      await expect.poll(() => page.getByTestId('resolution-code').count(), WAIT).toBe(6);
      await page.screenshot({
        path: `${SCREENSHOTS}/resolution-codes-ru-${name}.png`,
        fullPage: true,
      });
      await page.evaluate(() => localStorage.setItem('cl.lang', 'en'));
      await page.reload();
      await page.getByRole('heading', { name: 'Resolution codes' }).waitFor(WAIT);
      await page.screenshot({
        path: `${SCREENSHOTS}/resolution-codes-en-${name}.png`,
        fullPage: true,
      });
      await page.goto(`${harness.baseUrl}/cases`);
      const row = page.getByTestId('resolution-count-row').filter({ hasText: 'Resolved: fixed' });
      await expect.poll(() => row.getByTestId('resolution-count').innerText(), WAIT).toBe('2');
      await page.getByRole('checkbox').first().check();
      await page.getByTestId('bulk-bar').getByText('Resolve', { exact: true }).click();
      await page.screenshot({ path: `${SCREENSHOTS}/case-bulk-en-${name}.png`, fullPage: true });
      expect(errors).toEqual([]);
      await harness.closePages();
    }
  });
});
