// Contact roles in bulk (issue 17): add and remove roles on many contacts at once; one id that is
// not a contact of the organisation (another's, or nobody's) → 404 and no contact changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, createTestOrg, type TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';

describe.each(testDialects())('contact roles in bulk on %s', (dialect) => {
  let t: TestApp;
  let a: (method: 'GET' | 'POST', url: string, payload?: object) => any;
  let b: typeof a;
  beforeAll(async () => {
    t = await createTestApp({ dialect });
    const orgA = await createTestOrg(t.deps, 'Альфа');
    const orgB = await createTestOrg(t.deps, 'Бета');
    a = (method, url, payload) =>
      call(t.app, orgA.apiKey, { method, url, ...(payload ? { payload } : {}) });
    b = (method, url, payload) =>
      call(t.app, orgB.apiKey, { method, url, ...(payload ? { payload } : {}) });
  });
  afterAll(async () => t?.close());

  const contactOf = async (api: typeof a, roles: string[]) => {
    const client = (await api('POST', '/api/v1/clients', { name: 'ООО' })).json().id;
    return (await api('POST', `/api/v1/clients/${client}/contacts`, { name: 'Иван', roles })).json()
      .id as string;
  };
  const rolesOf = async (api: typeof a, id: string) =>
    (await api('GET', `/api/v1/contacts/${id}`)).json().roles;

  it('adds and removes roles on every contact named, keeping the vocabulary order', async () => {
    const c1 = await contactOf(a, []);
    const c2 = await contactOf(a, ['user', 'payer']);
    const res = await a('POST', '/api/v1/contacts/roles', {
      contactIds: [c1, c2, c1],
      add: ['payer', 'decision_maker'],
      remove: ['user'],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(
      res
        .json()
        .items.map((c: { id: string }) => c.id)
        .sort(),
    ).toEqual([c1, c2].sort());
    expect(await rolesOf(a, c1)).toEqual(['decision_maker', 'payer']);
    expect(await rolesOf(a, c2)).toEqual(['decision_maker', 'payer']);
  });

  it('changes nothing when one id is another organisation’s or nobody’s', async () => {
    const mine = await contactOf(a, ['user']);
    const theirs = await contactOf(b, ['user']);
    for (const other of [theirs, '01a206ea-dd6a-7001-8c1b-5f588a061bc6']) {
      const res = await a('POST', '/api/v1/contacts/roles', {
        contactIds: [mine, other],
        add: ['influencer'],
      });
      expect([res.statusCode, res.json().code]).toEqual([404, 'not_found']);
    }
    expect(await rolesOf(a, mine)).toEqual(['user']);
    expect(await rolesOf(b, theirs)).toEqual(['user']);
  });

  it('refuses a request that adds and removes the same role, or changes none', async () => {
    const c = await contactOf(a, []);
    for (const body of [
      { contactIds: [c], add: ['user'], remove: ['user'] },
      { contactIds: [c] },
      { contactIds: [], add: ['user'] },
      { contactIds: [c], add: ['boss'] },
    ]) {
      const res = await a('POST', '/api/v1/contacts/roles', body);
      expect([res.statusCode, res.json().code], JSON.stringify(body)).toEqual([
        400,
        'validation_failed',
      ]);
    }
  });
});
