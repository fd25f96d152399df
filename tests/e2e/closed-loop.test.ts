// The closed loop in the browser, against the real server and a real SMTP server: a detractor's
// answer arrives through a survey link opened with JavaScript off, the manager finds its case in the inbox, works it and
// resolves it, and the client's closing e-mail arrives. Plus the dashboard's charts render.
// Lists, the client page and settings are in lists-settings.test.ts.
import type { ParsedMail } from 'mailparser';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestSmtp, type TestSmtp } from '../support/smtp.ts';
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
const COMPLAINT = 'Курьер опоздал на два дня, заказ пришёл помятым';
const RESOLUTION = 'Мы вернули стоимость доставки и поговорили со службой курьеров.';
// Each test makes what it looks for, with texts and names of its own: none relies on another
// having run first (the dashboard's history is made once, before all, and only read).

let harness: Harness;
let smtp: TestSmtp;
let api: ApiCall;

/** The first day of the month `back` months ago, mid-day UTC. */
/** Early in the month `back` months ago, and never in the future (lists run by receivedAt). */
function monthsAgo(back: number): string {
  const now = new Date();
  const at = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1, 6);
  return new Date(Math.min(at, now.getTime() - 3_600_000)).toISOString();
}

beforeAll(async () => {
  smtp = await startTestSmtp();
  harness = await startHarness({ SMTP_URL: smtp.url });
  api = await apiClientFor(harness);

  // Some history for the dashboard and the board: scores over six months, stages and channels.
  const stages = ['Доставка', 'Оплата', 'Поддержка'];
  const channels = ['api', 'survey', 'web'];
  const items = Array.from({ length: 18 }, (_, i) => ({
    channel: channels[i % 3],
    client: {
      externalId: `hist-${i % 4}`,
      name: ['ООО «Север»', 'ИП Иванов', 'АО «Заря»', 'ООО «Луч»'][i % 4],
      segment: i % 2 ? 'B2B' : 'Розница',
    },
    stage: stages[i % 3],
    score: { type: 'nps', value: [10, 9, 8, 7, 9, 10, 4][i % 7] },
    receivedAt: monthsAgo(i % 6),
  }));
  const batch = await api<{ results: { status: string }[] }>('POST', '/api/v1/feedback/batch', {
    items,
  });
  expect(batch.json.results.every((r) => r.status === 'created')).toBe(true);
}, 120_000);
afterEach(() => harness.closePages());

/** The first mail to `to` whose subject passes `subject`, however many other tests sent. */
async function mailTo(to: string, subject: (s: string) => boolean = () => true) {
  const sentTo = (m: ParsedMail) =>
    [m.to ?? []].flat().some((a) => a.text.includes(to)) && subject(m.subject ?? '');
  return vi.waitFor(
    () => {
      const found = smtp.messages.find(sentTo);
      if (!found) throw new Error(`no mail to ${to} yet: ${smtp.messages.map((m) => m.subject)}`);
      return found;
    },
    { timeout: 15_000, interval: 50 },
  );
}
afterAll(async () => {
  await harness?.stop();
  await smtp?.close();
});

