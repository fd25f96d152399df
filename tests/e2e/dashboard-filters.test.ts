// Issue 21: the dashboard narrowed by a segment and a custom range of days, then drilled down.
// Five NPS answers: K1 (крупные) at «доставка» 9 and 10 five days ago, and 3 forty days ago;
// K2 (малые) at «доставка» 2 five days ago; K1 at «склад» 3 five days ago. With the segment
// «крупные» and the last ten days the NPS card counts K1's three recent answers (P 2, D 1 → 33),
// and the «доставка» bar opens exactly its two (9 and 10), at 1280 and at 390 px, in Russian and
// English. The text charts ask for the same segment and range.
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
const DAY = 86_400_000;
const day = (t: number) => new Date(t).toISOString().slice(0, 10);
const today = day(Date.now());
const tenDaysAgo = day(Date.now() - 9 * DAY);

beforeAll(async () => {
  harness = await startHarness();
  const api = await apiClientFor(harness);
  const client = async (name: string, segment: string) =>
    (await api<{ id: string }>('POST', '/api/v1/clients', { name, segment })).json.id;
  const k1 = await client('К1', 'крупные');
  const k2 = await client('К2', 'малые');
  const noon = (daysAgo: number) => `${day(Date.now() - daysAgo * DAY)}T12:00:00Z`;
  const answers: [string, string, number, number][] = [
    [k1, 'доставка', 9, 5],
    [k1, 'доставка', 10, 5],
    [k1, 'доставка', 3, 40],
    [k2, 'доставка', 2, 5],
    [k1, 'склад', 3, 5],
  ];
  for (const [clientId, stage, value, daysAgo] of answers) {
    const res = await api('POST', '/api/v1/feedback', {
      clientId,
      stage,
      score: { type: 'nps', value },
      text: `Оценка ${value} ${stage} ${daysAgo}`,
      receivedAt: noon(daysAgo),
    });
    if (res.status !== 201) throw new Error(`feedback not recorded: ${res.status}`);
  }
}, 90_000);

afterAll(async () => harness?.stop());

describe('dashboard filters', () => {
  for (const [name, viewport] of [
    ['desktop', { width: 1280, height: 900 }],
    ['phone', { width: 390, height: 844 }],
  ] as const)
    it(`narrows to a segment and a range of days, then drills down (${name})`, async () => {
      const { page, errors } = await openSignedIn(harness, viewport, '/dashboard?metric=nps');
      // The text charts ask for the same window and filters as the satisfaction charts.
      const trendQueries: URLSearchParams[] = [];
      page.on('request', (r) => {
        const u = new URL(r.url());
        if (u.pathname === '/api/v1/text/trends') trendQueries.push(u.searchParams);
      });
      const filters = page.getByTestId('dashboard-filters');
      await filters.locator('input[name="segment"]').fill('крупные');
      await page.waitForURL(/segment=/, WAIT);
      await filters.locator('select[name="period"]').selectOption('custom');
      await filters.locator('input[name="from"]').fill(tenDaysAgo);
      await filters.locator('input[name="to"]').fill(today);
      await page.waitForURL(new RegExp(`from=${tenDaysAgo}`), WAIT);
      // The URL says it all: the same link opens the same dashboard.
      const url = new URL(page.url());
      expect(Object.fromEntries(url.searchParams)).toMatchObject({
        metric: 'nps',
        period: 'custom',
        from: tenDaysAgo,
        to: today,
        segment: 'крупные',
      });
      // K1's 9, 10 and 3 in the range: P 2, D 1 → NPS 33 of three answers.
      const card = page.getByTestId('overview-nps');
      await expect.poll(() => card.textContent(), WAIT).toContain('3 ответа');
      expect(await card.textContent()).toContain('33');
      const tomorrow = day(Date.parse(`${today}T00:00:00Z`) + DAY);
      await expect
        .poll(
          () =>
            trendQueries.some(
              (q) =>
                q.get('segment') === 'крупные' &&
                q.get('from') === tenDaysAgo &&
                q.get('to') === tomorrow,
            ),
          WAIT,
        )
        .toBe(true);
      await page.getByTestId('change-nps').waitFor(WAIT);
      await page.screenshot({
        path: `${SCREENSHOTS}/dashboard-filters-${name}-ru.png`,
        fullPage: true,
      });
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
      ).toBeLessThanOrEqual(0);

      await page.evaluate(() => localStorage.setItem('cl.lang', 'en'));
      await page.reload();
      await expect.poll(() => card.textContent(), WAIT).toContain('3 responses');
      await page.getByTestId('chart-stage').scrollIntoViewIfNeeded();
      await page.screenshot({
        path: `${SCREENSHOTS}/dashboard-filters-${name}-en.png`,
        fullPage: true,
      });
      await page.evaluate(() => localStorage.setItem('cl.lang', 'ru'));
      await page.reload();

      await page.getByTestId('chart-stage').scrollIntoViewIfNeeded();
      await clickBar(page, 'chart-stage', 'доставка');
      await page.waitForURL(/\/feedback\?/, WAIT);
      expect(page.url()).toContain('segment=');
      await expect.poll(() => page.getByTestId('drill-count').textContent(), WAIT).toContain('2');
      const cards = page.getByTestId('feedback-card');
      await expect.poll(() => cards.count(), WAIT).toBe(2);
      for (const text of ['Оценка 9 доставка 5', 'Оценка 10 доставка 5'])
        await page.getByText(text, { exact: true }).waitFor(WAIT);
      await page.screenshot({
        path: `${SCREENSHOTS}/dashboard-filters-drill-${name}.png`,
        fullPage: true,
      });
      expect(errors).toEqual([]);
    }, 90_000);
});
