// Global search over hand-made data (issue 21): every kind, phone numbers however punctuated,
// Cyrillic in any case, INN and reference prefixes, bounds → 400 problem+json, and another
// organisation's rows never in the answer (its own search finds them, so the check is not empty).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, createTestOrg, type TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import type { SearchOut } from '../../../shared/api/search.ts';

interface Seeded {
  key: string;
  ids: Set<string>;
  caseRef: string;
}

async function post(t: TestApp, key: string, url: string, payload: object): Promise<any> {
  const res = await call(t.app, key, { method: 'POST', url, payload });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json();
}

/** One organisation's client with a contact, a second client, a record and a case. */
async function seed(t: TestApp, key: string, tag: string): Promise<Seeded> {
  const client = await post(t, key, '/api/v1/clients', {
    name: `ООО «Ромашка» ${tag}`,
    inn: tag === 'A' ? '7701234567' : '7701234999',
    segment: 'Розница',
  });
  const contact = await post(t, key, `/api/v1/clients/${client.id}/contacts`, {
    name: `Иван Петров ${tag}`,
    email: `ivan.petrov.${tag.toLowerCase()}@romashka.ru`,
    phone: '+7 (912) 345-67-89',
  });
  const other = await post(t, key, '/api/v1/clients', { name: `Лютик ${tag}` });
  await post(t, key, `/api/v1/clients/${other.id}/contacts`, {
    name: `Ольга ${tag}`,
    phone: '8 913 000-11-22',
  });
  const record = await post(t, key, '/api/v1/feedback', {
    channel: 'email',
    clientId: client.id,
    text: `Курьер опоздал на ДВА часа, ЗАКАЗ помят (${tag})`,
  });
  const kase = await post(t, key, '/api/v1/cases', {
    title: `Возврат ЗАКАЗА № 42 ${tag}`,
    type: 'request',
  });
  return {
    key,
    ids: new Set([client.id, contact.id, other.id, record.id, kase.id]),
    caseRef: kase.publicRef,
  };
}

describe.each(testDialects())('global search on %s', (dialect) => {
  let t: TestApp;
  let a: Seeded;
  let b: Seeded;
  const asked: SearchOut[] = [];
  const search = async (who: Seeded, q: string, limit?: number): Promise<SearchOut> => {
    const qs = new URLSearchParams({ q, ...(limit ? { limit: String(limit) } : {}) });
    const res = await call(t.app, who.key, { method: 'GET', url: `/api/v1/search?${qs}` });
    expect(res.statusCode, res.body).toBe(200);
    const out = res.json() as SearchOut;
    if (who === a) asked.push(out);
    return out;
  };
  const idsOf = (out: SearchOut) =>
    [...out.clients, ...out.contacts, ...out.feedback, ...out.cases].map((x) => x.id);

  beforeAll(async () => {
    t = await createTestApp({ dialect });
    const orgA = await createTestOrg(t.deps, 'A');
    const orgB = await createTestOrg(t.deps, 'B');
    a = await seed(t, orgA.apiKey, 'A');
    b = await seed(t, orgB.apiKey, 'B');
  });
  afterAll(async () => t?.close());

  it('finds clients by name in any case, Cyrillic too, and by INN prefix', async () => {
    for (const q of ['ромашка', 'РОМАШКА', 'оОо «РоМаШкА']) {
      const out = await search(a, q);
      expect(out.clients.map((c) => c.name)).toEqual(['ООО «Ромашка» A']);
    }
    expect((await search(a, 'розница')).clients).toHaveLength(1);
    expect((await search(a, '7701 234')).clients.map((c) => c.inn)).toEqual(['7701234567']);
    expect((await search(a, '7701234999')).clients).toEqual([]);
  });

  it('finds a contact and its client by phone however it is written, and by e-mail', async () => {
    for (const q of ['+7 (912) 345-67-89', '89123456789', '9123456789', '345-67-89']) {
      const out = await search(a, q);
      expect(
        out.contacts.map((c) => c.name),
        q,
      ).toEqual(['Иван Петров A']);
      expect(
        out.clients.map((c) => c.name),
        q,
      ).toEqual(['ООО «Ромашка» A']);
    }
    // Stored as 8 913 …, asked as +7 913 …
    const olga = await search(a, '+7 913 000 11 22');
    expect(olga.contacts.map((c) => c.name)).toEqual(['Ольга A']);
    expect(olga.clients.map((c) => c.name)).toEqual(['Лютик A']);
    const mail = await search(a, 'IVAN.PETROV.A@');
    expect(mail.contacts.map((c) => c.email)).toEqual(['ivan.petrov.a@romashka.ru']);
    expect(mail.clients.map((c) => c.name)).toEqual(['ООО «Ромашка» A']);
    expect((await search(a, 'ИВАН петров')).contacts).toHaveLength(1);
  });

  it('finds records by text and cases by title and reference, in any case', async () => {
    const out = await search(a, 'заказ');
    expect(out.feedback).toHaveLength(1);
    expect(out.feedback[0]!.snippet).toContain('ЗАКАЗ помят (A)');
    // The record's own case (negative records open one) carries its text as title.
    expect(out.cases.map((c) => c.title)).toContain('Возврат ЗАКАЗА № 42 A');
    expect(out.cases.every((c) => c.title.endsWith('A') || c.title.endsWith('(A)'))).toBe(true);
    expect((await search(a, 'ПОМЯТ')).feedback).toHaveLength(1);
    for (const q of [a.caseRef, a.caseRef.toLowerCase(), a.caseRef.slice(0, 7).replace('-', ' ')])
      expect(
        (await search(a, q)).cases.map((c) => c.publicRef),
        q,
      ).toContain(a.caseRef);
    // B's reference, asked by A, names nothing.
    expect((await search(a, b.caseRef)).cases).toEqual([]);
  });

  it("never returns another organisation's rows, though that organisation finds them", async () => {
    const own = idsOf(await search(b, 'заказ')).concat(idsOf(await search(b, '89123456789')));
    expect(own.filter((id) => b.ids.has(id)).length).toBeGreaterThanOrEqual(4);
    for (const q of ['ромашка', '89123456789', 'заказ', 'петров', 'romashka.ru', '7701234'])
      await search(a, q);
    const leaked = asked.flatMap(idsOf).filter((id) => b.ids.has(id));
    expect(leaked).toEqual([]);
    expect(asked.flatMap(idsOf).filter((id) => a.ids.has(id)).length).toBeGreaterThan(10);
  });

  it('keeps to the limit of each kind', async () => {
    const out = await search(a, 'а', 1);
    for (const kind of ['clients', 'contacts', 'feedback', 'cases'] as const)
      expect(out[kind].length).toBeLessThanOrEqual(1);
    expect(out.clients).toHaveLength(1);
  });

  it('answers bad input with 400 problem+json and hostile text like any other', async () => {
    for (const qs of ['q=', 'q=%20%20', `q=${'a'.repeat(201)}`, 'q=x&limit=0', 'q=x&limit=21']) {
      const res = await call(t.app, a.key, { method: 'GET', url: `/api/v1/search?${qs}` });
      expect(res.statusCode, qs).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe('validation_failed');
    }
    const hostile = await search(a, `${'a'.repeat(199)}b`);
    expect(idsOf(hostile)).toEqual([]);
    expect(idsOf(await search(a, '%_\\'))).toEqual([]);
  });
});
