// HR exports through the imports pipeline (target `employees`) on both dialects: a cp1251 file
// separated by `;` with Russian headers; employees upserted by personnel number, else e-mail;
// managers named by name, e-mail or number, of the file (even a later row) or stored; dates
// DD.MM.YYYY and ISO; every bad row reported and nothing written. Calls then name employees.
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, createTestOrg } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { importsKit } from './imports.fixtures.ts';

const cp1251 = (lines: string[]) => iconv.encode(`${lines.join('\r\n')}\r\n`, 'windows-1251');
const HEADER = 'Табельный номер;ФИО;Должность;Отдел;Руководитель;Дата приёма;E-mail;Телефон;Статус';
const FILE = [
  HEADER,
  '0001;Петров Пётр Петрович;Руководитель доставки;delivery;;01.03.2020;petrov@romashka.ru;+7 912 000-00-01;работает',
  '0002;Смирнова Анна;Курьер;delivery;Петров Пётр Петрович;2026-11-20;;8 (912) 000-00-02;в отпуске',
  '0003;Иванов Иван;Курьер;delivery;PETROV@romashka.ru;15.11.2026;ivanov@romashka.ru;;',
  '0004;Сидорова Ольга;Менеджер;sales;0005;01.02.2021;;;',
  '0005;Кузнецов Олег;Руководитель продаж;sales;;01.01.2019;;;уволен',
];

