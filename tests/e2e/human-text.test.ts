// People read words, not codes (issue 21): a case walked through status changes, an owner, a
// priority and a note shows on the client's timeline and on the case page in Russian, with no
// raw id, no snake_case key and no stored status code visible — at 1280 and 390 px.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN,
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
let clientId: string;
let caseId: string;

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const SNAKE = /\b[a-z]+_[a-z_]+\b/;
const STATUS_CODES = /\b(new|acknowledged|in_progress|waiting_client|resolved|closed)\b/;

beforeAll(async () => {
  harness = await startHarness();
  api = await apiClientFor(harness);
  const client = await api<{ id: string }>('POST', '/api/v1/clients', { name: 'ООО «Вектор»' });
  clientId = client.json.id;
  const users = await api<{ items: { id: string; email: string }[] }>('GET', '/api/v1/users');
  const admin = users.json.items.find((u) => u.email === ADMIN.email)!;
  const opened = await api<{ id: string }>('POST', '/api/v1/cases', {
    title: 'Сорвана доставка',
    clientId,
  });
  caseId = opened.json.id;
  for (const patch of [
    { status: 'in_progress' },
    { ownerId: admin.id },
    { priority: 'high' },
    { note: 'Позвонили клиенту, ждём документы' },
    { status: 'waiting_client' },
  ])
    expect((await api('PATCH', `/api/v1/cases/${caseId}`, patch)).status).toBe(200);
}, 60_000);

afterAll(async () => harness?.stop());

async function visibleText(page: Page): Promise<string> {
  return page.getByRole('main').innerText();
}

function expectHuman(text: string) {
  expect(text).not.toMatch(UUID);
  expect(text).not.toMatch(SNAKE);
  expect(text).not.toMatch(STATUS_CODES);
}

describe('human text on history pages', () => {
  for (const [name, viewport] of [
    ['desktop', { width: 1280, height: 800 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    it(`tells the client's timeline in words (${name})`, async () => {
      const { page, errors } = await openSignedIn(
        harness,
        viewport,
        `/clients/${clientId}?tab=timeline`,
      );
      await page.getByTestId('timeline-item').first().waitFor(WAIT);
      await page.getByText('Статус: Новое → В работе', { exact: false }).first().waitFor(WAIT);
      const text = await visibleText(page);
      expect(text).toContain('Позвонили клиенту');
      expectHuman(text);
      await page.screenshot({ path: `${SCREENSHOTS}/timeline-words-${name}.png`, fullPage: true });
      expect(errors).toEqual([]);
    });

    it(`tells the case history in words (${name})`, async () => {
      const { page, errors } = await openSignedIn(harness, viewport, `/cases/${caseId}`);
      await page.getByTestId('case-timeline').waitFor(WAIT);
      const text = await visibleText(page);
      expect(text).toContain('Позвонили клиенту');
      expectHuman(text);
      await page.screenshot({
        path: `${SCREENSHOTS}/case-history-words-${name}.png`,
        fullPage: true,
      });
      expect(errors).toEqual([]);
    });
  }
});

describe('failures are said, not hidden', () => {
  it('warns that nobody will be notified when a case has no contact, and says so on the button', async () => {
    const { page, errors } = await openSignedIn(
      harness,
      { width: 390, height: 844 },
      `/cases/${caseId}`,
    );
    await page.getByRole('button', { name: 'Решить', exact: false }).first().click();
    await page.getByTestId('resolve-no-contact').waitFor(WAIT);
    await page.getByRole('button', { name: 'Решить без уведомления' }).waitFor(WAIT);
    await page.screenshot({ path: `${SCREENSHOTS}/resolve-no-contact-phone.png`, fullPage: true });
    expect(errors).toEqual([]);
  });

  it('shows why an acknowledgement was not sent when outgoing mail is not configured', async () => {
    const made = await api<{ caseId: string }>('POST', '/api/v1/feedback', {
      clientId,
      contact: { email: 'ivan@example.ru', name: 'Иван' },
      score: { type: 'nps', value: 2 },
      text: 'Опять опоздали',
    });
    expect(made.status).toBe(201);
    const { page, errors } = await openSignedIn(harness, undefined, `/cases/${made.json.caseId}`);
    await page
      .getByText('исходящая почта не настроена (SMTP_URL)', { exact: false })
      .first()
      .waitFor({ timeout: 20_000 });
    expect(errors).toEqual([]);
  });
});

describe('the audit log in words', () => {
  for (const [name, viewport] of [
    ['desktop', { width: 1280, height: 800 }],
    ['phone', { width: 390, height: 844 }],
  ] as const)
    it(`names actions, people and targets, never codes or ids (${name})`, async () => {
      const { page, errors } = await openSignedIn(harness, viewport, '/settings/audit');
      await page.getByTestId('audit-row').first().waitFor(WAIT);
      // In the rows: the action filter above them holds the same words in its options.
      await page.getByTestId('audit-row').getByText('Изменено обращение').first().waitFor(WAIT);
      const text = await visibleText(page);
      expect(text).toContain('Вход в систему');
      expectHuman(text);
      expect(text).not.toMatch(/\b[a-z_]+\.[a-z_.]+\b/); // no "case.updated"
      if (name === 'phone')
        expect(
          await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
        ).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `${SCREENSHOTS}/audit-words-${name}.png`, fullPage: true });
      expect(errors).toEqual([]);
    });
});
