// Client care on the client card: the timeline, the watch-list reminders (silent clients,
// detractors without follow-up, SLA risk) and the card's own fields.
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
          resolutionCode: 'fixed',
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
