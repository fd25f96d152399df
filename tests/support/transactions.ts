// Shared by the economics HTTP tests (server/modules/economics): short calls and a new client.
import { call, type TestApp, type TestOrg } from './app.ts';

let seq = 0;
export const nextDoc = () => {
  seq += 1;
  return `DOC-${seq}`;
};

export function transactionsApi(t: TestApp, org: () => TestOrg) {
  const post = (url: string, payload: object, key = org().apiKey) =>
    call(t.app, key, { method: 'POST', url, payload });
  return {
    upsert: (payload: object, key?: string) => post('/api/v1/transactions', payload, key),
    batch: (items: unknown[], key?: string) => post('/api/v1/transactions/batch', { items }, key),
    list: (query = '', key = org().apiKey) =>
      call(t.app, key, { method: 'GET', url: `/api/v1/transactions${query}` }),
    remove: (id: string, key = org().apiKey) =>
      call(t.app, key, { method: 'DELETE', url: `/api/v1/transactions/${id}` }),
    newClient: async (name = 'ООО «Ромашка»', key = org().apiKey) => {
      const res = await post('/api/v1/clients', { name, externalId: `crm-${nextDoc()}` }, key);
      return res.json().id as string;
    },
  };
}