describe.each(testDialects())('employees imports on %s', (dialect) => {
  const kit = importsKit(dialect);
  let ivanov: string;
  beforeAll(async () => {
    // Known by e-mail only: the file fills in the number and the name as HR writes it.
    ivanov = (
      await kit.post('/api/v1/employees', { name: 'Иван Иванов', email: 'ivanov@romashka.ru' })
    ).json().id;
  });
  const employees = () =>
    kit.t.deps.db
      .selectFrom('employees')
      .select(['id', 'external_id', 'name', 'position', 'stage_key', 'manager_id', 'hire_date'])
      .select(['email', 'phone', 'status'])
      .where('org_id', '=', kit.org.orgId)
      .orderBy('external_id')
      .execute();

  it('imports a cp1251 HR file: Russian headers, both date forms, managers of the file and stored', async () => {
    const imp = (await kit.upload(cp1251(FILE), 'text/csv', 'staff.csv', 'employees')).json();
    expect(imp).toMatchObject({
      target: 'employees',
      encoding: 'windows-1251',
      delimiter: ';',
      suggestedMapping: {
        personnelNumber: 'Табельный номер',
        employeeName: 'ФИО',
        position: 'Должность',
        stage: 'Отдел',
        manager: 'Руководитель',
        hireDate: 'Дата приёма',
        employeeEmail: 'E-mail',
        employeePhone: 'Телефон',
        employeeStatus: 'Статус',
      },
    });
    const done = await kit.commit(imp.id, imp.suggestedMapping);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().result).toEqual({ created: 4, updated: 1, duplicates: 0 });
    const rows = await employees();
    const id = (n: string) => rows.find((r) => r.external_id === n)!.id;
    expect(rows).toEqual([
      {
        id: id('0001'),
        external_id: '0001',
        name: 'Петров Пётр Петрович',
        position: 'Руководитель доставки',
        stage_key: 'delivery',
        manager_id: null,
        hire_date: '2020-03-01',
        email: 'petrov@romashka.ru',
        phone: '+7 912 000-00-01',
        status: 'active',
      },
      {
        id: id('0002'),
        external_id: '0002',
        name: 'Смирнова Анна',
        position: 'Курьер',
        stage_key: 'delivery',
        manager_id: id('0001'),
        hire_date: '2026-11-20',
        email: null,
        phone: '8 (912) 000-00-02',
        status: 'on_leave',
      },
      {
        id: ivanov,
        external_id: '0003',
        name: 'Иванов Иван',
        position: 'Курьер',
        stage_key: 'delivery',
        manager_id: id('0001'),
        hire_date: '2026-11-15',
        email: 'ivanov@romashka.ru',
        phone: null,
        status: 'active',
      },
      {
        id: id('0004'),
        external_id: '0004',
        name: 'Сидорова Ольга',
        position: 'Менеджер',
        stage_key: 'sales',
        manager_id: id('0005'),
        hire_date: '2021-02-01',
        email: null,
        phone: null,
        status: 'active',
      },
      {
        id: id('0005'),
        external_id: '0005',
        name: 'Кузнецов Олег',
        position: 'Руководитель продаж',
        stage_key: 'sales',
        manager_id: null,
        hire_date: '2019-01-01',
        email: null,
        phone: null,
        status: 'left',
      },
    ]);

    // The same file again: every row matched, nothing changed.
    const again = (
      await kit.upload(cp1251(FILE), 'text/csv', 'staff-again.csv', 'employees')
    ).json();
    const replay = await kit.commit(again.id, again.suggestedMapping);
    expect(replay.json().result).toEqual({ created: 0, updated: 0, duplicates: 5 });
    expect(await employees()).toEqual(rows);

    // A call names an employee by number, phone, e-mail or name; an unknown name links nobody.
    const link = async (externalId: string, employee: string) =>
      (
        await kit.post('/api/v1/calls', {
          externalId,
          startedAt: '2026-11-25T10:00:00Z',
          direction: 'in',
          answered: true,
          employee,
        })
      ).json().employeeId;
    expect(await link('pbx-1', '0005')).toBe(id('0005'));
    expect(await link('pbx-2', '+79120000002')).toBe(id('0002'));
    expect(await link('pbx-3', 'Ivanov@Romashka.ru')).toBe(ivanov);
    expect(await link('pbx-4', 'петров  пётр петрович')).toBe(id('0001'));
    expect(await link('pbx-5', 'Никто Никтович')).toBeNull();
  });

  it('reports bad dates, statuses, unknown managers, a cycle and a nameless new employee; writes nothing', async () => {
    const before = await employees();
    const file = [
      HEADER,
      '0101;Новиков Н;Курьер;delivery;;31.02.2026;;;работает',
      '0102;Орлова О;Курьер;delivery;;01.03.2026;;;на пенсии',
      '0103;Павлов П;Курьер;delivery;Никто Никтович;01.03.2026;;;',
      '0104;Романов Р;Курьер;delivery;0105;01.03.2026;;;',
      '0105;Соколов С;Курьер;delivery;0104;01.03.2026;;;',
      '0106;;;;;;nobody@romashka.ru;;',
    ];
    const imp = (await kit.upload(cp1251(file), 'text/csv', 'bad.csv', 'employees')).json();
    const report = (await kit.validate(imp.id, imp.suggestedMapping)).json();
    expect(report.errors.map((e: Record<string, unknown>) => [e.row, e.field, e.code])).toEqual([
      [2, 'hireDate', 'invalid_date'],
      [3, 'employeeStatus', 'unknown_status'],
      [4, 'manager', 'unknown_manager'],
      [5, 'manager', 'manager_cycle'],
      [6, 'manager', 'manager_cycle'],
      [7, 'employeeName', 'employee_name_missing'],
    ]);
    expect((await kit.commit(imp.id, imp.suggestedMapping)).statusCode).toBe(422);
    expect(await employees()).toEqual(before);
  });

  it('does not find a manager among another organisation’s employees', async () => {
    const other = await createTestOrg(kit.t.deps, 'Чужая');
    const foreign = await call(kit.t.app, other.apiKey, {
      method: 'POST',
      url: '/api/v1/employees',
      payload: { name: 'Чужой Руководитель', externalId: '9999', email: 'boss@chuzhaya.ru' },
    });
    expect(foreign.statusCode).toBe(201);
    for (const manager of ['Чужой Руководитель', '9999', 'boss@chuzhaya.ru']) {
      const file = [HEADER, `0201;Тестов Т;Курьер;delivery;${manager};01.03.2026;;;`];
      const imp = (await kit.upload(cp1251(file), 'text/csv', 'x.csv', 'employees')).json();
      const report = (await kit.validate(imp.id, imp.suggestedMapping)).json();
      expect(report.errors.map((e: Record<string, unknown>) => e.code)).toEqual([
        'unknown_manager',
      ]);
    }
  });
});
