// /employees in the browser: the import button opens the import page with «Персонал» chosen; a
// small HR file (Windows-1251, `;`, Russian headers) is checked and committed, and its people are
// then in the list, found by a Cyrillic search; on a desktop an employee is added by hand too.
// On a desktop and on a phone (390 px, nothing wider than the screen).
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSignedIn, SCREENSHOTS, startHarness, WAIT, type Harness } from './harness.ts';

const PHONE = { width: 390, height: 844 };

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
}, 60_000);
afterAll(async () => harness?.stop());

const hrFile = (rows: string[]) =>
  iconv.encode(
    ['Табельный номер;ФИО;Должность;Отдел;Руководитель;Дата приёма;E-mail;Статус', ...rows].join(
      '\r\n',
    ),
    'windows-1251',
  );

describe('the employees page', () => {
  for (const [device, viewport, rows, names] of [
    [
      'desktop',
      undefined,
      [
        'Д-1;Ёлкина Мария;Руководитель доставки;delivery;;01.03.2020;elkina@romashka.ru;работает',
        'Д-2;Соколов Пётр;Курьер;delivery;Ёлкина Мария;2026-11-20;;в отпуске',
      ],
      ['Ёлкина Мария', 'Соколов Пётр'],
    ],
    [
      'phone',
      PHONE,
      ['Т-1;Орлова Анна;Оператор;support;;15.10.2026;orlova@romashka.ru;'],
      ['Орлова Анна'],
    ],
  ] as const)
    it(`imports a cp1251 HR file and lists its people on a ${device}`, async () => {
      const { page, errors } = await openSignedIn(harness, viewport, '/employees');
      await page.getByRole('button', { name: 'Загрузить из файла' }).click();
      expect(await page.getByRole('radio', { name: 'Персонал' }).isChecked()).toBe(true);
      await page.locator('input[type=file]').setInputFiles({
        name: `staff-${device}.csv`,
        mimeType: 'text/csv',
        buffer: hrFile([...rows]),
      });
      await page.getByRole('button', { name: 'Загрузить и показать' }).click();
      await page.getByTestId('import-detected').waitFor(WAIT);
      expect(await page.getByTestId('import-detected').textContent()).toContain('windows-1251');
      expect(await page.locator('select[name="mapping.employeeName"]').inputValue()).toBe('ФИО');
      expect(await page.locator('select[name="mapping.hireDate"]').inputValue()).toBe(
        'Дата приёма',
      );
      await page.getByRole('button', { name: 'Проверить строки' }).click();
      await page
        .getByTestId('import-summary')
        .filter({ hasText: `Без ошибок: ${rows.length} · с ошибками: 0` })
        .waitFor(WAIT);
      await page.getByRole('button', { name: `Загрузить строк: ${rows.length}` }).click();
      await page.getByTestId('import-done').waitFor(WAIT);
      expect(await page.getByTestId('import-done').textContent()).toContain(
        `Новых: ${rows.length}`,
      );

      await page.goto(`${harness.baseUrl}/employees`);
      const listed = page.getByTestId('employee-row');
      // Names are buttons that open the form (a manager's name in another row is plain text).
      const named = (name: string) => page.getByRole('button', { name, exact: true });
      await named(names[0]).waitFor(WAIT);
      for (const name of names) expect(await named(name).count()).toBe(1);
      // A Cyrillic search in another case (and е for ё) finds the person.
      await page
        .getByRole('searchbox', { name: 'Поиск' })
        .fill(device === 'desktop' ? 'ЕЛКИНА' : 'орлова');
      await page.waitForURL(/q=/, WAIT);
      await listed.first().waitFor(WAIT);
      expect(await listed.count()).toBe(1);
      expect(await listed.first().textContent()).toContain(names[0]);
      if (device === 'desktop') {
        await page.getByRole('searchbox', { name: 'Поиск' }).fill('');
        await page.getByRole('button', { name: 'Добавить сотрудника' }).click();
        const dialog = page.getByRole('dialog');
        await dialog.getByRole('textbox', { name: 'ФИО' }).fill('Курьеров Иван');
        // With suggestions (a datalist) the field is a combobox.
        await dialog.getByRole('combobox', { name: 'Этап или команда' }).fill('delivery');
        await dialog.getByRole('button', { name: 'Сохранить' }).click();
        await dialog.waitFor({ state: 'detached', ...WAIT });
        await named('Курьеров Иван').waitFor(WAIT);
      }
      await page.screenshot({ path: `${SCREENSHOTS}/employees-${device}.png`, fullPage: true });
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
      ).toBeLessThanOrEqual(0);
      expect(errors).toEqual([]);
    }, 60_000);
});
