// On a phone (390 px) the clients and people lists are cards, not tables that scroll sideways
// (issue 21, seen on the screenshots): a client's name is not broken inside a word, its segment
// is shown whole, and a person's role and «disable» action are on screen without scrolling.
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
const CLIENT = 'ООО «Стройресурс Северо-Запад»';
const SEGMENT = 'Ключевые клиенты';
let harness: Harness;
let api: ApiCall;

beforeAll(async () => {
  harness = await startHarness();
  api = await apiClientFor(harness, 'admin');
  const client = await api('POST', '/api/v1/clients', { name: CLIENT, segment: SEGMENT });
  expect(client.status).toBe(201);
  const person = await api('POST', '/api/v1/users', {
    name: 'Иван Петров',
    email: 'ivan.petrov@example.com',
    role: 'manager',
    password: 'correct-horse-2',
  });
  expect(person.status).toBe(201);
}, 60_000);

afterAll(async () => harness?.stop());

/** Nothing on the page is wider than the screen, including a table's own scroll box. */
const widest = (page: import('playwright-core').Page) =>
  page.evaluate(() =>
    Math.max(
      document.documentElement.scrollWidth - window.innerWidth,
      ...[...document.querySelectorAll('main *')].map((e) => e.scrollWidth - e.clientWidth),
    ),
  );

describe('lists on a phone', () => {
  it('shows clients as cards: the name whole, the segment untruncated', async () => {
    const { page, errors } = await openSignedIn(harness, PHONE, '/clients');
    const row = page.getByTestId('client-row').filter({ hasText: 'Стройресурс' });
    await row.waitFor(WAIT);
    expect(await row.evaluate((e) => e.tagName)).not.toBe('TR');
    const name = row.getByRole('link', { name: CLIENT });
    // The name wraps between words only: each word sits on one line.
    const words = await name.evaluate((a) => {
      const range = document.createRange();
      const text = a.firstChild?.textContent ?? '';
      const lines = new Map<number, string>();
      for (let i = 0; i < text.length; i++) {
        range.setStart(a.firstChild!, i);
        range.setEnd(a.firstChild!, i + 1);
        const top = Math.round(range.getBoundingClientRect().top);
        lines.set(top, (lines.get(top) ?? '') + text[i]);
      }
      return [...lines.values()].map((l) => l.trim());
    });
    for (const line of words)
      for (const word of line.split(/\s+/)) expect(CLIENT.split(/\s+/)).toContain(word);
    const badge = row.getByText(SEGMENT, { exact: true });
    expect(await badge.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
    expect(await widest(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SCREENSHOTS}/clients-phone.png`, fullPage: true });
    expect(errors).toEqual([]);
  }, 60_000);

  it('shows people as cards with the role and the action on screen', async () => {
    const { page, errors } = await openSignedIn(harness, PHONE, '/settings/people');
    const row = page.getByTestId('person-row').filter({ hasText: 'Иван Петров' });
    await row.waitFor(WAIT);
    const action = row.getByRole('button', { name: 'Отключить' });
    const role = row.getByRole('combobox');
    for (const part of [action, role]) {
      const box = await part.boundingBox();
      expect(box).not.toBeNull();
      expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
    }
    expect(await widest(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SCREENSHOTS}/people-phone.png`, fullPage: true });
    expect(errors).toEqual([]);
  }, 60_000);
});
