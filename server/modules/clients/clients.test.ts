import { afterEach, describe, expect, it } from 'vitest';
import { call, createTestApp, createTestOrg, type TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';

describe.each(testDialects())('clients and contacts on %s', (dialect) => {
  let t: TestApp;
  afterEach(async () => t?.close());

  it('creates clients and finds them by Cyrillic search in any case, and by segment', async () => {
    t = await createTestApp({ dialect });
    const org = await createTestOrg(t.deps);
    for (const [name, segment] of [
      ['ООО «Ёлка»', 'A'],
      ['ЗАО Ромашка', 'B'],
      ['Acme Ltd', 'A'],
      ['Скидка 50%_плюс', 'C'],
    ]) {
      const res = await call(t.app, org.apiKey, {
        method: 'POST',
        url: '/api/v1/clients',
        payload: { name, segment },
      });
      expect(res.statusCode).toBe(201);
    }
    const search = async (qs: string) =>
      (await call(t.app, org.apiKey, { method: 'GET', url: `/api/v1/clients?${qs}` }))
        .json()
        .items.map((c: { name: string }) => c.name);
    expect(await search(`q=${encodeURIComponent('РОМАШ')}`)).toEqual(['ЗАО Ромашка']);
    expect(await search(`q=${encodeURIComponent('елка')}`)).toEqual(['ООО «Ёлка»']);
    expect(await search('q=acme')).toEqual(['Acme Ltd']);
    expect(await search('q=%25')).toEqual(['Скидка 50%_плюс']);
    expect(await search('q=_')).toEqual(['Скидка 50%_плюс']);
    expect(await search(`q=${encodeURIComponent('0%_п')}`)).toEqual(['Скидка 50%_плюс']);
    expect(await search('segment=A')).toEqual(['ООО «Ёлка»', 'Acme Ltd']);
  });

  it('refuses a second client with the same external id, and keeps contacts with roles', async () => {
    t = await createTestApp({ dialect });
    const org = await createTestOrg(t.deps);
    const first = await call(t.app, org.apiKey, {
      method: 'POST',
      url: '/api/v1/clients',
      payload: { name: 'Альфа', externalId: 'crm-1' },
    });
    const dup = await call(t.app, org.apiKey, {
      method: 'POST',
      url: '/api/v1/clients',
      payload: { name: 'Альфа 2', externalId: 'crm-1' },
    });
    expect(dup.statusCode).toBe(409);
    const id = first.json().id;
    const contact = await call(t.app, org.apiKey, {
      method: 'POST',
      url: `/api/v1/clients/${id}/contacts`,
      payload: {
        name: 'Анна',
        email: 'Anna@Alpha.ru',
        phone: '+7 (900) 123-45-67',
        language: 'en',
        roles: ['decision_maker', 'payer'],
      },
    });
    expect(contact.statusCode).toBe(201);
    expect(contact.json()).toMatchObject({
      email: 'anna@alpha.ru',
      language: 'en',
      roles: ['decision_maker', 'payer'],
      clientId: id,
    });
    const bad = await call(t.app, org.apiKey, {
      method: 'POST',
      url: `/api/v1/clients/${id}/contacts`,
      payload: { name: 'X', roles: ['boss'] },
    });
    expect(bad.statusCode).toBe(400);
    const list = (
      await call(t.app, org.apiKey, { method: 'GET', url: `/api/v1/clients/${id}/contacts` })
    ).json().items;
    expect(list).toHaveLength(1);
    const patched = await call(t.app, org.apiKey, {
      method: 'PATCH',
      url: `/api/v1/contacts/${list[0].id}`,
      payload: { roles: ['influencer'] },
    });
    expect(patched.json().roles).toEqual(['influencer']);
  });

  it('matches feedback to a client by external id and to a contact by e-mail', async () => {
    t = await createTestApp({ dialect });
    const org = await createTestOrg(t.deps);
    const post = (payload: object) =>
      call(t.app, org.apiKey, { method: 'POST', url: '/api/v1/feedback', payload });
    const a = (
      await post({
        client: { externalId: 'crm-7', name: 'Гамма' },
        contact: { email: 'p@gamma.ru', name: 'Пётр' },
        text: 'Хорошо',
      })
    ).json();
    const b = (
      await post({
        client: { externalId: 'crm-7', name: 'Гамма (другое имя)' },
        contact: { email: 'P@GAMMA.RU' },
        text: 'Снова',
      })
    ).json();
    expect(b.clientId).toBe(a.clientId);
    expect(b.contactId).toBe(a.contactId);
    const unknownClient = await post({
      clientId: '01a206ea-dd6a-7001-8c1b-5f588a061bc6',
      text: 'x',
    });
    expect(unknownClient.statusCode).toBe(404);
    const byContactId = (
      await post({ channel: 'phone', contactId: a.contactId, text: 'Звонил, просил счёт' })
    ).json();
    expect(byContactId).toMatchObject({
      contactId: a.contactId,
      clientId: a.clientId,
      channel: 'phone',
    });
    expect(
      (await post({ contactId: '01a206ea-dd6a-7001-8c1b-5f588a061bc6', text: 'x' })).statusCode,
    ).toBe(404);
    const lone = (
      await post({ contact: { email: 'solo@example.com', name: 'Соло' }, text: 'Привет' })
    ).json();
    const client = (
      await call(t.app, org.apiKey, { method: 'GET', url: `/api/v1/clients/${lone.clientId}` })
    ).json();
    expect(client).toMatchObject({ kind: 'person', name: 'Соло' });
  });
});
