// CRM exports through the imports pipeline (target `clients`) on both dialects: clients matched
// by external id, INN or a contact's e-mail and updated, never duplicated; new ones created with
// their contacts; a bad INN a row error; and the INN of the clients API itself.
import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { importsKit } from './imports.fixtures.ts';

const FILE = [
  'Код клиента,Компания,ИНН,Сегмент,Email,Контактное лицо,Телефон,Роль',
  'C-1,Альфа,,Опт,olga@alfa.ru,Ольга Петрова,+7 495 000-00-01,ЛПР',
  ',Бета Групп,7707083893,,,,,',
  ',,,Розница,IVAN@gamma.ru,Иван Иванович,,',
  'C-9,Дельта,500100732259,,anna@delta.ru,Анна,,"плательщик, пользователь"',
  'C-9,Дельта,,,,Борис,,',
].join('\n');

describe.each(testDialects())('clients imports on %s', (dialect) => {
  const kit = importsKit(dialect);
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    ids.alfa = (await kit.post('/api/v1/clients', { name: 'Альфа', externalId: 'C-1' })).json().id;
    ids.beta = (await kit.post('/api/v1/clients', { name: 'Бета', inn: '7707083893' })).json().id;
    ids.gamma = (await kit.post('/api/v1/clients', { name: 'Гамма' })).json().id;
    await kit.post(`/api/v1/clients/${ids.gamma}/contacts`, {
      name: 'Иван',
      email: 'ivan@gamma.ru',
    });
  });
  const clients = () =>
    kit.t.deps.db
      .selectFrom('clients')
      .select(['id', 'name', 'external_id', 'inn', 'segment'])
      .where('org_id', '=', kit.org.orgId)
      .orderBy('name')
      .execute();
  // roles is jsonb on PostgreSQL (text with spaces), text on SQLite: compared parsed.
  const contacts = async () =>
    (
      await kit.t.deps.db
        .selectFrom('contacts')
        .select(['client_id', 'name', 'email', 'phone', 'roles'])
        .where('org_id', '=', kit.org.orgId)
        .orderBy('name')
        .execute()
    ).map((c) => ({ ...c, roles: JSON.parse(c.roles) as string[] }));

  it('matches by external id, INN and e-mail, creates the rest once', async () => {
    const imp = (await kit.upload(FILE, 'text/csv', 'crm.csv', 'clients')).json();
    expect(imp).toMatchObject({
      target: 'clients',
      numberFormat: null,
      suggestedMapping: {
        clientExternalId: 'Код клиента',
        clientName: 'Компания',
        inn: 'ИНН',
        segment: 'Сегмент',
        contactEmail: 'Email',
        contactName: 'Контактное лицо',
        contactPhone: 'Телефон',
        contactRole: 'Роль',
      },
    });
    const done = await kit.commit(imp.id, imp.suggestedMapping);
    expect(done.statusCode).toBe(200);
    // Rows 2–4 and 6 change a known client (row 6: Дельта of row 5 gets Борис); row 5 is new.
    expect(done.json().result).toEqual({ created: 1, updated: 4, duplicates: 0 });
    const all = await clients();
    const delta = all.find((c) => c.name === 'Дельта')!.id;
    expect(all).toEqual([
      { id: ids.alfa, name: 'Альфа', external_id: 'C-1', inn: null, segment: 'Опт' },
      { id: ids.beta, name: 'Бета Групп', external_id: null, inn: '7707083893', segment: null },
      { id: ids.gamma, name: 'Гамма', external_id: null, inn: null, segment: 'Розница' },
      { id: delta, name: 'Дельта', external_id: 'C-9', inn: '500100732259', segment: null },
    ]);
    expect(await contacts()).toEqual([
      {
        client_id: delta,
        name: 'Анна',
        email: 'anna@delta.ru',
        phone: null,
        roles: ['payer', 'user'],
      },
      { client_id: delta, name: 'Борис', email: null, phone: null, roles: [] },
      {
        client_id: ids.gamma,
        name: 'Иван Иванович',
        email: 'ivan@gamma.ru',
        phone: null,
        roles: [],
      },
      {
        client_id: ids.alfa,
        name: 'Ольга Петрова',
        email: 'olga@alfa.ru',
        phone: '+7 495 000-00-01',
        roles: ['decision_maker'],
      },
    ]);

    // The same export again: every row matched, nothing new.
    const again = (await kit.upload(FILE, 'text/csv', 'crm-again.csv', 'clients')).json();
    const replay = await kit.commit(again.id, again.suggestedMapping);
    expect(replay.json().result).toEqual({ created: 0, updated: 0, duplicates: 5 });
    expect(await clients()).toHaveLength(4);
    expect(await contacts()).toHaveLength(4);
  });

  it('reports a bad INN and a new client without a name, and writes nothing', async () => {
    const before = await clients();
    const file = ['Код,Название,ИНН,Email', 'N-1,Эпсилон,12345,', 'N-2,,,nobody@nowhere.ru'];
    const imp = (await kit.upload(file.join('\n'), 'text/csv', 'bad.csv', 'clients')).json();
    const report = (await kit.validate(imp.id, imp.suggestedMapping)).json();
    expect(report.errors.map((e: Record<string, unknown>) => [e.row, e.field, e.code])).toEqual([
      [2, 'inn', 'invalid_inn'],
      [3, 'clientName', 'client_name_missing'],
    ]);
    expect((await kit.commit(imp.id, imp.suggestedMapping)).statusCode).toBe(422);
    expect(await clients()).toEqual(before);
  });

  it('keeps a client’s INN through the API, 10 or 12 digits or 422', async () => {
    const bad = await kit.post('/api/v1/clients', { name: 'Зета', inn: '12345678901' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({
      code: 'unprocessable',
      invalidParams: [{ name: 'body.inn', reason: '10 or 12 digits' }],
    });
    const res = await call(kit.t.app, kit.org.apiKey, {
      method: 'PATCH',
      url: `/api/v1/clients/${ids.gamma}`,
      payload: { inn: '7701234567' },
    });
    expect(res.json().inn).toBe('7701234567');
    const unset = await call(kit.t.app, kit.org.apiKey, {
      method: 'PATCH',
      url: `/api/v1/clients/${ids.gamma}`,
      payload: { inn: null },
    });
    expect(unset.json().inn).toBeNull();
  });
});
