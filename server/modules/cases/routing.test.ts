// Routing of auto-opened cases (issue 15): the client's manager, else the stage owner, else the
// organisation's default owner, else its first active admin — so every auto-opened case has an
// owner — with an 'assigned' event, an e-mail in the owner's language through a real SMTP server
// and the case under "assigned to me" in the owner's care inbox. Both dialects.
import { afterEach, describe, expect, it } from 'vitest';
import { call, createTestApp, createTestOrg, type TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { startTestSmtp, type TestSmtp } from '../../../tests/support/smtp.ts';
import { testWorker } from '../../../tests/support/worker.ts';
import { fixedClock } from '../../lib/clock.ts';

/** The session cookie (name=value) a login response sets. */
const cookieOf = (res: { headers: Record<string, unknown> }) =>
  String([res.headers['set-cookie']].flat()[0]).split(';')[0]!;

describe.each(testDialects())('case routing on %s', (dialect) => {
  let t: TestApp;
  let smtp: TestSmtp;
  afterEach(async () => {
    await t?.close();
    await smtp?.close();
  });

  async function setup() {
    smtp = await startTestSmtp();
    t = await createTestApp({
      dialect,
      clock: fixedClock('2026-11-23T07:00:00.000Z'),
      env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://cx.example.ru' },
    });
    const org = await createTestOrg(t.deps, 'Ромашка');
    const api = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
      call(t.app, org.apiKey, { method, url, ...(payload ? { payload } : {}) });
    const person = async (email: string, name: string, language: 'ru' | 'en') =>
      (
        await api('POST', '/api/v1/users', {
          email,
          name,
          password: 'long-enough-pass',
          role: 'manager',
          language,
        })
      ).json() as { id: string; email: string };
    return { org, api, person, worker: testWorker(t.deps) };
  }

  it('routes every auto-opened case to an owner who gets the e-mail in their language', async () => {
    const { org, api, person, worker } = await setup();
    const maria = await person('maria@romashka.example.ru', 'Мария', 'ru');
    const stan = await person('stan@romashka.example.ru', 'Stan', 'en');
    const dina = await person('dina@romashka.example.ru', 'Дина', 'ru');
    const managed = (
      await api('POST', '/api/v1/clients', { name: 'ООО Альфа', managerId: maria.id })
    ).json();
    const unmanaged = (await api('POST', '/api/v1/clients', { name: 'ООО Бета' })).json();
    await api('POST', '/api/v1/stages', { key: 'доставка', nameEn: 'Delivery', ownerId: stan.id });
    expect(
      (await api('PATCH', '/api/v1/org', { defaultCaseOwnerId: dina.id })).json(),
    ).toMatchObject({ defaultCaseOwnerId: dina.id });
    const detractor = async (body: object) => {
      const res = await api('POST', '/api/v1/feedback', {
        score: { type: 'nps', value: 2 },
        text: 'Всё плохо',
        ...body,
      });
      expect(res.statusCode).toBe(201);
      const caseId = res.json().caseId as string;
      expect(caseId).toBeTruthy();
      return (await api('GET', `/api/v1/cases/${caseId}`)).json();
    };
    const byManager = await detractor({ clientId: managed.id, stage: 'доставка' });
    const byStage = await detractor({ clientId: unmanaged.id, stage: 'доставка' });
    const byDefault = await detractor({ clientId: unmanaged.id, stage: 'оплата' });
    expect(byManager.ownerId).toBe(maria.id);
    expect(byStage.ownerId).toBe(stan.id);
    expect(byDefault.ownerId).toBe(dina.id);
    // Without a default owner, the organisation's first admin; a disabled manager is passed over.
    await api('PATCH', '/api/v1/org', { defaultCaseOwnerId: null });
    await api('PATCH', `/api/v1/users/${maria.id}`, { disabled: true });
    const byAdmin = await detractor({ clientId: managed.id });
    const admin = (await api('GET', '/api/v1/users'))
      .json()
      .items.find((u: { email: string }) => u.email === org.adminEmail);
    expect(byAdmin.ownerId).toBe(admin.id);

    for (const c of [byManager, byStage, byDefault, byAdmin]) {
      const events = (await api('GET', `/api/v1/cases/${c.id}/events`)).json().items;
      expect(events.map((e: { kind: string }) => e.kind)).toEqual(['opened', 'assigned']);
      expect(events[1].body).toBe(c.ownerId);
    }

    await worker.drain();
    const mails = await smtp.waitFor(4);
    const to = (address: string) =>
      mails.find((m) => m.to && 'text' in m.to && m.to.text === address);
    expect(to(maria.email)!.subject).toBe(`Вам назначено обращение ${byManager.publicRef}`);
    expect(to(maria.email)!.text).toContain('Клиент: ООО Альфа');
    expect(to(maria.email)!.text).toContain(`https://cx.example.ru/cases/${byManager.id}`);
    expect(to(stan.email)!.subject).toBe(`Case ${byStage.publicRef} is assigned to you`);
    // Names, not keys: the stage in the reader's language, the due time as a person reads it.
    expect(to(stan.email)!.text).toContain('Stage: Delivery');
    expect(to(stan.email)!.text).toMatch(/: \d{1,2} [A-Z][a-z]+ \d{4} at \d{2}:\d{2} UTC\n/);
    expect(to(maria.email)!.text).toContain('Этап: доставка');
    expect(to(maria.email)!.text).toMatch(
      /Срок решения: \d{1,2} [а-я]+ \d{4} г\. в \d{2}:\d{2} UTC/,
    );
    for (const m of mails) expect(m.text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
    expect(to(dina.email)!.subject).toContain(byDefault.publicRef);
    expect(to(org.adminEmail)!.subject).toContain(byAdmin.publicRef);
    expect(mails).toHaveLength(4);
    const messages = (await api('GET', `/api/v1/messages?caseId=${byStage.id}`)).json().items;
    expect(messages).toMatchObject([{ kind: 'case_assigned', status: 'sent' }]);
  });

  it('shows the owner their cases and their stages’ requirements under "assigned to me"', async () => {
    const { api, person } = await setup();
    const stan = await person('stan@romashka.example.ru', 'Stan', 'en');
    const client = (await api('POST', '/api/v1/clients', { name: 'ООО Бета' })).json();
    await api('POST', '/api/v1/stages', { key: 'доставка', ownerId: stan.id });
    const fb = (
      await api('POST', '/api/v1/feedback', {
        clientId: client.id,
        stage: 'доставка',
        score: { type: 'csat', value: 1 },
      })
    ).json();
    const requirement = (
      await api('POST', `/api/v1/clients/${client.id}/requirements`, {
        category: 'delivery',
        text: 'Только до 17:00',
        stage: 'доставка',
      })
    ).json();
    await api('POST', `/api/v1/clients/${client.id}/requirements`, {
      category: 'documents',
      text: 'Акты в двух экземплярах',
      stage: 'документы',
    });
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'stan@romashka.example.ru', password: 'long-enough-pass' },
    });
    const cookie = cookieOf(login);
    const mine = await t.app.inject({
      method: 'GET',
      url: '/api/v1/reminders?mine=true',
      headers: { cookie },
    });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items).toMatchObject([
      { kind: 'assigned_case', ref: { type: 'case', id: fb.caseId }, clientName: 'ООО Бета' },
      {
        kind: 'stage_requirement',
        ref: { type: 'requirement', id: requirement.id },
        title: 'доставка: Только до 17:00',
      },
    ]);
    expect(mine.json().items).toHaveLength(2);
    // An API key has nobody to be "me".
    const keyed = await api('GET', '/api/v1/reminders?mine=true');
    expect(keyed.statusCode).toBe(403);
  });

  it('refuses an owner from another organisation (404); mails a case handed over', async () => {
    const { api, person } = await setup();
    const other = await createTestOrg(t.deps, 'Другая');
    const stranger = (
      await call(t.app, other.apiKey, {
        method: 'POST',
        url: '/api/v1/users',
        payload: { email: 'spy@other.example', name: 'Spy', password: 'long-enough-pass' },
      })
    ).json();
    const res = await api('PATCH', '/api/v1/org', { defaultCaseOwnerId: stranger.id });
    expect(res.statusCode).toBe(404);
    expect(res.json().invalidParams[0].name).toBe('body.defaultCaseOwnerId');
    expect((await api('GET', '/api/v1/org')).json().defaultCaseOwnerId).toBeNull();
    const kase = (await api('POST', '/api/v1/cases', { title: 'Вопрос' })).json();
    const patch = await api('PATCH', `/api/v1/cases/${kase.id}`, { ownerId: stranger.id });
    expect(patch.statusCode).toBe(404);
    // Handed over to a person of the organisation: they are mailed, once.
    const olga = await person('olga@romashka.example.ru', 'Ольга', 'ru');
    for (let i = 0; i < 2; i++)
      expect(
        (await api('PATCH', `/api/v1/cases/${kase.id}`, { ownerId: olga.id })).json().ownerId,
      ).toBe(olga.id);
    const messages = (await api('GET', `/api/v1/messages?caseId=${kase.id}`)).json().items;
    expect(messages).toMatchObject([{ kind: 'case_assigned', to: olga.email }]);
  });
});
