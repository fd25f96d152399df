// The arbiter in the browser (issue 16), on the data of scorecard-seed.ts, window November 2026.
// The history before it is too short (fewer than 5 payers per NPS group), so revenue at risk is
// the detractor share × the stage's clients' revenue:
//   «склад»: 1 detractor of 10 answers, clients' revenue 1000 (C) → 100 ₽, first.
//   «доставка»: no detractor → 0 ₽, second.
// The report the worker stored at start (before the seed) is empty until «Пересчитать»; the
// report links carry the window and download real files.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiClientFor,
  openSignedIn,
  SCREENSHOTS,
  startHarness,
  WAIT,
  type Harness,
} from './harness.ts';
import { seedScorecard } from './scorecard-seed.ts';

const PHONE = { width: 390, height: 844 };
const SHOTS = process.env.UI_SHOTS ?? SCREENSHOTS;
const ARBITER = '/arbiter?from=2026-11-01&to=2026-12-01';

let harness: Harness;
let api: Awaited<ReturnType<typeof apiClientFor>>;

const words = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();
const overflowOf = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

beforeAll(async () => {
  harness = await startHarness();
  api = await apiClientFor(harness, 'admin');
  await seedScorecard(api);
}, 90_000);

afterAll(async () => harness?.stop());

describe('the arbiter', () => {
  it('ranks the stages by revenue at risk with the evidence, refreshes and exports', async () => {
    const { page, errors } = await openSignedIn(harness, undefined, ARBITER);
    // The worker stored November's report when the server started, before the seed: the page
    // shows that one until refreshed.
    await page.getByTestId('arbiter-computed').waitFor(WAIT);
    await page.getByTestId('arbiter-refresh').click();
    await page.getByText('Арбитр пересчитан').waitFor(WAIT);
    const first = page.getByTestId('arbiter-stage-склад');
    await first.waitFor(WAIT);
    const cards = page.locator('[data-testid^=arbiter-stage-]');
    expect(await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))).toEqual(
      ['arbiter-stage-склад', 'arbiter-stage-доставка'],
    );
    expect(words(await first.getByTestId('revenue-at-risk').textContent())).toBe('100 ₽');
    expect(words(await first.textContent())).toContain('доля критиков этапа (10,0 %)');
    const second = page.getByTestId('arbiter-stage-доставка');
    expect(words(await second.getByTestId('revenue-at-risk').textContent())).toBe('0 ₽');
    expect(words(await second.getByTestId('no-initiatives').textContent())).toBe(
      'нет связанных инициатив',
    );
    // «склад» has its detractors' cases open; each links to its case page.
    expect(words(await first.textContent())).toMatch(/Открытые обращения: \d+/);
    for (const href of await first
      .getByTestId('open-case')
      .evaluateAll((els) => els.map((e) => e.getAttribute('href'))))
      expect(href).toMatch(/^\/cases\/[0-9a-f-]{36}$/);

    const pdf = await page.getByTestId('export-pdf').getAttribute('href');
    expect(pdf).toBe('/api/v1/reports/arbiter.pdf?from=2026-11-01&to=2026-12-01&lang=ru');
    const file = await page.request.get(`${harness.baseUrl}${pdf}`);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toContain('application/pdf');
    const xlsx = await page.getByTestId('export-xlsx').getAttribute('href');
    expect((await page.request.get(`${harness.baseUrl}${xlsx}`)).status()).toBe(200);

    await page.screenshot({ path: `${SHOTS}/arbiter-1280.png`, fullPage: true });
    expect(errors).toEqual([]);
  }, 60_000);

  it('fits a phone', async () => {
    const { page, errors } = await openSignedIn(harness, PHONE, ARBITER);
    await page.getByTestId('arbiter-stage-склад').waitFor(WAIT);
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SHOTS}/arbiter-390.png`, fullPage: true });
    expect(errors).toEqual([]);
  }, 60_000);
});

describe('the arbiter settings', () => {
  it('edits and adds the rules behind the suggestions and chooses the report recipients', async () => {
    // November: «доставка» gets the built-in "KPI is the top driver" rule; «склад» gets none (its
    // on-time KPI is amber, which no built-in rule for KPIs covers).
    const window = '?from=2026-11-01&to=2026-12-01';
    const report = (await api('POST', `/api/v1/arbiter/refresh${window}`, {})).json as {
      stages: { stage: string; suggestion: { ruleId: string } | null }[];
    };
    const delivery = report.stages.find((s) => s.stage === 'доставка')?.suggestion;
    expect(delivery?.ruleId).toBe('built-in:kpi-driver');
    expect(report.stages.find((s) => s.stage === 'склад')?.suggestion).toBeNull();
    const rules = (await api('GET', '/api/v1/arbiter/rules')).json as {
      builtIn: boolean;
      rules: { id: string }[];
    };
    expect(rules.builtIn).toBe(true);
    const index = rules.rules.findIndex((r) => r.id === delivery!.ruleId);

    const { page, errors } = await openSignedIn(harness, undefined, ARBITER);
    await page.getByTestId('arbiter-settings-link').click();
    await page.getByTestId('arbiter-rules').waitFor(WAIT);
    expect(words(await page.getByTestId('rules-origin').textContent())).toBe('Встроенные правила');
    expect(await page.getByTestId('rule-row').count()).toBe(rules.rules.length);
    const edited = 'Доставка: «{metric}» решает — разобрать опоздания с перевозчиком';
    await page.locator(`textarea[name="textRu-${index}"]`).fill(edited);
    // A new last rule: any KPI off its target.
    await page.getByRole('button', { name: 'Добавить правило' }).click();
    const last = rules.rules.length;
    await page.locator(`input[name="metric-${last}"]`).fill('kpi:*');
    await page.locator(`select[name="when-${last}"]`).selectOption('off_target');
    const added = 'Склад: «{metric}» ниже цели — сверить остатки';
    await page.locator(`textarea[name="textRu-${last}"]`).fill(added);
    await page.locator(`textarea[name="textEn-${last}"]`).fill('Warehouse: check the stock');
    await page.getByTestId('rules-save').click();
    await page.getByText('Правила сохранены').waitFor(WAIT);
    expect(words(await page.getByTestId('rules-origin').textContent())).toBe('Ваши правила');
    expect(await page.getByTestId('rule-row').count()).toBe(rules.rules.length + 1);

    // The recipients: the signed-in admin (the only person) is chosen and kept.
    await page.getByTestId('report-recipients').getByLabel('Получатели').click();
    await page.getByRole('listbox').getByRole('option').first().click();
    await page.keyboard.press('Escape'); // close the dropdown that covers the button
    await page.getByTestId('recipients-save').click();
    await page.getByText('Получатели сохранены').waitFor(WAIT);
    const kept = (await api('GET', '/api/v1/reports/recipients')).json as {
      recipients: unknown[];
    };
    expect(kept.recipients).toHaveLength(1);
    await page.screenshot({ path: `${SHOTS}/arbiter-settings-1280.png`, fullPage: true });

    // The arbiter, recomputed, shows both rules' texts with the metric's name filled in.
    await page.goto(`${harness.baseUrl}${ARBITER}`);
    await page.getByTestId('arbiter-refresh').click();
    await page.getByText('Арбитр пересчитан').waitFor(WAIT);
    const fill = (text: string) => text.replace('{metric}', 'Доставка вовремя');
    await page.getByTestId('arbiter-stage-доставка').getByText(fill(edited)).waitFor(WAIT);
    await page.getByTestId('arbiter-stage-склад').getByText(fill(added)).waitFor(WAIT);
    expect(errors).toEqual([]);

    // Back to the built-in table, so the other tests see the stock suggestions.
    expect((await api('PUT', '/api/v1/arbiter/rules', { rules: [] })).status).toBe(200);
  }, 90_000);

  it('fits a phone', async () => {
    const { page, errors } = await openSignedIn(harness, PHONE, '/arbiter/settings');
    await page.getByTestId('rule-row').first().waitFor(WAIT);
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SHOTS}/arbiter-settings-390.png`, fullPage: true });
    expect(errors).toEqual([]);
  }, 60_000);
});

describe('the scorecard reports', () => {
  it('downloads the PDF and XLSX of the window the page shows', async () => {
    const window = 'period=month&from=2026-06-01&to=2026-12-01';
    const { page, errors } = await openSignedIn(harness, undefined, `/scorecard?${window}`);
    await page.getByTestId('scorecard-stage-доставка').waitFor(WAIT);
    for (const format of ['pdf', 'xlsx']) {
      const href = await page.getByTestId(`export-${format}`).getAttribute('href');
      expect(href).toBe(`/api/v1/reports/scorecard.${format}?${window}&lang=ru`);
      const file = await page.request.get(`${harness.baseUrl}${href}`);
      expect(file.status()).toBe(200);
      expect(file.headers()['content-disposition']).toContain('attachment');
    }
    expect(errors).toEqual([]);
  }, 60_000);
});
