// The profit formula in the browser: two clients' sales of January and February 2026 through the
// API, then /economics/formula with A = January and B = February shows revenue B in the tree and
// the levers' waterfall; on a phone nothing is wider than the screen.
//   January:  Альфа 1000, Бета 1000            → N 2, Q 1,   APPN 1000,    revenue 2000
//   February: Альфа 1500 + 1500, Бета 1000     → N 2, Q 1.5, APPN 1333.33, revenue 4000
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
const FORMULA = '/economics/formula?unit=month&a=2026-01-01&b=2026-02-01';
const words = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

let harness: Harness;
let api: ApiCall;

beforeAll(async () => {
  harness = await startHarness();
  api = await apiClientFor(harness);
  const sales = [
    ['Альфа', '2026-01-10', 1000],
    ['Бета', '2026-01-20', 1000],
    ['Альфа', '2026-02-03', 1500],
    ['Альфа', '2026-02-17', 1500],
    ['Бета', '2026-02-25', 1000],
  ] as const;
  const res = await api<{ results: Array<{ status: string }> }>(
    'POST',
    '/api/v1/transactions/batch',
    {
      items: sales.map(([name, date, amount], i) => ({
        externalId: `E2E-${i}`,
        client: { externalId: `crm-${name}`, name: `ООО «${name}»` },
        kind: 'sale',
        date,
        amount,
        cost: amount / 2,
      })),
    },
  );
  expect(res.json.results.map((r) => r.status)).toEqual(Array(5).fill('created'));
}, 60_000);

afterAll(async () => harness?.stop());

describe('the profit formula page', () => {
  it('shows revenue of both months and the waterfall of the levers', async () => {
    const { page, errors } = await openSignedIn(harness, undefined, FORMULA);
    const revenueB = page.getByTestId('figure-revenue-b');
    await revenueB.waitFor(WAIT);
    expect(words(await revenueB.textContent())).toBe('4 000,00 ₽');
    expect(words(await page.getByTestId('figure-q-b').textContent())).toBe('1,5');
    const waterfall = page.getByTestId('levers-waterfall');
    await waterfall.waitFor(WAIT);
    // Five bars' labels: revenue A, the three levers, revenue B.
    await page.locator('[data-testid=levers-waterfall] svg').waitFor(WAIT);
    const chart = words(await waterfall.textContent());
    for (const label of ['Платящие клиенты (N)', 'Покупок на клиента (Q)', 'Средний чек'])
      expect(chart).toContain(label);
    await page.screenshot({ path: `${SCREENSHOTS}/economics-formula.png`, fullPage: true });
    expect(errors).toEqual([]);
  }, 30_000);

  it('fits a phone screen', async () => {
    const { page, errors } = await openSignedIn(harness, PHONE, FORMULA);
    await page.getByTestId('levers-waterfall').waitFor(WAIT);
    await page.getByTestId('figure-revenue-b').waitFor(WAIT);
    await page.screenshot({ path: `${SCREENSHOTS}/economics-formula-phone.png`, fullPage: true });
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
  }, 30_000);
});
