import { call } from '../../../tests/support/app.ts';
import type { IdFieldFixtures, IsolationFixtures } from '../../../tests/support/isolation.ts';

type App = Parameters<IsolationFixtures[string]>[0];
let made = 0;

async function employeeOf(t: App, apiKey: string): Promise<string> {
  made += 1;
  const res = await call(t.app, apiKey, {
    method: 'POST',
    url: '/api/v1/employees',
    payload: { name: `Иван Петров ${made}`, position: 'Курьер', stageKey: 'delivery' },
  });
  if (res.statusCode !== 201) throw new Error(`employee fixture: ${res.body}`);
  return res.json().id;
}

/**
 * A user is linked to one employee at most: the controls link B's own user each time, so the
 * link the previous control made is undone first (test code, straight in the database).
 */
async function freeUser(t: App, userId: string): Promise<void> {
  await t.deps.db
    .updateTable('employees')
    .set({ user_id: null })
    .where('user_id', '=', userId)
    .execute();
}

export const isolationFixtures: IsolationFixtures = {
  '/api/v1/employees/:id': async (t, a) => ({
    params: { id: await employeeOf(t, a.apiKey) },
    bodies: { PATCH: { name: 'Взломано' } },
  }),
};

export const idFieldFixtures: IdFieldFixtures = {
  'POST /api/v1/employees': async (t, _b, own) => {
    await freeUser(t, own.user);
    return { url: '/api/v1/employees', body: { name: 'Ольга Смирнова' } };
  },
  'PATCH /api/v1/employees/:id': async (t, b, own) => {
    await freeUser(t, own.user);
    const id = await employeeOf(t, b.apiKey);
    return { url: `/api/v1/employees/${id}`, body: {}, readBack: `/api/v1/employees/${id}` };
  },
};
