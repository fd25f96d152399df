// Issue 21: a bar of the dashboard opens the feedback list of exactly the records it counts. Six
// NPS answers are sent (three at «доставка», two at «склад», one without a stage) plus a CSAT
// answer at «доставка»; clicking the «доставка» bar of the NPS-by-stage chart lists the three
// NPS answers and says so, at 1280 and at 390 px; «show all» goes back to every record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickBar } from './chart-click.ts';
import {
  apiClientFor,
  openSignedIn,
  SCREENSHOTS,
  startHarness,
  WAIT,
  type Harness,
} from './harness.ts';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
  const api = await apiClientFor(harness);
  const at = new Date(Date.now() - 3_600_000).toISOString();
  const answers: [string | null, string, number][] = [
    ['доставка', 'nps', 2],
    ['доставка', 'nps', 9],
    ['доставка', 'nps', 10],
    ['склад', 'nps', 3],
    ['склад', 'nps', 8],
    [null, 'nps', 10],
    ['доставка', 'csat', 5],
  ];
  for (const [stage, type, value] of answers) {
    const res = await api('POST', '/api/v1/feedback', {
      ...(stage ? { stage } : {}),
      score: { type, value },
      text: `Ответ ${type} ${value}`,
      receivedAt: at,
    });
    if (res.status !== 201) throw new Error(`feedback not recorded: ${res.status}`);
  }
}, 90_000);

afterAll(async () => harness?.stop());

describe('dashboard drill-down', () => {
  for (const [name, viewport] of [
    ['desktop', { width: 1280, height: 900 }],
    ['phone', { width: 390, height: 844 }],
  ] as const)
    it(`lists exactly the records a bar counts (${name})`, async () => {
      const { page, errors } = await openSignedIn(harness, viewport, '/dashboard?metric=nps');
      await page.getByTestId('chart-stage').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SCREENSHOTS}/dashboard-drill-${name}.png`, fullPage: true });
      await clickBar(page, 'chart-stage', 'доставка');
      await page.waitForURL(/\/feedback\?/, WAIT);
      await expect.poll(() => page.getByTestId('drill-count').textContent(), WAIT).toContain('3');
      const cards = page.getByTestId('feedback-card');
      await expect.poll(() => cards.count(), WAIT).toBe(3);
      for (const text of ['Ответ nps 2', 'Ответ nps 9', 'Ответ nps 10'])
        await page.getByText(text, { exact: true }).waitFor(WAIT);
      expect(await page.getByText('Ответ csat 5').count()).toBe(0);
      await page.screenshot({ path: `${SCREENSHOTS}/feedback-drill-${name}.png`, fullPage: true });
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
      ).toBeLessThanOrEqual(0);
      await page.getByRole('button', { name: 'Показать все отзывы' }).click();
      await expect.poll(() => cards.count(), WAIT).toBe(7);
      expect(errors).toEqual([]);
    }, 60_000);
});
