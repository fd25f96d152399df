// Client care: important dates (birthdays, anniversaries, renewals) and their reminders.
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
  const kindsOf = (items: { kind: string }[]) => items.map((i) => i.kind);

  it("puts a contact's birthday five days ahead into reminders for 14 days, not for 3", async () => {
    const { api, client } = await setup('2026-11-23T09:00:00Z');
    const clientId = await client('ООО Альфа');
    const contact = (
      await api('POST', `/api/v1/clients/${clientId}/contacts`, { name: 'Анна' })
    ).json();
    const created = await api('POST', `/api/v1/clients/${clientId}/dates`, {
      kind: 'birthday',
      date: '1985-11-28',
      recurring: true,
      title: 'День рождения Анны',
      contactId: contact.id,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      nextDate: '2026-11-28',
      daysUntil: 5,
      contactId: contact.id,
    });

    const in14 = (await api('GET', '/api/v1/reminders?days=14'))
      .json()
      .items.filter((i: { kind: string }) => i.kind === 'upcoming_date');
    expect(in14).toEqual([
      expect.objectContaining({
        clientId,
        clientName: 'ООО Альфа',
        title: 'День рождения Анны',
        at: '2026-11-28',
        daysUntil: 5,
      }),
    ]);
    const in3 = (await api('GET', '/api/v1/reminders?days=3'))
      .json()
      .items.filter((i: { kind: string }) => i.kind === 'upcoming_date');
    expect(in3).toEqual([]);
    // Default is 14 days.
    expect(kindsOf((await api('GET', '/api/v1/reminders')).json().items)).toContain(
      'upcoming_date',
    );
  });

  it('carries recurring dates across the year boundary and 29 February to 28 February', async () => {
    const { api, client, clock } = await setup('2026-12-30T09:00:00Z');
    const clientId = await client('ООО Бета');
    await api('POST', `/api/v1/clients/${clientId}/dates`, {
      kind: 'company_anniversary',
      date: '2005-01-03',
      recurring: true,
      title: 'Годовщина компании',
    });
    await api('POST', `/api/v1/clients/${clientId}/dates`, {
      kind: 'birthday',
      date: '1988-02-29',
      recurring: true,
      title: 'ДР Високосного',
    });
    await api('POST', `/api/v1/clients/${clientId}/dates`, {
      kind: 'custom',
      date: '2026-01-03',
      recurring: false,
      title: 'Разовая встреча',
    });
    const upcoming = async (days: number) =>
      (await api('GET', `/api/v1/reminders?days=${days}`))
        .json()
        .items.filter((i: { kind: string }) => i.kind === 'upcoming_date')
        .map((i: { title: string; at: string; daysUntil: number }) => [i.title, i.at, i.daysUntil]);
    expect(await upcoming(14)).toEqual([['Годовщина компании', '2027-01-03', 4]]);
    clock.set('2027-02-20T09:00:00Z');
    expect(await upcoming(14)).toEqual([['ДР Високосного', '2027-02-28', 8]]);
    const dates = (await api('GET', `/api/v1/clients/${clientId}/dates`)).json().items;
    expect(dates.find((d: { title: string }) => d.title === 'Разовая встреча')).toMatchObject({
      nextDate: null,
      daysUntil: null,
    });
  });

  it('edits and deletes dates, and refuses a contact of another client and impossible dates', async () => {
    const { api, client } = await setup('2026-11-23T09:00:00Z');
    const a = await client('А');
    const b = await client('Б');
    const otherContact = (
      await api('POST', `/api/v1/clients/${b}/contacts`, { name: 'Чужой' })
    ).json();
    expect(
      (
        await api('POST', `/api/v1/clients/${a}/dates`, {
          kind: 'birthday',
          date: '1990-01-01',
          recurring: true,
          title: 'x',
          contactId: otherContact.id,
        })
      ).statusCode,
    ).toBe(422);
    expect(
      (
        await api('POST', `/api/v1/clients/${a}/dates`, {
          kind: 'birthday',
          date: '2026-02-30',
          recurring: true,
          title: 'x',
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await api('POST', `/api/v1/clients/${a}/dates`, {
          kind: 'wedding',
          date: '2026-02-03',
          recurring: true,
          title: 'x',
        })
      ).statusCode,
    ).toBe(400);
    expect((await api('GET', '/api/v1/reminders?days=367')).statusCode).toBe(400);
    expect((await api('GET', '/api/v1/reminders?timeZone=Mars/Base')).statusCode).toBe(400);
    const d = (
      await api('POST', `/api/v1/clients/${a}/dates`, {
        kind: 'contract_renewal',
        date: '2027-03-01',
        recurring: true,
        title: 'Продление',
      })
    ).json();
    expect(d).toMatchObject({ nextDate: '2027-03-01', daysUntil: 98 });
    expect(
      (
        await api('PATCH', `/api/v1/dates/${d.id}`, {
          title: 'Продление договора',
          date: '2026-12-01',
        })
      ).json(),
    ).toMatchObject({ title: 'Продление договора', daysUntil: 8 });
    expect((await api('DELETE', `/api/v1/dates/${d.id}`)).statusCode).toBe(204);
    expect((await api('GET', `/api/v1/clients/${a}/dates`)).json().items).toEqual([]);
  });
});
