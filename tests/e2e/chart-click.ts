// Clicking a bar of an ECharts bar chart by its category label (the dashboard drill-down tests).
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { WAIT } from './harness.ts';

/** Clicks the bar of the category whose axis label reads `label` in the chart `testId`. */
export async function clickBar(page: Page, testId: string, label: string) {
  const chart = page.getByTestId(testId);
  await chart.locator('text', { hasText: label }).first().waitFor(WAIT);
  const labelBox = (await chart.locator('text', { hasText: label }).first().boundingBox())!;
  const bars = chart.locator('path[fill="#5c6bc0"]');
  const count = await bars.count();
  let best: { i: number; d: number } | null = null;
  for (let i = 0; i < count; i++) {
    const box = await bars.nth(i).boundingBox();
    if (!box || box.width < 1) continue;
    const d = Math.abs(box.y + box.height / 2 - (labelBox.y + labelBox.height / 2));
    if (!best || d < best.d) best = { i, d };
  }
  expect(best).not.toBeNull();
  // At the bar's centre through the page, not locator.click(): once the pointer is over the
  // chart, ECharts draws its axis-pointer shadow above the bar, which Playwright's actionability
  // check reports as intercepting (seen under load). ECharts hit-tests its own shapes, so the
  // click still reaches the bar.
  const bar = (await bars.nth(best!.i).boundingBox())!;
  await page.mouse.click(bar.x + bar.width / 2, bar.y + bar.height / 2);
}
