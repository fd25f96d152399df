// A cell's care playbook in the browser (issue 17) on portfolio-seed.ts's eight clients: an action
// added to the fullest cell on the settings page reminds about exactly its clients in the care
// inbox, and done leaves the inbox and shows on the client's card.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortfolioOut } from '../../shared/api/portfolio.ts';
import {
  apiClientFor,
  openSignedIn,
  SCREENSHOTS,
  startHarness,
  WAIT,
  type ApiCall,
  type Harness,
} from './harness.ts';
import { seedPortfolio } from './portfolio-seed.ts';

const SHOTS = process.env.UI_SHOTS ?? SCREENSHOTS;

let harness: Harness;
let api: ApiCall;
let matrix: PortfolioOut;

const words = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

/** The cell with the most clients (the first of them, low/low first, on a tie). */
function fullestCell() {
  return matrix.cells.reduce((best, c) => (c.clients > best.clients ? c : best));
}

beforeAll(async () => {
  harness = await startHarness();
  api = await apiClientFor(harness, 'admin');
  await seedPortfolio(api);
  matrix = (await api<PortfolioOut>('GET', '/api/v1/portfolio?limit=1000')).json;
}, 120_000);

afterAll(async () => harness?.stop());

describe('a cell’s care playbook', () => {
  it('is edited on the settings page and reminds about the cell’s clients in the care inbox', async () => {
    const cell = fullestCell();
    const clients = matrix.clients.filter(
      (c) =>
        c.cell.attractiveness === cell.attractiveness && c.cell.relationship === cell.relationship,
    );
    const { page, errors } = await openSignedIn(harness, undefined, '/portfolio/settings');
    const card = page.getByTestId(`playbook-${cell.attractiveness}-${cell.relationship}`);
    await card.waitFor(WAIT);
    await card.getByRole('button', { name: 'Добавить действие' }).click();
    const action = card.getByTestId('playbook-action').last();
    await action.locator('input[name=titleRu]').fill('Встреча с ЛПР');
    await action.locator('input[name=titleEn]').fill('Meet the decision maker');
    await action.locator('input[name=everyDays]').fill('90');
    await card.getByTestId('playbook-save').click();
    await page.getByText('План ячейки сохранён').waitFor(WAIT);

    // The care inbox: one reminder per client of the cell, none for the others.
    await page.goto(`${harness.baseUrl}/care`);
    const group = page.getByTestId('reminders-playbook_action');
    await group.getByTestId('reminder').first().waitFor(WAIT);
    const rows = group.getByTestId('reminder');
    expect(await rows.count()).toBe(clients.length);
    const texts = (await rows.allTextContents()).map(words);
    for (const c of clients) expect(texts.some((x) => x.includes(c.name))).toBe(true);
    expect(texts.every((x) => x.startsWith('Встреча с ЛПР'))).toBe(true);
    await page.screenshot({ path: `${SHOTS}/portfolio-playbook-care-1280.png`, fullPage: true });

    // Done for one client: it leaves the inbox; its card says when it is next due.
    const first = rows.first();
    const doneName = clients.find((c) => texts[0]!.includes(c.name))!.name;
    await first.getByTestId('reminder-done').click();
    await page.getByText('Отмечено как выполненное').waitFor(WAIT);
    await page.waitForFunction(
      (n) =>
        document.querySelectorAll(
          '[data-testid="reminders-playbook_action"] [data-testid="reminder"]',
        ).length === n,
      clients.length - 1,
      WAIT,
    );
    const doneId = clients.find((c) => c.name === doneName)!.clientId;
    await page.goto(`${harness.baseUrl}/clients/${doneId}?tab=portfolio`);
    const state = page.getByTestId('client-playbook').getByTestId('playbook-state');
    await state.first().waitFor(WAIT);
    expect(words(await state.first().textContent())).toMatch(/выполнено .*следующее/);
    expect(errors).toEqual([]);

    // Back to no playbook for the other tests.
    const cleared = await api(
      'PUT',
      `/api/v1/portfolio/playbooks/${cell.attractiveness}/${cell.relationship}`,
      { actions: [] },
    );
    expect(cleared.status).toBe(200);
  }, 90_000);
});
