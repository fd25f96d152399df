import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../lib/clock.ts';
import {
  call,
  createTestApp,
  createTestOrg,
  type TestApp,
  type TestOrg,
} from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { startTestSmtp, type TestSmtp } from '../../../tests/support/smtp.ts';
import { testWorker } from '../../../tests/support/worker.ts';

describe.each(testDialects())('client care on %s', (dialect) => {
  let t: TestApp;
  let smtp: TestSmtp | undefined;
  afterEach(async () => {
    await t?.close();
    await smtp?.close();
    smtp = undefined;
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

  it('shows feedback, cases, sent messages and notes in the timeline, newest first, in pages', async () => {
    smtp = await startTestSmtp();
    const { api, client, clock } = await setup('2026-11-23T07:00:00Z', { SMTP_URL: smtp.url });
    const clientId = await client('ООО Гамма');
    const fb = (
      await api('POST', '/api/v1/feedback', {
        clientId,
        contact: { email: 'ivan@gamma.ru', name: 'Иван' },
        score: { type: 'nps', value: 3 },
        text: 'Опоздали',
        receivedAt: '2026-11-23T06:55:00Z',
      })
    ).json();
    clock.advance(60_000);
    await testWorker(t.deps).drain();
    await smtp.waitFor(1);
    clock.advance(60_000);
    expect(
      (await api('POST', `/api/v1/clients/${clientId}/notes`, { text: 'Позвонил, извинился' }))
        .statusCode,
    ).toBe(201);
    expect((await api('POST', `/api/v1/clients/${clientId}/notes`, { text: '' })).statusCode).toBe(
      400,
    );

    const items = (await api('GET', `/api/v1/clients/${clientId}/timeline`)).json().items as {
      at: string;
      kind: string;
      ref: { id: string };
    }[];
    const kinds = kindsOf(items);
    expect(kinds[0]).toBe('note');
    expect(kinds.at(-1)).toBe('feedback');
    expect(items.at(-1)!.ref.id).toBe(fb.id);
    expect(kinds.indexOf('message_sent')).toBeGreaterThan(0);
    expect(kinds.indexOf('message_sent')).toBeLessThan(kinds.indexOf('case_opened'));
    expect(kinds.indexOf('case_opened')).toBeLessThan(kinds.indexOf('feedback'));
    const ats = items.map((i) => Date.parse(i.at));
    expect([...ats].sort((x, y) => y - x)).toEqual(ats);

    // Paging returns the same sequence.
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { items: { kind: string }[]; nextCursor: string | null } = (
        await api(
          'GET',
          `/api/v1/clients/${clientId}/timeline?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        )
      ).json();
      paged.push(...kindsOf(res.items));
      cursor = res.nextCursor;
    } while (cursor);
    expect(paged).toEqual(kinds);
    expect(
      (await api('GET', `/api/v1/clients/${clientId}/timeline?cursor=garbage`)).statusCode,
    ).toBe(400);
  });

  it('lists silent clients, detractors without follow-up and cases at SLA risk', async () => {
    const { api, client, clock } = await setup('2026-08-01T09:00:00Z');
    const quiet = await client('ООО Тихая');
    const loud = await client('ООО Шумная');
    await api('PATCH', `/api/v1/clients/${await client('ООО Ушедшая')}`, { status: 'churned' });
    const policy = await api('POST', '/api/v1/sla-policies', {
      name: 'Сутки',
      firstResponseMinutes: 60,
      resolutionMinutes: 1440,
      isDefault: true,
    });
    expect(policy.statusCode).toBe(201);
    clock.set('2026-11-20T09:00:00Z');
    const fb = (
      await api('POST', '/api/v1/feedback', {
        clientId: loud,
        score: { type: 'csat', value: 1 },
        text: 'Ужасно',
      })
    ).json();
    await api('POST', '/api/v1/feedback', {
      clientId: loud,
      score: { type: 'nps', value: 10 },
      text: 'Отлично',
    });
    clock.set('2026-11-23T09:00:00Z');
    const items = (await api('GET', '/api/v1/reminders')).json().items as {
      kind: string;
      clientName: string;
      ref: { id: string };
    }[];
    expect(items.filter((i) => i.kind === 'silent_client').map((i) => i.clientName)).toEqual([
      'ООО Тихая',
    ]);
    expect(
      items.filter((i) => i.kind === 'detractor_without_followup').map((i) => i.ref.id),
    ).toEqual([fb.caseId]);
    // The case was due a day after it opened three days ago: breached, so at risk.
    expect(items.filter((i) => i.kind === 'sla_risk').map((i) => i.ref.id)).toEqual([fb.caseId]);
    expect(quiet).not.toBe(loud);
    // Work on the case is a follow-up; resolving it ends the SLA risk too.
    expect(
      (await api('PATCH', `/api/v1/cases/${fb.caseId}`, { status: 'in_progress' })).statusCode,
    ).toBe(200);
    expect(kindsOf((await api('GET', '/api/v1/reminders')).json().items)).not.toContain(
      'detractor_without_followup',
    );
    expect(
      (
        await api('PATCH', `/api/v1/cases/${fb.caseId}`, {
          status: 'resolved',
          resolution: 'Заменили товар',
        })
      ).statusCode,
    ).toBe(200);
    expect(kindsOf((await api('GET', '/api/v1/reminders')).json().items)).not.toContain('sla_risk');
  });

  it('keeps card fields: tier, manager, status, corporate specifics and contact preferences, with filters', async () => {
    const { api, client, org } = await setup('2026-11-23T09:00:00Z');
    const admin = await t.deps.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', (org as TestOrg).adminEmail)
      .executeTakeFirstOrThrow();
    const a = await client('ООО Альфа');
    await client('ООО Бета');
    const patched = await api('PATCH', `/api/v1/clients/${a}`, {
      tier: 'A',
      managerId: admin.id,
      status: 'prospect',
      corporateSpecifics: 'Закупки только через тендер',
    });
    expect(patched.json()).toMatchObject({
      tier: 'A',
      managerId: admin.id,
      status: 'prospect',
      corporateSpecifics: 'Закупки только через тендер',
      name: 'ООО Альфа',
    });
    expect(
      (
        await api('PATCH', `/api/v1/clients/${a}`, {
          managerId: '01a206ea-dd6a-7001-8c1b-5f588a061bc6',
        })
      ).statusCode,
    ).toBe(404);
    expect((await api('PATCH', `/api/v1/clients/${a}`, { status: 'lost' })).statusCode).toBe(400);
    const names = async (qs: string) =>
      (await api('GET', `/api/v1/clients?${qs}`)).json().items.map((c: { name: string }) => c.name);
    expect(await names(`managerId=${admin.id}`)).toEqual(['ООО Альфа']);
    expect(await names('status=active')).toEqual(['ООО Бета']);
    expect(await names('status=prospect')).toEqual(['ООО Альфа']);
    const contact = (
      await api('POST', `/api/v1/clients/${a}/contacts`, {
        name: 'Пётр',
        preferredChannel: 'messenger',
        preferredTime: 'после 15:00',
        preferences: 'Не звонить в понедельник',
      })
    ).json();
    expect(contact).toMatchObject({
      preferredChannel: 'messenger',
      preferredTime: 'после 15:00',
      preferences: 'Не звонить в понедельник',
    });
    expect(
      (await api('PATCH', `/api/v1/contacts/${contact.id}`, { preferredChannel: null })).json()
        .preferredChannel,
    ).toBeNull();
    expect(
      (await api('PATCH', `/api/v1/contacts/${contact.id}`, { preferredChannel: 'pigeon' }))
        .statusCode,
    ).toBe(400);
  });
});
