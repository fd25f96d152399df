// The client portfolio in the browser (issue 17) on portfolio-seed.ts's eight clients: the matrix
// shows the API's counts per cell and a bubble per client; clicking the fullest cell lists exactly
// its clients with the cell's strategy; a client's card shows its cell, both scores and their
// breakdowns (the points add up to the score); the moves between the two seeded quarters list
// exactly the API's moves (with «Рывок»); the weights page previews the clients a change would
// move and saving moves them; an edited strategy shows in the matrix; on a phone the grid is a
// list by cell and nothing is wider than the screen. Cell playbooks: portfolio-playbook.test.ts.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MovesOut, PortfolioOut, WeightsPreviewOut } from '../../shared/api/portfolio.ts';
import {
  apiClientFor,
  openSignedIn,
  SCREENSHOTS,
  startHarness,
  WAIT,
  type ApiCall,
  type Harness,
} from './harness.ts';
import { seedPortfolio, type PortfolioSeed } from './portfolio-seed.ts';

const PHONE = { width: 390, height: 844 };
const SHOTS = process.env.UI_SHOTS ?? SCREENSHOTS;

let harness: Harness;
let api: ApiCall;
let seed: PortfolioSeed;
let matrix: PortfolioOut;

const words = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();
const overflowOf = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
const ru = (n: number) => new Intl.NumberFormat('ru', { maximumFractionDigits: 1 }).format(n);

/** The cell with the most clients (the first of them, low/low first, on a tie). */
function fullestCell() {
  return matrix.cells.reduce((best, c) => (c.clients > best.clients ? c : best));
}

beforeAll(async () => {
  harness = await startHarness();
  api = await apiClientFor(harness, 'admin');
  seed = await seedPortfolio(api);
  matrix = (await api<PortfolioOut>('GET', '/api/v1/portfolio?limit=1000')).json;
}, 120_000);

afterAll(async () => harness?.stop());

