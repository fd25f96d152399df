// The feedback list runs in the order of the date it shows (issue 21), also after an import of
// historical records: one record arrives today through the API, then a CSV of 60 past records
// written in shuffled order (two on the same minute) is imported through /api/v1/imports. The
// imported records get the larger ids, so a list ordered by id would put them first. Paging with
// «Load more» through every card, at 1280 and at 390 px, the received dates never go up, and the
// texts follow the dates of the file.
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

/** 60 past dates over three years, in a scrambled order; rows 10 and 11 share one minute. */
const ROWS = Array.from({ length: 60 }, (_, i) => {
  const k = (i * 37) % 60; // a permutation of 0..59
  const day = new Date(Date.UTC(2023, 0, 5) + k * 17 * 86_400_000 + (k % 7) * 3_600_000);
  return { text: `Исторический отзыв ${String(i).padStart(2, '0')}`, at: day };
});
ROWS[11]!.at = ROWS[10]!.at;
const pad = (n: number) => String(n).padStart(2, '0');
const ddmmyyyy = (d: Date) =>
  `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
const TODAY_TEXT = 'Свежий отзыв, пришёл сегодня';

beforeAll(async () => {
  harness = await startHarness();
  api = await apiClientFor(harness);
  const fresh = await api('POST', '/api/v1/feedback', {
    text: TODAY_TEXT,
    score: { type: 'csat', value: 5 },
  });
  expect(fresh.status).toBeLessThan(300);

  // The import, as the imports page makes it: upload, then commit with a mapping (session + CSRF).
  const { page } = await openSignedIn(harness, undefined, '/imports');
  const csrf = (
    (await (await page.request.get(`${harness.baseUrl}/api/v1/auth/session`)).json()) as {
      csrfToken: string;
    }
  ).csrfToken;
  const csv = ['Дата;Оценка;Комментарий', ...ROWS.map((r) => `${ddmmyyyy(r.at)};4;${r.text}`)];
  const upload = await page.request.post(`${harness.baseUrl}/api/v1/imports?filename=history.csv`, {
    headers: { 'content-type': 'text/csv', 'x-csrf-token': csrf },
    data: Buffer.from(csv.join('\r\n'), 'utf8'),
  });
  expect(upload.status()).toBe(201);
  const imp = (await upload.json()) as { id: string };
  const commit = await page.request.post(`${harness.baseUrl}/api/v1/imports/${imp.id}/commit`, {
    headers: { 'x-csrf-token': csrf },
    data: {
      mapping: {
        receivedAt: 'Дата',
        scoreValue: 'Оценка',
        text: 'Комментарий',
        fixed: { scoreType: 'csat', timeZone: 'UTC' },
      },
    },
  });
  expect(commit.status()).toBe(200);
  expect(((await commit.json()) as { result: { created: number } }).result.created).toBe(60);
  await harness.closePages();
}, 120_000);

afterAll(async () => harness?.stop());

describe('the feedback list after a historical import', () => {
  for (const [name, viewport] of [
    ['desktop', { width: 1280, height: 800 }],
    ['phone', { width: 390, height: 844 }],
  ] as const)
    it(`runs newest received first through every page (${name})`, async () => {
      const { page, errors } = await openSignedIn(harness, viewport, '/feedback');
      const cards = page.getByTestId('feedback-card');
      await cards.first().waitFor(WAIT);
      // Page through the list (50 a page) until «Load more» is gone.
      const more = page.getByRole('button', { name: 'Показать ещё' });
      await expect.poll(() => cards.count(), WAIT).toBe(50);
      await more.click();
      await expect.poll(() => cards.count(), WAIT).toBe(61);
      await more.waitFor({ state: 'detached', ...WAIT });

      const dates = await cards
        .locator('time')
        .evaluateAll((els) => els.map((e) => e.getAttribute('datetime') ?? ''));
      expect(dates).toHaveLength(61);
      expect(dates).toEqual([...dates].sort().reverse());
      const texts = (await cards.locator('a[href^="/feedback/"]').allInnerTexts()).map((s) =>
        s.trim(),
      );
      expect(texts[0]).toBe(TODAY_TEXT);
      const expected = [...ROWS].sort((a, b) => b.at.getTime() - a.at.getTime()).map((r) => r.text);
      // The two records of one minute may come in either order (ties go by id); all else is fixed.
      const tie = new Set([ROWS[10]!.text, ROWS[11]!.text]);
      const strip = (list: string[]) => list.map((s) => (tie.has(s) ? 'tie' : s));
      expect(strip(texts.slice(1))).toEqual(strip(expected));
      expect(dates.slice(1).map((d) => d.slice(0, 16))).toEqual(
        [...ROWS]
          .sort((a, b) => b.at.getTime() - a.at.getTime())
          .map((r) => r.at.toISOString().slice(0, 16)),
      );
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `${SCREENSHOTS}/feedback-order-${name}.png`, fullPage: true });
      expect(errors).toEqual([]);
    }, 60_000);
});
