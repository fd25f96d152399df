// /calls in the browser: a missed call logged by the PBX webhook is on the call-back list and in
// the log; a PBX export with short direction words ("вход", "исх") is checked and imported.
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

let harness: Harness;
let api: ApiCall;

beforeAll(async () => {
  harness = await startHarness();
  api = await apiClientFor(harness);
}, 60_000);

afterAll(async () => harness?.stop());

describe('the calls page', () => {
  it('shows a missed call from the webhook on the call-back list and in the log, on a phone', async () => {
    const client = await api<{ id: string }>('POST', '/api/v1/clients', { name: 'ООО «Сигнал»' });
    await api('POST', `/api/v1/clients/${client.json.id}/contacts`, {
      name: 'Пётр',
      phone: '+7 912 345-67-89',
    });
    const startedAt = new Date(Date.now() - 2 * 3600_000).toISOString();
    const logged = await api('POST', '/api/v1/calls', {
      externalId: 'pbx-1',
      startedAt,
      direction: 'in',
      answered: false,
      waitSeconds: 42,
      phone: '8 (912) 345-67-89',
      employee: 'Анна',
    });
    expect(logged.status).toBe(201);

    const { page, errors } = await openSignedIn(harness, PHONE, '/calls');
    const missed = page.getByTestId('call-card').filter({ hasText: '+79123456789' });
    await missed.waitFor(WAIT);
    expect(await missed.textContent()).toContain('Ещё не перезвонили');
    expect(await missed.textContent()).toContain('ООО «Сигнал»');
    await page.screenshot({ path: `${SCREENSHOTS}/calls-missed-phone.png`, fullPage: true });

    await page.getByRole('tab', { name: 'Журнал' }).click();
    await page.getByTestId('call-card').filter({ hasText: 'Анна' }).waitFor(WAIT);
    await page.screenshot({ path: `${SCREENSHOTS}/calls-log-phone.png`, fullPage: true });
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
  }, 30_000);

  it('imports a PBX export whose directions are short words, on a desktop', async () => {
    const csv = [
      'Дата/Время;Направление;Отвечен;Телефон;Сотрудник',
      '20.11.2026 10:15;вход;нет;+7 900 111-22-33;Борис',
      '20.11.2026 10:40;Исх.;да;+7 900 111-22-33;Борис',
      '20.11.2026 11:00;IN;да;+7 900 444-55-66;Вера',
    ].join('\n');
    const { page, errors } = await openSignedIn(harness, undefined, '/calls');
    await page.getByRole('tab', { name: 'Загрузка' }).click();
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'calls.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByTestId('calls-check').click();
    const report = page.getByTestId('calls-report');
    await report.filter({ hasText: 'Строк без ошибок: 3, с ошибками: 0' }).waitFor(WAIT);
    await page.getByTestId('calls-commit').click();
    await report.filter({ hasText: 'Загружено звонков: 3' }).waitFor(WAIT);
    await page.screenshot({ path: `${SCREENSHOTS}/calls-import-desktop.png`, fullPage: true });
    const calls = await api<{ items: { direction: string; employee: string }[] }>(
      'GET',
      '/api/v1/calls?employee=%D0%91%D0%BE%D1%80%D0%B8%D1%81',
    );
    expect(calls.json.items.map((c) => c.direction).sort()).toEqual(['in', 'out']);
    expect(errors).toEqual([]);
  }, 30_000);
});
