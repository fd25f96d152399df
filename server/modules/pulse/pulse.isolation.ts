import { call } from '../../../tests/support/app.ts';
import type { IsolationFixtures } from '../../../tests/support/isolation.ts';

type App = Parameters<IsolationFixtures[string]>[0];

async function pulseOf(t: App, apiKey: string): Promise<string> {
  const res = await call(t.app, apiKey, {
    method: 'POST',
    url: '/api/v1/pulses',
    payload: { name: 'Пульс', stages: ['delivery'], send: false },
  });
  if (res.statusCode !== 201) throw new Error(`pulse fixture: ${res.body}`);
  return res.json().id;
}

export const isolationFixtures: IsolationFixtures = {
  '/api/v1/pulses/:id': async (t, a) => ({
    params: { id: await pulseOf(t, a.apiKey) },
    bodies: { PATCH: { status: 'closed' } },
  }),
  '/api/v1/pulses/:id/results': async (t, a) => ({ params: { id: await pulseOf(t, a.apiKey) } }),
};
