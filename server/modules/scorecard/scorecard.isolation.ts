import { call } from '../../../tests/support/app.ts';
import type { IsolationFixtures } from '../../../tests/support/isolation.ts';

let made = 0;
/** A KPI of A's with a value on one of A's stages; its key is fresh, so B has no KPI by it. */
async function kpiOf(t: Parameters<IsolationFixtures[string]>[0], apiKey: string) {
  made += 1;
  const key = `iso.kpi-${made}-${Date.now()}`;
  const stage = `iso-этап-${made}-${Date.now()}`;
  const api = (method: 'POST' | 'PUT', url: string, payload: object) =>
    call(t.app, apiKey, { method, url, payload });
  await api('POST', '/api/v1/stages', { key: stage });
  await api('PUT', `/api/v1/kpis/${key}`, { name: 'Доставка вовремя', direction: 'up' });
  await api('PUT', `/api/v1/kpis/${key}/values`, {
    values: [{ stage, period: '2026-01', value: 90 }],
  });
  return { key, stage };
}

export const isolationFixtures: IsolationFixtures = {
  // A KPI is named by its key, not an id: B's PUT defines B's own KPI of that key (A's reads the
  // same afterwards), B's GET and DELETE find nothing.
  '/api/v1/kpis/:key': async (t, a) => {
    const { key } = await kpiOf(t, a.apiKey);
    return {
      params: { key },
      bodies: { PUT: { name: 'Взломано', direction: 'down' } },
      ownResource: { readBack: `/api/v1/kpis/${key}` },
    };
  },
  '/api/v1/kpis/:key/values': async (t, a) => {
    const { key, stage } = await kpiOf(t, a.apiKey);
    return {
      params: { key },
      bodies: { PUT: { values: [{ stage, period: '2026-01', value: 1 }] } },
    };
  },
};
