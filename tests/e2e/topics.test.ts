// Settings → Topics in the browser: an admin adds a topic with a keyword and saves; the server
// has it; the page reads on a phone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSignedIn, SCREENSHOTS, startHarness, WAIT, type Harness } from './harness.ts';

const PHONE = { width: 390, height: 844 };

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
}, 60_000);

afterAll(async () => harness?.stop());

describe('the text topics page', () => {
  it('adds a topic with a keyword, saves it, and fits a phone', async () => {
    const { page, errors } = await openSignedIn(harness, undefined, '/settings/topics');
    await page.getByTestId('topic-row').first().waitFor(WAIT);
    const before = await page.getByTestId('topic-row').count();
    await page.getByTestId('add-topic').click();
    const row = page.getByTestId('topic-row').nth(before);
    await row.getByLabel('Код').fill('invoices');
    await row.getByLabel('Название (рус.)').fill('Счета');
    await row.getByLabel('Название (англ.)').fill('Invoices');
    const keywords = row.getByLabel('Ключевые слова');
    await keywords.fill('счёт');
    await keywords.press('Enter');
    await page.getByTestId('save-topics').click();
    await page.getByText('Темы сохранены').waitFor(WAIT);
    await page.screenshot({ path: `${SCREENSHOTS}/topics-desktop.png`, fullPage: true });

    // Stored, as the server sees it (the page's own session reads it back).
    const stored = (await (
      await page.request.get(`${harness.baseUrl}/api/v1/text/topics`)
    ).json()) as { items: { key: string; labelRu: string; keywords: string[] }[] };
    expect(stored.items.find((topic) => topic.key === 'invoices')).toMatchObject({
      labelRu: 'Счета',
      keywords: ['счёт'],
    });

    await page.setViewportSize(PHONE);
    await page.getByTestId('topic-row').nth(before).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}/topics-phone.png`, fullPage: true });
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
  }, 30_000);
});
