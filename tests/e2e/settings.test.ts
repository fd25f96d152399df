// An admin's settings pages in the browser: every unsafe request carries the CSRF token, the
// API key secret is shown once, and server refusals appear as translated Russian messages.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ORG_NAME, SCREENSHOTS, signIn, startHarness, WAIT, type Harness } from './harness.ts';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterEach(() => harness.closePages());
afterAll(() => harness?.stop());

describe('settings pages for an admin', () => {
  it('creates an API key, shows its secret once, and revokes it after confirmation', async () => {
    const { page, errors } = await harness.openApp();
    await signIn(page);
    await page.getByRole('navigation').getByText('API-ключи').click();
    await page.getByText('Ключей пока нет.').waitFor(WAIT);

    await page.getByRole('button', { name: 'Создать ключ' }).click();
    await page.locator('input[name=name]').fill('CRM');
    await page.getByRole('dialog').getByRole('button', { name: 'Создать ключ' }).click();
    const secret = page.getByTestId('api-key-secret');
    await secret.waitFor(WAIT);
    expect((await secret.textContent())?.length).toBeGreaterThan(20);
    await page.getByText('он показывается только один раз', { exact: false }).waitFor(WAIT);
    await page.screenshot({ path: `${SCREENSHOTS}/api-key-secret-desktop.png` });
    await page.getByRole('button', { name: 'Я сохранил ключ' }).click();

    const row = page.getByTestId('api-key-row');
    await row.getByText('Действует').waitFor(WAIT);
    await row.getByRole('button', { name: 'Отозвать' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Отозвать' }).click();
    await row.getByText('Отозван').waitFor(WAIT);
    expect(errors).toEqual([]);
  });

  it('adds a person, refuses a duplicate e-mail and the removal of the last admin in Russian', async () => {
    const { page, errors } = await harness.openApp();
    await signIn(page);
    await page.getByRole('navigation').getByText('Сотрудники').click();
    await page.getByTestId('person-row').first().waitFor(WAIT);

    const addPerson = async (email: string) => {
      await page.getByRole('main').getByRole('button', { name: 'Добавить сотрудника' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.locator('input[name=email]').fill(email);
      await dialog.locator('input[name=name]').fill('Иван Петров');
      await dialog.locator('input[name=password]').fill('long-enough-1');
      await dialog.locator('select[name=role]').selectOption('manager');
      await dialog.getByRole('button', { name: 'Добавить сотрудника' }).click();
    };
    await addPerson('ivan@example.ru');
    await page.getByTestId('person-row').nth(1).getByText('Иван Петров').waitFor(WAIT);

    await addPerson('ivan@example.ru');
    await page
      .getByRole('dialog')
      .getByText('Пользователь с таким адресом электронной почты уже есть.')
      .waitFor(WAIT);
    await page.getByRole('dialog').getByRole('button', { name: 'Отмена' }).click();

    // The only admin cannot disable themselves: the server answers `conflict`.
    const me = page.getByTestId('person-row').filter({ hasText: 'это вы' });
    await me.getByRole('button', { name: 'Отключить' }).click();
    await page
      .getByTestId('error-alert')
      .getByText('хотя бы один активный администратор', { exact: false })
      .waitFor(WAIT);
    await page.screenshot({ path: `${SCREENSHOTS}/people-desktop.png` });
    // The refused PATCH is logged by the browser as a failed resource; nothing else may be.
    expect(errors.filter((e) => !/status of 409/.test(e))).toEqual([]);
  });

  it('renames the organisation and the header follows at once', async () => {
    const { page, errors } = await harness.openApp();
    await signIn(page);
    await page.getByRole('navigation').getByText('Организация').click();
    const name = page.locator('input[name=name]');
    await expect.poll(() => name.inputValue(), WAIT).toBe(ORG_NAME);
    await name.fill('АО «Василёк»');
    // The page has more than one form (retention too): save the one holding the name.
    await page.locator('form', { has: name }).getByRole('button', { name: 'Сохранить' }).click();
    await expect.poll(() => page.getByTestId('org-name').textContent(), WAIT).toBe('АО «Василёк»');
    expect(errors).toEqual([]);
  });
});
