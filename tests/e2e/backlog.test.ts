// The improvement backlog in Chromium (issue 18), against the real server, its worker and a real
// SMTP server: select three feedback records on the feedback list → create an initiative from
// them → drag its point on the quadrant chart from quick wins to money pits → write the public
// note and mark it done → each of the three contacts gets "you said, we did" in their language.
// Screenshots at 1280 and 390 px.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { recipientsOf, startTestSmtp, type TestSmtp } from '../support/smtp.ts';
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
const DESKTOP = { width: 1280, height: 800 };
const TITLE = 'Доставка в день заказа';

let harness: Harness;
let smtp: TestSmtp;
let api: ApiCall;

beforeAll(async () => {
  smtp = await startTestSmtp();
  harness = await startHarness({ SMTP_URL: smtp.url });
  api = await apiClientFor(harness);
}, 60_000);
afterEach(() => harness.closePages());
afterAll(async () => {
  await harness?.stop();
  await smtp?.close();
});

const overflowOf = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** Where a (value, effort) lands on the chart, as QuadrantChart.tsx draws it (viewBox 560×400). */
async function chartPoint(page: Page, value: number, effort: number) {
  const box = (await page.getByTestId('quadrant-chart').boundingBox())!;
  const [W, H, left, right, top, bottom] = [560, 400, 44, 12, 12, 40];
  const sx = left + ((effort - 0.5) / 10) * (W - left - right);
  const sy = H - bottom - ((value - 0.5) / 10) * (H - top - bottom);
  return { x: box.x + (sx / W) * box.width, y: box.y + (sy / H) * box.height };
}

