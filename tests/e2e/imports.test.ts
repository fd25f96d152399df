// /imports in the browser: a 1C sales export (Windows-1251, `;`, Russian headers, `1 234,50`)
// chosen as «Продажи и оплаты», mapped by the suggested columns, checked and committed; the
// transactions are then read back through the API. On a desktop and on a phone.
import iconv from 'iconv-lite';
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
const NBSP = '\u00A0';

let harness: Harness;
let api: ApiCall;
let clientId: string;

beforeAll(async () => {
  harness = await startHarness();
  api = await apiClientFor(harness);
  const client = await api<{ id: string }>('POST', '/api/v1/clients', {
    name: 'ООО "Ромашка"',
    inn: '7707083893',
  });
  clientId = client.json.id;
}, 60_000);

afterAll(async () => harness?.stop());

const export1c = (docs: [string, string, string][]) =>
  iconv.encode(
    [
      'Номер;Дата;Вид;Контрагент;ИНН;Номенклатура;Сумма;Себестоимость;Срок оплаты;Дата оплаты',
      ...docs.map(
        ([doc, date, amount]) =>
          `${doc};${date};Реализация (акт, накладная);ООО "Ромашка";7707083893;Доставка;${amount};;${date};`,
      ),
    ].join('\r\n'),
    'windows-1251',
  );

type Listed = { items: { externalId: string; amount: number; date: string }[] };

describe('the imports page', () => {
  for (const [device, viewport, docs] of [
    [
      'desktop',
      undefined,
      [
        ['РН-1', '05.11.2026', `1${NBSP}234,50`],
        ['РН-2', '06.11.2026', '99'],
      ],
    ],
    ['phone', PHONE, [['РН-3', '07.11.2026', '12 000,00']]],
  ] as const)
    it(`imports a 1C sales export on a ${device}`, async () => {
      const { page, errors } = await openSignedIn(harness, viewport, '/imports');
      await page.getByRole('radio', { name: 'Продажи и оплаты' }).check();
      await page.locator('input[type=file]').setInputFiles({
        name: `1c-${device}.csv`,
        mimeType: 'text/csv',
        buffer: export1c(docs.map((d) => [...d])),
      });
      await page.getByRole('button', { name: 'Загрузить и показать' }).click();
      const format = page.getByTestId('import-number-format');
      await format.waitFor(WAIT);
      expect(await format.textContent()).toContain('десятичная запятая');
      expect(await page.getByTestId('import-detected').textContent()).toContain('windows-1251');
      // The suggested columns are already chosen.
      expect(await page.locator('select[name="mapping.amount"]').inputValue()).toBe('Сумма');
      expect(await page.locator('select[name="mapping.clientInn"]').inputValue()).toBe('ИНН');
      await page.screenshot({
        path: `${SCREENSHOTS}/imports-1c-mapping-${device}.png`,
        fullPage: true,
      });
      await page.getByRole('button', { name: 'Проверить строки' }).click();
      await page
        .getByTestId('import-summary')
        .filter({ hasText: `Без ошибок: ${docs.length} · с ошибками: 0` })
        .waitFor(WAIT);
      await page.getByRole('button', { name: `Загрузить строк: ${docs.length}` }).click();
      const done = page.getByTestId('import-done');
      await done.waitFor(WAIT);
      expect(await done.textContent()).toContain(`Новых: ${docs.length}`);
      await page.screenshot({
        path: `${SCREENSHOTS}/imports-1c-done-${device}.png`,
        fullPage: true,
      });
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
      ).toBeLessThanOrEqual(0);

      const listed = await api<Listed>('GET', `/api/v1/transactions?clientId=${clientId}`);
      const mine = listed.json.items.filter((t) => docs.some(([doc]) => doc === t.externalId));
      expect(mine.map((t) => [t.externalId, t.date, t.amount]).sort()).toEqual(
        device === 'desktop'
          ? [
              ['РН-1', '2026-11-05', 1234.5],
              ['РН-2', '2026-11-06', 99],
            ]
          : [['РН-3', '2026-11-07', 12000]],
      );
      expect(errors).toEqual([]);
    }, 40_000);
});