describe('closed loop in the UI', () => {
  it('a detractor answers a survey link with JavaScript off; the case is worked in the inbox and the client gets the closing e-mail', async () => {
    // The client, its contact and a personal NPS survey link, set up through the API.
    const client = await api<{ id: string }>('POST', '/api/v1/clients', {
      name: 'ООО «Вектор»',
      externalId: 'vector-1',
      segment: 'B2B',
    });
    const contact = await api<{ id: string }>(
      'POST',
      `/api/v1/clients/${client.json.id}/contacts`,
      { name: 'Иван', email: 'ivan@example.ru', language: 'ru' },
    );
    const survey = await api<{ id: string }>('POST', '/api/v1/surveys', {
      name: 'NPS после доставки',
      metric: 'nps',
      stage: 'Доставка',
    });
    const invites = await api<{ items: { url: string }[] }>(
      'POST',
      `/api/v1/surveys/${survey.json.id}/invites`,
      { contactIds: [contact.json.id] },
    );
    expect(invites.status).toBe(201);
    const surveyPath = new URL(invites.json.items[0]!.url).pathname;

    // The client answers on a phone with JavaScript off: a plain HTML form.
    const { page: anyPage } = await harness.openApp();
    const noJs = await anyPage
      .context()
      .browser()!
      .newContext({ javaScriptEnabled: false, viewport: PHONE, locale: 'ru-RU' });
    try {
      const form = await noJs.newPage();
      expect((await form.goto(`${harness.baseUrl}${surveyPath}`))?.status()).toBe(200);
      await form.getByRole('radio', { name: '3', exact: true }).check();
      await form.locator('textarea[name=comment]').fill(COMPLAINT);
      await form.getByRole('button', { name: 'Отправить' }).click();
      await form.getByRole('heading', { name: 'Спасибо за ответ!' }).waitFor(WAIT);
    } finally {
      await noJs.close();
    }
    const newest = await api<{
      items: {
        caseId: string | null;
        publicRef: string;
        statusUrl: string;
        channel: string;
        text: string;
      }[];
    }>('GET', '/api/v1/feedback?limit=1');
    const recorded = { json: newest.json.items[0]! };
    expect(recorded.json).toMatchObject({ channel: 'survey', text: COMPLAINT });
    expect(recorded.json.caseId).toBeTruthy();
    // The acknowledgement goes out first (and moves the case to "acknowledged").
    await mailTo('ivan@example.ru');

    const { page, errors } = await openSignedIn(harness, undefined, '/inbox');
    const inboxCase = page.getByTestId('inbox-case').filter({ hasText: COMPLAINT });
    await inboxCase.waitFor(WAIT);
    // Breached first, then the earliest due time: a fresh case is "due in …", not overdue.
    await expect(inboxCase.getByTestId('due-badge').textContent()).resolves.toMatch(/^через \d+/);
    await page.screenshot({ path: `${SCREENSHOTS}/inbox-desktop.png`, fullPage: true });

    await inboxCase.getByRole('link', { name: /Курьер опоздал/ }).click();
    await page.getByTestId('case-title').waitFor(WAIT);
    expect(page.url()).toContain(`/cases/${recorded.json.caseId}`);
    await page.getByRole('link', { name: 'ООО «Вектор»' }).waitFor(WAIT);
    await page
      .getByTestId('case-timeline')
      .getByText('Письмо «Подтверждение получения» → ivan@example.ru', { exact: false })
      .waitFor(WAIT);

    await page.getByRole('button', { name: 'Взять в работу' }).click();
    await page
      .getByTestId('case-timeline')
      .getByText('Статус: Подтверждено → В работе', { exact: false })
      .waitFor(WAIT);
    await page.getByTestId('case-actions').getByRole('button', { name: 'Решить' }).click();
    await page.locator('select[name=resolutionCode]').selectOption({ label: 'Компенсация' });
    await page.locator('textarea[name=resolution]').fill(RESOLUTION);
    await page.getByRole('button', { name: 'Решить и уведомить клиента' }).click();
    await page.getByTestId('case-resolution').getByText(RESOLUTION).waitFor(WAIT);

    const closing = await mailTo(
      'ivan@example.ru',
      (subject) => subject === `Обращение ${recorded.json.publicRef} решено`,
    );
    expect(closing!.text).toContain(RESOLUTION);
    expect(closing!.text).toContain(`${new URL(recorded.json.statusUrl).pathname}/rate`); // the follow-up rating was asked for
    await page
      .getByTestId('case-timeline')
      .getByText('Письмо «Закрытие обращения»', { exact: false })
      .waitFor(WAIT);
    await page.screenshot({ path: `${SCREENSHOTS}/case-desktop.png`, fullPage: true });

    // The board: the case now sits in the "resolved" column.
    await page.getByRole('navigation').getByText('Обращения').click();
    await page
      .getByTestId('board-column-resolved')
      .getByText(COMPLAINT, { exact: false })
      .waitFor(WAIT);
    await page.screenshot({ path: `${SCREENSHOTS}/board-desktop.png`, fullPage: true });
    expect(errors).toEqual([]);
  });

  it('an invalid status change is refused with a translated message', async () => {
    const { page, errors } = await openSignedIn(harness, undefined, '/cases/new');
    await page.locator('input[name=title]').fill('Звонок клиента: уточнить счёт');
    await page.getByRole('button', { name: 'Открыть обращение' }).click();
    await page.getByTestId('case-title').getByText('Звонок клиента: уточнить счёт').waitFor(WAIT);
    const caseId = page.url().split('/').pop()!;
    // Someone else closes the case meanwhile; our page still offers "Взять в работу".
    await api('PATCH', `/api/v1/cases/${caseId}`, {
      status: 'resolved',
      resolution: 'Решено по телефону',
      resolutionCode: 'explained',
    });
    await api('PATCH', `/api/v1/cases/${caseId}`, { status: 'closed' });
    await page.getByRole('button', { name: 'Взять в работу' }).click();
    await page.getByText('Такой переход между статусами недопустим.').waitFor(WAIT);
    // The server's refusal is an expected 409; the browser logs the failed request itself.
    expect(errors.filter((e) => !e.includes('409'))).toEqual([]);
  });

  it('works at 390 px: inbox, case page and board', async () => {
    const title = 'Клиент просит перезвонить после обеда';
    expect((await api('POST', '/api/v1/cases', { title })).status).toBe(201);
    const { page, errors } = await openSignedIn(harness, PHONE, '/inbox');
    const ours = page.getByTestId('inbox-case').filter({ hasText: title });
    await ours.waitFor(WAIT);
    await page.screenshot({ path: `${SCREENSHOTS}/inbox-phone.png`, fullPage: true });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);

    await ours.getByRole('link').first().click();
    await page.getByTestId('case-title').waitFor(WAIT);
    await page.getByTestId('case-timeline').waitFor(WAIT);
    await page.screenshot({ path: `${SCREENSHOTS}/case-phone.png`, fullPage: true });
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);

    await page.goto(`${harness.baseUrl}/cases`);
    await page.getByTestId('board-column-new').waitFor(WAIT);
    await page.screenshot({ path: `${SCREENSHOTS}/board-phone.png`, fullPage: true });
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
  });
});

describe('dashboard', () => {
  for (const [name, viewport] of [
    ['desktop', { width: 1280, height: 900 }],
    ['phone', PHONE],
  ] as const) {
    it(`renders the overview and the charts as SVG without console errors (${name})`, async () => {
      const { page, errors } = await openSignedIn(harness, viewport, '/dashboard');
      await page.getByTestId('overview-nps').waitFor(WAIT);
      await page.locator('[data-testid=chart-month] svg').waitFor(WAIT);
      await page.locator('[data-testid=chart-stage] svg').waitFor(WAIT);
      expect(await page.getByTestId('overview-nps').textContent()).toMatch(/\d+ ответ/);
      await page.screenshot({ path: `${SCREENSHOTS}/dashboard-${name}.png`, fullPage: true });
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
      ).toBeLessThanOrEqual(0);
      expect(errors).toEqual([]);
    });
  }
});
