import { call } from '../../../tests/support/app.ts';
import type { IsolationFixtures } from '../../../tests/support/isolation.ts';

async function importOf(
  t: Parameters<IsolationFixtures[string]>[0],
  apiKey: string,
): Promise<string> {
  const csv = 'Дата,Оценка,Комментарий\n2026-11-20,9,Всё отлично\n';
  const res = await call(t.app, apiKey, {
    method: 'POST',
    url: '/api/v1/imports?filename=a.csv',
    headers: { 'content-type': 'text/csv' },
    payload: csv,
  });
  return res.json().id;
}

const mapping = {
  receivedAt: 'Дата',
  scoreValue: 'Оценка',
  text: 'Комментарий',
  fixed: { scoreType: 'nps' },
};

export const isolationFixtures: IsolationFixtures = {
  '/api/v1/imports/:id': async (t, a) => ({ params: { id: await importOf(t, a.apiKey) } }),
  '/api/v1/imports/:id/validate': async (t, a) => ({
    params: { id: await importOf(t, a.apiKey) },
    bodies: { POST: { mapping } },
  }),
  '/api/v1/imports/:id/commit': async (t, a) => ({
    params: { id: await importOf(t, a.apiKey) },
    bodies: { POST: { mapping } },
  }),
};
