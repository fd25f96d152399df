// Client care: a client's requirements, shown on its cases, versioned and searchable.
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../lib/clock.ts';
import { call, createTestApp, createTestOrg, type TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';

describe.each(testDialects())('client care on %s', (dialect) => {
  let t: TestApp;
  afterEach(async () => {
    await t?.close();
  });

  async function setup(now: string, env: Record<string, string> = {}) {
    const clock = fixedClock(now);
    t = await createTestApp({ dialect, clock, env });
    const org = await createTestOrg(t.deps, 'Ромашка');
    const api = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
      call(t.app, org.apiKey, { method, url, payload });
    const client = async (name: string) =>
      (await api('POST', '/api/v1/clients', { name })).json().id as string;
    return { clock, org, api, client };
  }

  it("shows a client's requirements in effect on each new case of that client, with versions", async () => {
    const { api, client } = await setup('2026-11-23T09:00:00Z');
    const clientId = await client('АО Химпром');
    const other = await client('ООО Другой');
    const req = await api('POST', `/api/v1/clients/${clientId}/requirements`, {
      category: 'packaging',
      text: 'Только в ЁМКОСТЯХ по 20 л, паллеты 1200×800',
      source: 'meeting',
      product: 'Растворитель',
    });
    expect(req.statusCode).toBe(201);
    const reqId = req.json().id;
    await api('POST', `/api/v1/clients/${clientId}/requirements`, {
      category: 'documents',
      text: 'Паспорт качества с 2027 года',
      effectiveFrom: '2027-01-01',
    });
    await api('POST', `/api/v1/clients/${other}/requirements`, {
      category: 'delivery',
      text: 'Чужое требование',
    });

    const manual = (
      await api('POST', '/api/v1/cases', { title: 'Вопрос по поставке', clientId })
    ).json();
    const auto = (
      await api('POST', '/api/v1/feedback', {
        clientId,
        score: { type: 'nps', value: 2 },
        text: 'Протекла тара',
      })
    ).json();
    expect(auto.caseId).toBeTruthy();
    for (const caseId of [manual.id, auto.caseId]) {
      const items = (await api('GET', `/api/v1/cases/${caseId}/requirements`)).json().items;
      expect(items.map((i: { text: string }) => i.text)).toEqual([
        'Только в ЁМКОСТЯХ по 20 л, паллеты 1200×800',
      ]);
      // GET /api/v1/cases/{id} carries them too (issue 4).
      const kase = (await api('GET', `/api/v1/cases/${caseId}`)).json();
      expect(kase.requirements.map((i: { text: string }) => i.text)).toEqual([
        'Только в ЁМКОСТЯХ по 20 л, паллеты 1200×800',
      ]);
    }
    const onCard = (await api('GET', `/api/v1/clients/${clientId}/requirements`)).json().items;
    expect(onCard.map((i: { inEffect: boolean }) => i.inEffect)).toEqual([true, false]);

    expect(
      (
        await api('PATCH', `/api/v1/requirements/${reqId}`, { text: 'Только ёмкости по 10 л' })
      ).json(),
    ).toMatchObject({ version: 2 });
    expect(
      (await api('PATCH', `/api/v1/requirements/${reqId}`, { status: 'retired' })).json(),
    ).toMatchObject({ version: 3, inEffect: false });
    expect((await api('GET', `/api/v1/cases/${manual.id}/requirements`)).json().items).toEqual([]);
    const versions = (await api('GET', `/api/v1/requirements/${reqId}/versions`)).json().items;
    expect(
      versions.map((v: { version: number; snapshot: { text: string; status: string } }) => [
        v.version,
        v.snapshot.text,
        v.snapshot.status,
      ]),
    ).toEqual([
      [1, 'Только в ЁМКОСТЯХ по 20 л, паллеты 1200×800', 'active'],
      [2, 'Только ёмкости по 10 л', 'active'],
      [3, 'Только ёмкости по 10 л', 'retired'],
    ]);
    expect(versions[0].actorType).toBe('api_key');
    expect(
      (
        await api('PATCH', `/api/v1/requirements/${reqId}`, {
          effectiveFrom: '2027-02-01',
          effectiveTo: '2027-01-01',
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await api('PATCH', `/api/v1/requirements/${reqId}`, { effectiveTo: '2020-01-01' }))
        .statusCode,
    ).toBe(200);
    expect(
      (await api('PATCH', `/api/v1/requirements/${reqId}`, { effectiveFrom: '2021-01-01' }))
        .statusCode,
    ).toBe(422);
  });

  it('finds requirements across clients by Cyrillic text in any case and with ё', async () => {
    const { api, client } = await setup('2026-11-23T09:00:00Z');
    const a = await client('ООО Ёж');
    const b = await client('ЗАО Пласт');
    await api('POST', `/api/v1/clients/${a}/requirements`, {
      category: 'packaging',
      text: 'Упаковка в ЁМКОСТИ 20 л',
    });
    await api('POST', `/api/v1/clients/${b}/requirements`, {
      category: 'technical',
      text: 'Влажность не выше 0,5%',
    });
    const search = async (q: string) =>
      (await api('GET', `/api/v1/requirements?q=${encodeURIComponent(q)}`))
        .json()
        .items.map((i: { clientName: string }) => i.clientName);
    expect(await search('емкост')).toEqual(['ООО Ёж']);
    expect(await search('ЁмКоСтИ')).toEqual(['ООО Ёж']);
    expect(await search('0,5%')).toEqual(['ЗАО Пласт']);
    expect(await search('%')).toEqual(['ЗАО Пласт']);
    expect(await search('нет такого')).toEqual([]);
  });
});