describe('the improvement backlog', () => {
  it('creates an initiative from three records, drags it to another quadrant, marks it done and mails each contact', async () => {
    const people = [
      ['ivan@dostavka.example', 'Иван', 'ru', 'Курьер опоздал на два дня'],
      ['john@dostavka.example', 'John', 'en', 'The courier came a day late'],
      ['olga@dostavka.example', 'Ольга', 'ru', 'Доставку перенесли без звонка'],
    ] as const;
    for (const [email, name, language, text] of people) {
      const res = await api('POST', '/api/v1/feedback', {
        client: { externalId: `crm-${name}`, name: `Клиент ${name}` },
        contact: { email, name, language },
        stage: 'доставка',
        text,
      });
      expect(res.status).toBe(201);
    }

    const { page, errors } = await openSignedIn(harness, DESKTOP, '/feedback');
    const boxes = page.getByTestId('select-feedback');
    await boxes.first().waitFor(WAIT);
    expect(await boxes.count()).toBe(3);
    for (let i = 0; i < 3; i += 1) await boxes.nth(i).check();
    await page.getByTestId('create-initiative').click();
    await page.getByTestId('initiative-title').fill(TITLE);
    await page.getByTestId('initiative-effort').fill('3');
    await page.getByTestId('initiative-save').click();
    await page.getByTestId('linked-feedback').waitFor(WAIT);
    expect(await page.getByTestId('linked-feedback').textContent()).toContain('Курьер опоздал');
    const id = page.url().split('/backlog/')[1]!;

    // On the chart: reach 3 is the only (so the largest) → value 10, effort 3 → quick win.
    await page.goto(`${harness.baseUrl}/backlog`);
    const point = page.getByTestId(`point-${id}`);
    await point.waitFor(WAIT);
    expect(await point.getAttribute('data-quadrant')).toBe('quick_win');
    await page.screenshot({ path: `${SCREENSHOTS}/backlog-before-drag.png`, fullPage: true });
    const from = await chartPoint(page, 10, 3);
    const to = await chartPoint(page, 2, 9);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 12 });
    await page.mouse.up();
    await expect
      .poll(async () => (await api<any>('GET', `/api/v1/initiatives/${id}`)).json, WAIT)
      .toMatchObject({ value: 2, effort: 9, quadrant: 'money_pit', valueSource: 'manual' });
    await expect.poll(() => point.getAttribute('data-quadrant'), WAIT).toBe('money_pit');
    await page.screenshot({ path: `${SCREENSHOTS}/backlog-1280.png`, fullPage: true });

    // Done, with a public note: through planned and in progress.
    await page.goto(`${harness.baseUrl}/backlog/${id}`);
    await page.getByTestId('public-note').fill('Теперь курьер приезжает в день заказа.');
    for (const s of ['planned', 'in_progress', 'done']) {
      await page.getByTestId(`move-${s}`).click();
      await page.getByTestId(`move-${s}`).waitFor({ state: 'detached', ...WAIT });
    }
    await expect
      .poll(() => page.getByTestId('initiative-status').textContent(), WAIT)
      .toBe('Выполнена');

    const mails = await vi.waitFor(
      () => {
        const told = smtp.messages.filter((m) => m.subject?.includes(TITLE));
        if (told.length < 3) throw new Error(`${told.length} mails so far`);
        return told;
      },
      { timeout: 20_000, interval: 200 },
    );
    expect(mails.map((m) => recipientsOf(m)[0]).sort()).toEqual(
      people.map(([email]) => email).sort(),
    );
    const john = mails.find((m) => recipientsOf(m)[0] === 'john@dostavka.example')!;
    expect(john.subject).toBe(`You said, we did: ${TITLE}`);
    expect(john.text).toContain('"The courier came a day late"');
    const ivan = mails.find((m) => recipientsOf(m)[0] === 'ivan@dostavka.example')!;
    expect(ivan.subject).toBe(`Вы сказали — мы сделали: ${TITLE}`);
    expect(ivan.text).toContain('«Курьер опоздал на два дня»');
    expect(ivan.text).toContain('Теперь курьер приезжает в день заказа.');
    await expect.poll(() => page.getByTestId('notices-sent').textContent(), WAIT).toContain('3');
    await page.screenshot({ path: `${SCREENSHOTS}/initiative-1280.png`, fullPage: true });
    expect(errors).toEqual([]);
  });

  it('reads on a phone: the chart, the on-time share and the ranked list fit 390 px', async () => {
    // The initiative done above gets a due date: done today, due later → on time, 100 %.
    const list = await api<{ items: { id: string }[] }>('GET', '/api/v1/initiatives');
    const due = await api('PATCH', `/api/v1/initiatives/${list.json.items[0]!.id}`, {
      dueDate: '2099-12-31',
    });
    expect(due.status).toBe(200);
    const { page, errors } = await openSignedIn(harness, PHONE, '/backlog');
    await page.getByTestId('quadrant-chart').waitFor(WAIT);
    await page.getByTestId('initiative-row').first().waitFor(WAIT);
    expect(await page.getByTestId('on-time-share').textContent()).toContain('100');
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SCREENSHOTS}/backlog-390.png`, fullPage: true });
    const row = page.getByTestId('initiative-row').first();
    await row.getByRole('link').click();
    await page.getByTestId('initiative-status').waitFor(WAIT);
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SCREENSHOTS}/initiative-390.png`, fullPage: true });
    expect(errors).toEqual([]);
  });
  it('opens a new initiative prefilled from an arbiter suggestion link', async () => {
    const title = 'Сократить время подтверждения доставки';
    const { page, errors } = await openSignedIn(
      harness,
      DESKTOP,
      `/backlog?new=1&stage=${encodeURIComponent('доставка')}&title=${encodeURIComponent(title)}`,
    );
    const input = page.getByTestId('initiative-title');
    await input.waitFor(WAIT);
    expect(await input.inputValue()).toBe(title);
    await page.getByTestId('initiative-save').click();
    await page.getByTestId('initiative-status').waitFor(WAIT);
    const list = await api<{ items: { title: string; stage: string; status: string }[] }>(
      'GET',
      '/api/v1/initiatives?status=idea',
    );
    expect(list.json.items).toContainEqual(
      expect.objectContaining({ title, stage: 'доставка', status: 'idea' }),
    );
    expect(errors).toEqual([]);
  });
});
