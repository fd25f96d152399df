// A requirement heard at a meeting records the employee who met the client: an employee of the
// same organisation (another's is 404), changed or cleared by PATCH, kept in the version
// history, and cleared when the employee is deleted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createTestApp,
  createTestOrg,
  type TestApp,
  type TestOrg,
} from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';

describe.each(testDialects())('the employee of a meeting on %s', (dialect) => {
  let t: TestApp;
  let org: TestOrg;
  let other: TestOrg;
  beforeAll(async () => {
    t = await createTestApp({ dialect });
    org = await createTestOrg(t.deps, 'Ромашка');
    other = await createTestOrg(t.deps, 'Чужая');
  });
  afterAll(async () => t?.close());

  const api = (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
    key = org.apiKey,
  ) => call(t.app, key, { method, url, ...(payload ? { payload } : {}) });

  it('records, changes and clears the employee who met the client', async () => {
    const clientId = (await api('POST', '/api/v1/clients', { name: 'АО Химпром' })).json().id;
    const anna = (await api('POST', '/api/v1/employees', { name: 'Анна Менеджерова' })).json().id;
    const oleg = (await api('POST', '/api/v1/employees', { name: 'Олег Технологов' })).json().id;
    const foreign = (await api('POST', '/api/v1/employees', { name: 'Чужой' }, other.apiKey)).json()
      .id;
    const url = `/api/v1/clients/${clientId}/requirements`;
    const body = { category: 'delivery', text: 'Разгрузка только до 10:00', source: 'meeting' };

    const refused = await api('POST', url, { ...body, employeeId: foreign });
    expect(refused.statusCode).toBe(404);
    expect(refused.json().invalidParams).toEqual([
      { name: 'body.employeeId', reason: 'unknown employee' },
    ]);
    const req = await api('POST', url, { ...body, employeeId: anna });
    expect(req.statusCode).toBe(201);
    expect(req.json().employeeId).toBe(anna);

    const moved = await api('PATCH', `/api/v1/requirements/${req.json().id}`, { employeeId: oleg });
    expect(moved.json()).toMatchObject({ employeeId: oleg, version: 2 });
    const versions = (await api('GET', `/api/v1/requirements/${req.json().id}/versions`)).json();
    expect(
      versions.items.map((v: { snapshot: { employee_id: string } }) => v.snapshot.employee_id),
    ).toEqual(expect.arrayContaining([anna, oleg]));

    // The employee leaves the list: the requirement stays, without an employee.
    expect((await api('DELETE', `/api/v1/employees/${oleg}`)).statusCode).toBe(204);
    const listed = (await api('GET', url)).json().items;
    expect(listed.map((r: { employeeId: string | null }) => r.employeeId)).toEqual([null]);
  });
});
