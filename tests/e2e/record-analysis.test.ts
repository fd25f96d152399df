// A feedback record's analysis in the browser (issue 22): each topic with its own sentiment
// (staff praised, delivery criticised) and the flag when NPS and text disagree; ru and en; fits a
// phone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiClientFor,
  openSignedIn,
  SCREENSHOTS,
  startHarness,
  WAIT,
  type Harness,
} from './harness.ts';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
}, 60_000);

afterAll(async () => harness?.stop());

describe('the record view of text analysis', () => {
  it('shows sentiment per topic and the score/text disagreement, in ru and en, on a phone', async () => {
    const api = await apiClientFor(harness);
    const created = await api<{ id: string }>('POST', '/api/v1/feedback', {
      text: 'Менеджер очень вежливый и всё объяснил, но доставка задержалась на неделю',
      score: { type: 'nps', value: 9 },
    });
    expect(created.status).toBe(201);
    // The worker's sweep analyses it.
    for (let i = 0; i < 100; i++) {
      const a = await api<{ topics: string[] }>(
        'GET',
        `/api/v1/feedback/${created.json.id}/analysis`,
      );
      if (a.json.topics.length) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const { page, errors } = await openSignedIn(harness, DESKTOP, `/feedback/${created.json.id}`);
    const chips = page.getByTestId('topic-sentiments');
    await chips.waitFor(WAIT);
    await chips.locator('[data-sentiment="positive"]').getByText('Сотрудники').waitFor(WAIT);
    await chips.locator('[data-sentiment="negative"]').getByText('Доставка').waitFor(WAIT);
    await page.getByTestId('score-text-disagreement').getByText('NPS 9–10').waitFor(WAIT);
    await page.screenshot({ path: `${SCREENSHOTS}/record-analysis-desktop.png`, fullPage: true });

    await page.evaluate(() => localStorage.setItem('cl.lang', 'en'));
    await page.setViewportSize(PHONE);
    await page.reload();
    await chips.locator('[data-sentiment="positive"]').getByText('Staff: Positive').waitFor(WAIT);
    await chips
      .locator('[data-sentiment="negative"]')
      .getByText('Delivery and timing: Negative')
      .waitFor(WAIT);
    await page.getByTestId('score-text-disagreement').getByText('promoter').waitFor(WAIT);
    await page.screenshot({ path: `${SCREENSHOTS}/record-analysis-phone.png`, fullPage: true });
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);

    // The dashboard counts the disagreement under its text charts.
    await page.goto(`${harness.baseUrl}/dashboard`);
    await page
      .getByTestId('disagreement-count')
      .getByText('Score and text disagree: 1')
      .waitFor(WAIT);
    await page.getByTestId('disagreement-count').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}/record-analysis-dashboard-phone.png` });
    expect(errors).toEqual([]);
  }, 60_000);
});
