// Tenant isolation fixtures of the competencies module (tests/tenant-isolation*.test.ts).
import { call } from '../../../tests/support/app.ts';
import {
  csvExportRows,
  type IdFieldFixtures,
  type IsolationFixtures,
} from '../../../tests/support/isolation.ts';

type App = Parameters<IsolationFixtures[string]>[0];
let made = 0;

async function post(t: App, apiKey: string, url: string, payload: object) {
  const res = await call(t.app, apiKey, { method: 'POST', url, payload });
  if (res.statusCode !== 201) throw new Error(`competencies fixture ${url}: ${res.body}`);
  return res.json();
}

const employeeOf = async (t: App, apiKey: string) =>
  (await post(t, apiKey, '/api/v1/employees', { name: `Сотрудник ${(made += 1)}` })).id as string;

const competencyOf = async (t: App, apiKey: string) =>
  (await post(t, apiKey, '/api/v1/competencies', { nameRu: 'Эмпатия', nameEn: 'Empathy' }))
    .id as string;

async function trainingItemOf(t: App, apiKey: string): Promise<string> {
  const employeeId = await employeeOf(t, apiKey);
  return (await post(t, apiKey, '/api/v1/training-items', { employeeId, title: 'Курс' })).id;
}

/** A's checklist of a new employee, from a one-item template. */
async function checklistOf(t: App, apiKey: string): Promise<{ id: string; itemId: string }> {
  await call(t.app, apiKey, {
    method: 'PUT',
    url: '/api/v1/onboarding/template',
    payload: { items: [{ titleRu: 'Пропуск', titleEn: 'Badge' }] },
  });
  const employeeId = await employeeOf(t, apiKey);
  const list = await post(t, apiKey, '/api/v1/onboarding/checklists', { employeeId });
  return { id: list.id, itemId: list.items[0].id };
}

const ANY = '01a206ea-dd6a-7001-8c1b-5f588a061bc7';

export const isolationFixtures: IsolationFixtures = {
  '/api/v1/competencies/:id': async (t, a) => ({
    params: { id: await competencyOf(t, a.apiKey) },
    bodies: { PATCH: { nameRu: 'Взломано' } },
  }),
  '/api/v1/competencies/gaps/reports/:id': async (t, a) => ({
    params: { id: await employeeOf(t, a.apiKey) },
  }),
  '/api/v1/employees/:id/assessments': async (t, a) => ({
    params: { id: await employeeOf(t, a.apiKey) },
    bodies: { POST: { kind: 'manager', levels: { [ANY]: 3 } } },
  }),
  '/api/v1/training-items/:id': async (t, a) => ({
    params: { id: await trainingItemOf(t, a.apiKey) },
    bodies: { PATCH: { status: 'done' } },
  }),
  '/api/v1/onboarding/checklists/:id': async (t, a) => ({
    params: { id: (await checklistOf(t, a.apiKey)).id },
  }),
  '/api/v1/onboarding/checklists/:id/items/:itemId': async (t, a) => {
    const list = await checklistOf(t, a.apiKey);
    return { params: { id: list.id, itemId: list.itemId }, bodies: { PUT: { done: true } } };
  },
};

export const idFieldFixtures: IdFieldFixtures = {
  'POST /api/v1/training-items': async (_t, _b, own) => ({
    url: '/api/v1/training-items',
    body: { employeeId: own.employee, competencyId: own.competency, title: 'Курс' },
    readBack: '/api/v1/training-items',
  }),
  'POST /api/v1/onboarding/checklists': async (t, b) => ({
    url: '/api/v1/onboarding/checklists',
    body: { employeeId: await employeeOf(t, b.apiKey) },
    readBack: '/api/v1/onboarding/checklists',
  }),
  'GET /api/v1/training-items': async () => ({ url: '/api/v1/training-items' }),
  'GET /api/v1/training-items/export': async () => ({
    url: '/api/v1/training-items/export',
    itemsOfFile: csvExportRows,
  }),
  'GET /api/v1/competencies/gaps': async () => ({
    url: '/api/v1/competencies/gaps',
    itemsOf: (body: { people?: unknown[] }) => body.people ?? [],
  }),
};
