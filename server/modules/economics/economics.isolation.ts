import { call } from '../../../tests/support/app.ts';
import {
  type IdFieldFixtures,
  type IsolationFixtures,
  csvExportRows,
} from '../../../tests/support/isolation.ts';

let seq = 0;
const nextExternalId = () => {
  seq += 1;
  return `iso-doc-${seq}-${Date.now()}`;
};

/** A sale of a new client of the organisation, through the API. */
async function saleOf(t: Parameters<IsolationFixtures[string]>[0], apiKey: string) {
  const res = await call(t.app, apiKey, {
    method: 'POST',
    url: '/api/v1/transactions',
    payload: {
      externalId: nextExternalId(),
      client: { externalId: `iso-client-${seq}`, name: 'Покупатель' },
      kind: 'sale',
      date: '2026-11-20',
      amount: 1500.5,
    },
  });
  return res.json().id as string;
}

export const isolationFixtures: IsolationFixtures = {
  '/api/v1/transactions/:id': async (t, a) => ({ params: { id: await saleOf(t, a.apiKey) } }),
  // A's client (one with a sale): B gets 404 for its economics.
  '/api/v1/economics/clients/:id': async (t, a) => {
    const sale = await call(t.app, a.apiKey, {
      method: 'GET',
      url: `/api/v1/transactions/${await saleOf(t, a.apiKey)}`,
    });
    return { params: { id: sale.json().clientId as string } };
  },
  // The period is not an id: B's PUT sets B's own spend of the month; A's list stays as it was.
  '/api/v1/marketing-spend/:period': async (t, a) => {
    await call(t.app, a.apiKey, {
      method: 'PUT',
      url: '/api/v1/marketing-spend/2026-11',
      payload: { amount: 250000 },
    });
    return {
      params: { period: '2026-11' },
      bodies: { PUT: { amount: 1 } },
      ownResource: { readBack: '/api/v1/marketing-spend' },
    };
  },
};

export const idFieldFixtures: IdFieldFixtures = {
  // clientId and managerId: each in turn is set to A's id or an unknown one; the other stays B's.
  'POST /api/v1/transactions': async (_t, _b, own) => ({
    url: '/api/v1/transactions',
    body: {
      externalId: nextExternalId(),
      clientId: own.client,
      kind: 'sale',
      date: '2026-11-20',
      amount: 99.99,
    },
  }),
  'GET /api/v1/transactions': async () => ({ url: '/api/v1/transactions' }),
  'GET /api/v1/transactions/export': async () => ({
    url: '/api/v1/transactions/export',
    itemsOfFile: csvExportRows,
  }),
  // managerId of A (or of nobody) → 404; B's own manager → B's figures. The summary is a report,
  // so the check looks at its series (one row per month of the window, whatever the data).
  'GET /api/v1/economics/summary': async () => ({
    url: '/api/v1/economics/summary?from=2026-11-01&to=2026-12-01',
    itemsOf: (body: { series?: unknown[] }) => body.series ?? [],
  }),
  'GET /api/v1/economics/levers': async () => ({
    url: '/api/v1/economics/levers?aFrom=2026-10-01&aTo=2026-11-01&bFrom=2026-11-01&bTo=2026-12-01',
    itemsOf: (body: { a?: unknown; b?: unknown }) => [body.a, body.b].filter(Boolean),
  }),
  'GET /api/v1/economics/by-satisfaction': async () => ({
    url: '/api/v1/economics/by-satisfaction?from=2026-11-01&to=2026-12-01',
    itemsOf: (body: { groups?: unknown[] }) => body.groups ?? [],
  }),
  // Their files take the same filters (issue 16): A's managerId is the reports' 404 for B.
  'GET /api/v1/economics/export/profit-formula': async () => ({
    url: '/api/v1/economics/export/profit-formula?aFrom=2026-10-01&aTo=2026-11-01&bFrom=2026-11-01&bTo=2026-12-01&format=csv',
    itemsOfFile: csvExportRows,
  }),
  'GET /api/v1/economics/export/by-satisfaction': async () => ({
    url: '/api/v1/economics/export/by-satisfaction?from=2026-11-01&to=2026-12-01&format=csv',
    itemsOfFile: csvExportRows,
  }),
};
