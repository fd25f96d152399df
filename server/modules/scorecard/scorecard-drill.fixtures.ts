// Shared by the drill-down tests: follow a scorecard `drill` link through every page.
import { expect } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { DrillOut, DrillRowOut } from '../../../shared/api/scorecard-layers.ts';

export type Get = (url: string) => Promise<LightMyRequestResponse>;

/** Every row of a drill link, page by page (`limit` rows a page), checking `total` stays put. */
export async function drillAll(
  get: Get,
  link: string,
  limit = 100,
): Promise<{ first: DrillOut; items: DrillRowOut[]; pages: number }> {
  let first: DrillOut | undefined;
  const items: DrillRowOut[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const url: string = `${link}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
    const res = await get(url);
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    const page = res.json() as DrillOut;
    first ??= page;
    expect(page.total, url).toBe(first.total);
    expect(page.items.length, url).toBeLessThanOrEqual(limit);
    items.push(...page.items);
    cursor = page.nextCursor;
    pages += 1;
    expect(pages, `${url}: paging does not end`).toBeLessThan(1000);
  } while (cursor);
  expect(new Set(items.map((i) => i.id)).size, `${link}: a row twice`).toBe(items.length);
  return { first: first!, items, pages };
}
