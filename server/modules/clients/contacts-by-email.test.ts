// A group's senders are looked up by e-mail at once: each address gets its oldest contact, in any
// letter case, and only within the organisation asked (both dialects; PostgreSQL probes the
// e-mail index per address).
import { afterEach, describe, expect, it } from 'vitest';
import { call, createTestApp, createTestOrg, type TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { findContactsByEmails } from './clients.repo.ts';

describe.each(testDialects())('contacts by e-mail on %s', (dialect) => {
  let t: TestApp;
  afterEach(async () => t?.close());

  it('gives each address its oldest contact, whatever the case, in the organisation asked only', async () => {
    t = await createTestApp({ dialect });
    const org = await createTestOrg(t.deps);
    const other = await createTestOrg(t.deps);
    const contact = async (apiKey: string, name: string, email: string) => {
      const client = await call(t.app, apiKey, {
        method: 'POST',
        url: '/api/v1/clients',
        payload: { name: `Клиент ${name}` },
      });
      const res = await call(t.app, apiKey, {
        method: 'POST',
        url: `/api/v1/clients/${client.json().id as string}/contacts`,
        payload: { name, email },
      });
      expect(res.statusCode).toBe(201);
      return res.json().id as string;
    };
    const first = await contact(org.apiKey, 'Анна', 'anna@example.com');
    await contact(org.apiKey, 'Анна (дубль)', 'anna@example.com');
    const boris = await contact(org.apiKey, 'Борис', 'boris@example.com');
    await contact(other.apiKey, 'Чужой', 'carl@example.com');

    const found = await findContactsByEmails(t.deps.db, org.orgId, [
      'ANNA@example.com',
      'boris@example.com',
      'anna@example.com',
      'carl@example.com',
      'nobody@example.com',
    ]);
    expect(Object.fromEntries([...found].map(([email, c]) => [email, c.id]))).toEqual({
      'anna@example.com': first,
      'boris@example.com': boris,
    });
  });
});
