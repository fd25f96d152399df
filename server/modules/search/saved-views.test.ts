// Saved views (issue 21): a person's own — listed, renamed, re-filtered, deleted; another person
// of the same organisation or of another gets 404 for its id and never sees it; API keys reach
// none of it; bad filters and names → 400/409 problem+json.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, createTestOrg, type TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';

/** The session cookie (name=value) a login response sets. */
function cookieOf(res: { headers: Record<string, unknown> }): string {
  const raw = res.headers['set-cookie'];
  return String(Array.isArray(raw) ? raw[0] : raw).split(';')[0]!;
}

interface Person {
  cookie: string;
  csrf: string;
}

async function signIn(t: TestApp, email: string, password: string): Promise<Person> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
  });
  expect(res.statusCode, res.body).toBe(200);
  return { cookie: cookieOf(res), csrf: res.json().csrfToken as string };
}

describe.each(testDialects())('saved views on %s', (dialect) => {
  let t: TestApp;
  let ann: Person;
  let bob: Person;
  let stranger: Person;
  let apiKey: string;
  const as = (p: Person, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: object) =>
    t.app.inject({
      method,
      url,
      headers: { cookie: p.cookie, 'x-csrf-token': p.csrf },
      ...(body ? { payload: body } : {}),
    });

  beforeAll(async () => {
    t = await createTestApp({ dialect });
    const org = await createTestOrg(t.deps, 'A');
    apiKey = org.apiKey;
    ann = await signIn(t, org.adminEmail, org.adminPassword);
    const created = await call(t.app, org.apiKey, {
      method: 'POST',
      url: '/api/v1/users',
      payload: { email: 'bob@example.com', name: 'Bob', password: 'long-enough-1', role: 'viewer' },
    });
    expect(created.statusCode, created.body).toBe(201);
    bob = await signIn(t, 'bob@example.com', 'long-enough-1');
    const other = await createTestOrg(t.deps, 'B');
    stranger = await signIn(t, other.adminEmail, other.adminPassword);
  });
  afterAll(async () => t?.close());

  it('saves, lists, renames, re-filters and deletes a view of a list', async () => {
    const made = await as(ann, 'POST', '/api/v1/saved-views', {
      list: 'feedback',
      name: 'Звонки без кейса',
      filters: { channel: 'call', hasCase: 'false' },
    });
    expect(made.statusCode, made.body).toBe(201);
    const view = made.json();
    expect(view).toMatchObject({
      list: 'feedback',
      filters: { channel: 'call', hasCase: 'false' },
    });
    await as(ann, 'POST', '/api/v1/saved-views', { list: 'cases', name: 'Мои', filters: {} });

    const list = await as(ann, 'GET', '/api/v1/saved-views?list=feedback');
    expect(list.json().items.map((v: { name: string }) => v.name)).toEqual(['Звонки без кейса']);

    const renamed = await as(ann, 'PATCH', `/api/v1/saved-views/${view.id}`, {
      name: 'Звонки',
      filters: { channel: 'call' },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Звонки', filters: { channel: 'call' } });

    // One name per list and person.
    const twin = await as(ann, 'POST', '/api/v1/saved-views', {
      list: 'feedback',
      name: 'Звонки',
      filters: {},
    });
    expect(twin.statusCode).toBe(409);
    expect(twin.json().code).toBe('conflict');

    expect((await as(ann, 'DELETE', `/api/v1/saved-views/${view.id}`)).statusCode).toBe(204);
    expect((await as(ann, 'GET', '/api/v1/saved-views?list=feedback')).json().items).toEqual([]);
    expect((await as(ann, 'DELETE', `/api/v1/saved-views/${view.id}`)).statusCode).toBe(404);
  });

  it("keeps a person's views from everyone else: 404 to read, rename or delete", async () => {
    const view = (
      await as(ann, 'POST', '/api/v1/saved-views', {
        list: 'clients',
        name: 'Розница',
        filters: { segment: 'Розница' },
      })
    ).json();
    for (const other of [bob, stranger]) {
      expect((await as(other, 'GET', '/api/v1/saved-views?list=clients')).json().items).toEqual([]);
      const patch = await as(other, 'PATCH', `/api/v1/saved-views/${view.id}`, { name: 'Моё' });
      expect(patch.statusCode).toBe(404);
      expect(patch.json().code).toBe('not_found');
      expect((await as(other, 'DELETE', `/api/v1/saved-views/${view.id}`)).statusCode).toBe(404);
    }
    // Bob (a viewer) has views of his own, under the same name, unseen by Ann.
    const bobs = await as(bob, 'POST', '/api/v1/saved-views', {
      list: 'clients',
      name: 'Розница',
      filters: {},
    });
    expect(bobs.statusCode, bobs.body).toBe(201);
    const annList = (await as(ann, 'GET', '/api/v1/saved-views?list=clients')).json().items;
    expect(annList).toEqual([expect.objectContaining({ id: view.id, name: 'Розница' })]);
    // An API key has no person: refused by its scope table.
    const byKey = await call(t.app, apiKey, {
      method: 'GET',
      url: '/api/v1/saved-views?list=clients',
    });
    expect(byKey.statusCode).toBe(403);
  });

  it('refuses bad lists, names and filters with 400 problem+json', async () => {
    const bad = [
      { list: 'invoices', name: 'x', filters: {} },
      { list: 'feedback', name: '  ', filters: {} },
      { list: 'feedback', name: 'x'.repeat(101), filters: {} },
      { list: 'feedback', name: 'x', filters: { 'bad key': 'v' } },
      { list: 'feedback', name: 'x', filters: { channel: 5 } },
      { list: 'feedback', name: 'x', filters: { q: 'v'.repeat(501) } },
      {
        list: 'feedback',
        name: 'x',
        filters: Object.fromEntries(Array.from({ length: 31 }, (_, i) => [`f${i}`, 'v'])),
      },
      { list: 'feedback', name: 'x', filters: [] },
    ];
    for (const body of bad) {
      const res = await as(ann, 'POST', '/api/v1/saved-views', body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect((await as(ann, 'GET', '/api/v1/saved-views?list=nope')).statusCode).toBe(400);
    expect(
      (await as(ann, 'PATCH', '/api/v1/saved-views/not-an-id', { name: 'x' })).statusCode,
    ).toBe(400);
  });
});
