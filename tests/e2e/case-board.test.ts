// The case board never loses an open case (issue 21): 15 open cases opened first, then 250
// resolved ones — more than one page of the API — and every open case is on the board, at 1280
// and at 390 px. Resolved cases show only from the last 14 days, under a caption saying so,
// collapsed to ten until asked.
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
const openTitles: string[] = [];

beforeAll(async () => {
  harness = await startHarness();
  api = await apiClientFor(harness);
  for (let i = 0; i < 15; i++) {
    const title = `Открытое обращение ${i + 1}`;
    const res = await api('POST', '/api/v1/cases', {
      title,
      priority: i === 0 ? 'high' : 'normal',
    });
    expect(res.status).toBe(201);
    openTitles.push(title);
  }
  for (let i = 0; i < 250; i++) {
    const res = await api<{ id: string }>('POST', '/api/v1/cases', { title: `Решённое ${i + 1}` });
    expect(res.status).toBe(201);
    const done = await api('PATCH', `/api/v1/cases/${res.json.id}`, {
      status: 'resolved',
      resolution: 'Решено',
      resolutionCode: 'fixed',
    });
    expect(done.status).toBe(200);
  }
}, 180_000);

afterAll(async () => harness?.stop());

describe('the case board', () => {
  for (const [name, viewport] of [
    ['desktop', { width: 1280, height: 800 }],
    ['phone', { width: 390, height: 844 }],
  ] as const)
    it(`shows every open case beside 250 resolved ones (${name})`, async () => {
      const { page, errors } = await openSignedIn(harness, viewport, '/cases');
      const open = page.locator(
        '[data-testid^="board-column-"]:not([data-testid="board-column-resolved"]) [data-testid="board-card"]',
      );
      await expect.poll(() => open.count(), WAIT).toBe(15);
      const shown = await open.allInnerTexts();
      for (const title of openTitles) expect(shown.some((s) => s.includes(title))).toBe(true);
      const resolved = page.getByTestId('board-column-resolved');
      // Resolved cards start collapsed to ten; "show all" lists the 250.
      await expect.poll(() => resolved.getByTestId('board-card').count(), WAIT).toBe(10);
      await resolved.getByRole('button', { name: 'Показать все (250)' }).click();
      await expect.poll(() => resolved.getByTestId('board-card').count(), WAIT).toBe(250);
      await resolved.getByRole('button', { name: 'Свернуть' }).click();
      await expect(resolved.getByTestId('board-resolved-window').innerText()).resolves.toContain(
        '14',
      );
      await page.screenshot({ path: `${SCREENSHOTS}/case-board-${name}.png` });
      expect(errors).toEqual([]);
    });
});
