// What the screenshots of every page showed (issue 21), kept fixed: a record's stage is named, not
// shown as its key, on the feedback list, the record and the case; a stage's targets read as
// "Время до первого ответа (медиана) ≤ 4 ч 0 мин", not "cases.ack_minutes ≤ 240"; the Today
// page says why the last message did not go out in words, not the server's English error; and a
// long list of reminders shows eight with «Показать все» instead of a page-long column; the
// inbound page warns that its address receives nothing while the receiver is off.
// At 1280 and 390 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recurringDateInDays } from '../support/dates.ts';
import {
  apiClientFor,
  openSignedIn,
  SCREENSHOTS,
  startHarness,
  WAIT,
  type ApiCall,
  type Harness,
} from './harness.ts';

const KEY = 'оплата-счёта';
const NAME = 'Оплата по счёту';
let harness: Harness;
let api: ApiCall;
let feedbackId: string;
let caseId: string;
let clientId: string;

beforeAll(async () => {
  harness = await startHarness();
  api = await apiClientFor(harness, 'admin');
  const stage = await api('POST', '/api/v1/stages', {
    key: KEY,
    nameRu: NAME,
    nameEn: 'Invoice payment',
    targets: [
      { metric: 'cases.ack_minutes', target: 240, direction: 'down' },
      { metric: 'cases.reopen_rate', target: 0.1, direction: 'down' },
      { metric: 'nps', target: 40, direction: 'up' },
    ],
  });
  expect(stage.status).toBe(201);
  const client = await api<{ id: string }>('POST', '/api/v1/clients', { name: 'ООО «Лён»' });
  const made = await api<{ id: string; caseId: string }>('POST', '/api/v1/feedback', {
    clientId: client.json.id,
    contact: { email: 'olga@example.ru', name: 'Ольга' },
    score: { type: 'nps', value: 2 },
    text: 'Счёт выставили дважды',
    stage: KEY,
  });
  expect(made.status).toBe(201);
  feedbackId = made.json.id;
  clientId = client.json.id;
  // A requirement on the stage: the client card and the case list it, by the stage's name.
  const requirement = await api('POST', `/api/v1/clients/${clientId}/requirements`, {
    category: 'documents',
    text: 'Счета — только с печатью',
    source: 'meeting',
    stage: KEY,
  });
  expect(requirement.status).toBe(201);
  caseId = made.json.caseId;
  expect(caseId).toBeTruthy();
  const timeZone = (await api<{ timeZone: string }>('GET', '/api/v1/org')).json.timeZone;
  for (let i = 0; i < 10; i++) {
    const date = await api('POST', `/api/v1/clients/${client.json.id}/dates`, {
      kind: 'birthday',
      date: recurringDateInDays(new Date(), 0, timeZone),
      title: `День рождения ${i + 1}`,
    });
    expect(date.status).toBe(201);
  }
}, 60_000);

afterAll(async () => harness?.stop());

describe('names, not keys', () => {
  for (const [name, viewport] of [
    ['desktop', { width: 1280, height: 800 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    it(`names the stage on the list, the record and the case (${name})`, async () => {
      const { page, errors } = await openSignedIn(harness, viewport, '/feedback');
      const card = page.getByTestId('feedback-card').filter({ hasText: 'Счёт выставили дважды' });
      await card.getByText(NAME).waitFor(WAIT);
      expect(await card.innerText()).not.toContain(KEY);
      for (const path of [`/feedback/${feedbackId}`, `/cases/${caseId}`, `/clients/${clientId}`]) {
        await page.goto(`${harness.baseUrl}${path}`);
        await page.getByText(NAME, { exact: true }).first().waitFor(WAIT);
        // No field shows the bare key, nor does the owner's assignment e-mail quoted on the
        // page, which gives the due time as a person reads it, not an ISO string.
        expect(await page.getByText(KEY, { exact: true }).count()).toBe(0);
        const text = await page.locator('body').innerText();
        expect(text).not.toContain(KEY);
        expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
      }
      await page.screenshot({ path: `${SCREENSHOTS}/case-stage-${name}.png`, fullPage: true });
      expect(errors).toEqual([]);
    }, 60_000);

    it(`names the stage on the dashboard's by-stage chart (${name})`, async () => {
      const { page, errors } = await openSignedIn(harness, viewport, '/dashboard');
      const chart = page.getByTestId('chart-stage');
      await chart.scrollIntoViewIfNeeded();
      await chart.locator('text', { hasText: 'Оплата по' }).first().waitFor(WAIT);
      expect(await chart.locator('text', { hasText: KEY }).count()).toBe(0);
      expect(errors).toEqual([]);
    }, 60_000);

    it(`reads a stage's targets in words and units (${name})`, async () => {
      const { page, errors } = await openSignedIn(harness, viewport, '/stages');
      const targets = page.getByTestId('stage-targets').first();
      await targets.waitFor(WAIT);
      const text = await targets.innerText();
      expect(text).toContain('Время до первого ответа (медиана) ≤ 4 ч 0 мин');
      expect(text).toContain('Открыты повторно ≤ 10 %');
      expect(text).toContain('NPS ≥ 40');
      expect(text).not.toMatch(/cases\.|_/);
      expect(errors).toEqual([]);
    }, 60_000);

    it(`says why mail did not go and folds a long reminder list on Today (${name})`, async () => {
      const { page, errors } = await openSignedIn(harness, viewport, '/today');
      const health = page.getByTestId('today-health');
      await expect
        .poll(
          async () => {
            await page.reload();
            await health.waitFor(WAIT);
            return health.innerText();
          },
          { timeout: 20_000 },
        )
        .toContain('исходящая почта не настроена (SMTP_URL)');
      expect(await health.innerText()).not.toContain('is not configured');
      const reminders = page.getByTestId('today-reminder');
      await expect.poll(() => reminders.count(), WAIT).toBe(8);
      await page.getByRole('button', { name: 'Показать все (10)' }).click();
      await expect.poll(() => reminders.count(), WAIT).toBe(10);
      await page.screenshot({ path: `${SCREENSHOTS}/today-folded-${name}.png`, fullPage: true });
      // The inbound page hands out its address with a warning while the receiver is off.
      await page.goto(`${harness.baseUrl}/inbound`);
      await page.getByTestId('inbound-address').waitFor(WAIT);
      expect(await page.getByTestId('inbound-receiver-off').innerText()).toContain(
        'Приём почты выключен',
      );
      expect(errors).toEqual([]);
    }, 60_000);
  }
});
