// Competencies in the browser (issue 18): the gap matrix of a small team at 1280 and 390 px,
// and a training item created from a gap with one click, then seen in the training plan.
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
const DESKTOP = { width: 1280, height: 800 };

let harness: Harness;
let api: ApiCall;
beforeAll(async () => {
  harness = await startHarness();
  api = await apiClientFor(harness);
  const comp = async (nameRu: string, nameEn: string, metricKey?: string) =>
    (await api<{ id: string }>('POST', '/api/v1/competencies', { nameRu, nameEn, metricKey })).json
      .id;
  const empathy = await comp('Эмпатия', 'Empathy', 'csat');
  const product = await comp('Знание продукта', 'Product knowledge', 'nps');
  await api('PUT', '/api/v1/competencies/models', {
    position: 'Оператор',
    levels: { [empathy]: 4, [product]: 3 },
  });
  // Анна: empathy 2 of 4 (gap 2, red), product 3 of 3 (met); Борис: empathy 4 (met), product —.
  const person = async (name: string) =>
    (
      await api<{ id: string }>('POST', '/api/v1/employees', {
        name,
        position: 'Оператор',
        stageKey: 'support',
      })
    ).json.id;
  const anna = await person('Анна Кузнецова');
  const boris = await person('Борис Орлов');
  await api('POST', `/api/v1/employees/${anna}/assessments`, {
    kind: 'manager',
    levels: { [empathy]: 2, [product]: 3 },
  });
  await api('POST', `/api/v1/employees/${boris}/assessments`, {
    kind: 'manager',
    levels: { [empathy]: 4 },
  });
}, 60_000);
afterAll(async () => harness?.stop());

describe('competencies', () => {
  it('shows the gap matrix and plans training from a gap with one click', async () => {
    const { page, errors } = await openSignedIn(harness, DESKTOP, '/competencies');
    await page.getByTestId('gap-matrix').waitFor(WAIT);
    expect(await page.getByTestId('gap-row').count()).toBe(2);
    expect(await page.getByTestId('gap-coverage').textContent()).toContain('50 %');
    await page.screenshot({ path: `${SCREENSHOTS}/competencies-gaps-1280.png`, fullPage: true });
    // Only Анна's empathy falls short (Борис's product is not assessed: nothing to plan).
    const plan = page.getByTestId('plan-training');
    expect(await plan.count()).toBe(1);
    await plan.click();
    await page.getByTestId('planned').waitFor(WAIT);
    await page.getByTestId('tab-plan').click();
    const row = page.getByTestId('training-row');
    await row.first().waitFor(WAIT);
    expect(await row.count()).toBe(1);
    expect(await row.first().textContent()).toContain('Эмпатия');
    expect(await row.first().textContent()).toContain('Анна Кузнецова');
    await page.screenshot({ path: `${SCREENSHOTS}/competencies-plan-1280.png`, fullPage: true });
    expect(errors).toEqual([]);
  });

  it('stays readable on a phone', async () => {
    const { page, errors } = await openSignedIn(harness, PHONE, '/competencies');
    await page.getByTestId('gap-matrix').waitFor(WAIT);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      PHONE.width,
    );
    await page.screenshot({ path: `${SCREENSHOTS}/competencies-gaps-390.png`, fullPage: true });
    await page.getByTestId('tab-person').click();
    await page.getByTestId('person-pick').click();
    await page.getByRole('option', { name: 'Анна Кузнецова' }).click();
    await page.getByTestId('training-plan').waitFor(WAIT);
    // An admin assesses someone else's record as their manager or with a 360 answer.
    await page.getByTestId('assess-kind').click();
    expect(await page.getByRole('option').allTextContents()).toEqual(['руководитель', '360']);
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      PHONE.width,
    );
    await page.screenshot({ path: `${SCREENSHOTS}/competencies-person-390.png`, fullPage: true });
    for (const tab of ['suggestions', 'model', 'onboarding']) {
      await page.getByTestId(`tab-${tab}`).click();
      await page.waitForLoadState('networkidle');
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth),
        tab,
      ).toBeLessThanOrEqual(PHONE.width);
      await page.screenshot({ path: `${SCREENSHOTS}/competencies-${tab}-390.png`, fullPage: true });
    }
    expect(errors).toEqual([]);
  });
});