describe('the portfolio matrix', () => {
  it('shows the cells, lists a cell’s clients and opens a client’s breakdown', async () => {
    expect(matrix.total).toBe(8);
    const { page, errors } = await openSignedIn(harness, undefined, '/portfolio');
    await page.getByTestId('portfolio-grid').waitFor(WAIT);
    // The analytics menu has the entry.
    expect(await page.locator('nav a[href="/portfolio"]').count()).toBe(1);
    for (const c of matrix.cells) {
      const count = page.getByTestId(`cell-${c.attractiveness}-${c.relationship}`);
      expect(words(await count.getByTestId('cell-count').textContent())).toMatch(
        new RegExp(`^${c.clients} клиент`),
      );
    }
    expect(await page.getByTestId('portfolio-bubble').count()).toBe(8);

    const cell = fullestCell();
    expect(cell.clients).toBeGreaterThan(1);
    const expected = matrix.clients.filter(
      (c) =>
        c.cell.attractiveness === cell.attractiveness && c.cell.relationship === cell.relationship,
    );
    await page.getByTestId(`cell-${cell.attractiveness}-${cell.relationship}`).click();
    const list = page.getByTestId('cell-clients');
    await list.getByTestId('cell-client').first().waitFor(WAIT);
    const names = await list
      .getByTestId('cell-client')
      .evaluateAll((els) => els.map((e) => e.querySelector('a')?.textContent ?? ''));
    expect(names).toEqual(expected.map((c) => c.name));
    expect(words(await list.getByTestId('cell-strategy').textContent())).toBe(
      `Стратегия: ${expected[0]!.strategy.textRu}`,
    );
    expect(page.url()).toContain(`a=${cell.attractiveness}&r=${cell.relationship}`);
    await page.screenshot({ path: `${SHOTS}/portfolio-1280.png`, fullPage: true });

    // The first client of the cell: its card's portfolio tab.
    const first = expected[0]!;
    await list.getByRole('link', { name: first.name }).click();
    const tab = page.getByTestId('client-portfolio');
    await tab.getByTestId('breakdown-attractiveness').waitFor(WAIT);
    expect(words(await tab.getByTestId('client-attractiveness').textContent())).toBe(
      ru(first.attractiveness),
    );
    expect(words(await tab.getByTestId('client-relationship').textContent())).toBe(
      ru(first.relationship),
    );
    const a = tab.getByTestId('breakdown-attractiveness');
    expect(await a.locator('tbody tr').count()).toBe(4 + 1); // the inputs and the total
    expect(await tab.getByTestId('breakdown-relationship').locator('tbody tr').count()).toBe(5 + 1);
    expect(words(await a.getByTestId('breakdown-revenue').textContent())).toContain(
      'Выручка за 12 месяцев',
    );
    const points = first.breakdown.attractiveness.reduce((s, i) => s + i.points, 0);
    expect(points).toBeCloseTo(first.attractiveness, 1);
    expect(words(await tab.getByTestId('breakdown-attractiveness-total').textContent())).toBe(
      ru(first.attractiveness),
    );
    await page.screenshot({ path: `${SHOTS}/portfolio-client-1280.png`, fullPage: true });
    // In English the inputs and the cell have English names.
    await page.getByTestId('lang-switch').getByText('EN').click();
    await a.getByText('Revenue, last 12 months').waitFor(WAIT);
    expect(words(await tab.getByTestId('client-cell').textContent())).toMatch(
      /^Attractiveness (low|medium|high), relationship (weak|medium|strong)$/,
    );
    expect(words(await tab.getByTestId('breakdown-relationship').textContent())).toContain(
      'Payment discipline',
    );
    expect(errors).toEqual([]);
  }, 90_000);

  it('lists the clients that moved between two quarters', async () => {
    const moves = (
      await api<MovesOut>('GET', `/api/v1/portfolio/moves?from=${seed.from}&to=${seed.to}`)
    ).json;
    expect(moves.moves.map((m) => m.name)).toContain('ООО «Рывок»');
    const { page, errors } = await openSignedIn(
      harness,
      undefined,
      `/portfolio?view=moves&from=${seed.from}&to=${seed.to}`,
    );
    await page.getByTestId('move').first().waitFor(WAIT);
    const names = await page
      .getByTestId('move')
      .evaluateAll((els) => els.map((e) => e.querySelector('a')?.textContent ?? ''));
    expect(names).toEqual(moves.moves.map((m) => m.name));
    const rywok = page.getByTestId('move').filter({ hasText: 'Рывок' });
    const m = moves.moves.find((x) => x.name === 'ООО «Рывок»')!;
    expect(words(await rywok.getByTestId('move-from').textContent())).toBe(
      `привл. ${LEVEL_A[m.from.cell.attractiveness]} · отнош. ${LEVEL_R[m.from.cell.relationship]}`,
    );
    expect(words(await rywok.getByTestId('move-to').textContent())).toBe(
      `привл. ${LEVEL_A[m.to.cell.attractiveness]} · отнош. ${LEVEL_R[m.to.cell.relationship]}`,
    );
    expect(await page.getByTestId('moves-arrow').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${SHOTS}/portfolio-moves-1280.png`, fullPage: true });
    expect(errors).toEqual([]);
  }, 60_000);

  it('previews how many clients a change of weights moves', async () => {
    const changed = {
      attractiveness: { revenue: 10, marginRate: 10, revenueGrowth: 10, strategicFit: 70 },
      relationship: {
        keyNps: 30,
        coverage: 20,
        tenure: 20,
        shareOfWallet: 15,
        paymentDiscipline: 15,
      },
    };
    const preview = (
      await api<WeightsPreviewOut>('POST', '/api/v1/portfolio/weights/preview', changed)
    ).json;
    expect(preview.changes).toBeGreaterThan(0); // a fit-heavy axis moves «Бета» up
    const { page, errors } = await openSignedIn(harness, undefined, '/portfolio/settings');
    const form = page.getByTestId('weights-form');
    await form.waitFor(WAIT);
    for (const [input, value] of Object.entries(changed.attractiveness))
      await form.locator(`input[name="attractiveness.${input}"]`).fill(String(value));
    expect(words(await page.getByTestId('weights-sum-attractiveness').textContent())).toBe(
      'Сумма: 100',
    );
    const shown = page.getByTestId('weights-preview');
    await shown
      .getByText(preview.changes ? `ячейку сменят: ${preview.changes}` : 'ни один')
      .waitFor(WAIT);
    await page.screenshot({ path: `${SHOTS}/portfolio-settings-1280.png`, fullPage: true });

    // Saving rescores: the previewed clients are in their new cells.
    await page.getByTestId('weights-save').click();
    await page.getByText('Веса сохранены, оценки пересчитаны').waitFor(WAIT);
    const after = (await api<PortfolioOut>('GET', '/api/v1/portfolio?limit=1000')).json;
    for (const moved of preview.clients)
      expect(after.clients.find((c) => c.clientId === moved.clientId)?.cell).toEqual(moved.to);

    // A cell's strategy edited here shows in the matrix.
    const card = page.getByTestId('strategy-high-high');
    await card.locator('textarea[name=textRu]').fill('Встреча с ЛПР раз в квартал.');
    await card.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByText('Стратегия ячейки сохранена').waitFor(WAIT);
    await page.getByRole('link', { name: '← К матрице' }).click();
    await page
      .getByTestId('cell-high-high')
      .getByText('Встреча с ЛПР раз в квартал.')
      .waitFor(WAIT);
    expect(errors).toEqual([]);

    // Back to the defaults for the other tests.
    const defaults = await api('PUT', '/api/v1/portfolio/weights', {
      ...changed,
      attractiveness: { revenue: 40, marginRate: 25, revenueGrowth: 20, strategicFit: 15 },
    });
    expect(defaults.status).toBe(200);
  }, 60_000);
});

describe('the portfolio’s own words', () => {
  it('explains a future "as of" day and speaks English', async () => {
    const { page } = await openSignedIn(harness, undefined, '/portfolio?asOf=2999-01-01');
    // The 400 is expected here, so the console's "failed to load resource" is not checked.
    await page.getByTestId('error-alert').waitFor(WAIT);
    expect(words(await page.getByTestId('error-alert').textContent())).toBe(
      'Дата должна быть в формате ГГГГ-ММ-ДД и не позже сегодняшнего дня.',
    );
    await page.goto(`${harness.baseUrl}/portfolio`);
    await page.getByTestId('portfolio-grid').waitFor(WAIT);
    await page.getByTestId('lang-switch').getByText('EN').click();
    await page.getByRole('heading', { name: 'Client portfolio' }).waitFor(WAIT);
    expect(words(await page.getByTestId('portfolio-grid').textContent())).toContain(
      'Relationship →',
    );
    await page.screenshot({ path: `${SHOTS}/portfolio-en-1280.png`, fullPage: true });
  }, 60_000);
});

const LEVEL_A = { low: 'низкая', medium: 'средняя', high: 'высокая' } as const;
const LEVEL_R = { low: 'слабые', medium: 'средние', high: 'сильные' } as const;

describe('the portfolio on a phone', () => {
  it('lists the cells with no horizontal overflow', async () => {
    const { page, errors } = await openSignedIn(harness, PHONE, '/portfolio');
    await page.getByTestId('portfolio-list').waitFor(WAIT);
    expect(await page.getByTestId('portfolio-grid').count()).toBe(0);
    const cell = fullestCell();
    await page.getByTestId(`cell-${cell.attractiveness}-${cell.relationship}`).click();
    await page.getByTestId('cell-client').first().waitFor(WAIT);
    expect(await page.getByTestId('cell-client').count()).toBe(cell.clients);
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SHOTS}/portfolio-390.png`, fullPage: true });

    await page.getByTestId('cell-client').first().getByRole('link').click();
    await page.getByTestId('breakdown-relationship').waitFor(WAIT);
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SHOTS}/portfolio-client-390.png`, fullPage: true });

    await page.goto(`${harness.baseUrl}/portfolio?view=moves&from=${seed.from}&to=${seed.to}`);
    await page.getByTestId('move').first().waitFor(WAIT);
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SHOTS}/portfolio-moves-390.png`, fullPage: true });
    expect(errors).toEqual([]);
  }, 60_000);
});
