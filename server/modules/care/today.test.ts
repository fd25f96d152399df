// The "Today" page (issue 21): my open cases by SLA risk (earliest due first), the reminders due
// today less what I snoozed, detractors and negative records without a case, set-up health for
// an admin only. Hand-made example, fixed clock, both dialects.
import { afterEach, describe, expect, it } from 'vitest';
import { call, createTestApp, createTestOrg, type TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { ctxFor } from '../../context.ts';
import { fixedClock } from '../../lib/clock.ts';
import { feedbackIn } from '../../../shared/api/feedback.ts';
import { recordFeedback } from '../feedback/index.ts';

const cookieOf = (res: { headers: Record<string, unknown> }) =>
  String([res.headers['set-cookie']].flat()[0]).split(';')[0]!;

describe.each(testDialects())('the Today page on %s', (dialect) => {
  let t: TestApp;
  afterEach(async () => t?.close());

  async function setup() {
    const clock = fixedClock('2026-11-23T07:00:00.000Z'); // 10:00 in Moscow, a Monday
    // 14 hours pass in the test; sessions must not end unused in between (SESSION_IDLE_MINUTES).
    t = await createTestApp({ dialect, clock, env: { SESSION_IDLE_MINUTES: '1440' } });
    const org = await createTestOrg(t.deps, 'Ромашка');
    const api = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
      call(t.app, org.apiKey, { method, url, ...(payload ? { payload } : {}) });
    const person = async (email: string, role: 'manager' | 'admin') => {
      const user = (
        await api('POST', '/api/v1/users', {
          email,
          name: email.split('@')[0],
          password: 'long-enough-pass',
          role,
          language: 'ru',
        })
      ).json();
      const login = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email, password: 'long-enough-pass' },
      });
      const headers = { cookie: cookieOf(login), 'x-csrf-token': login.json().csrfToken };
      const as = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
        t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
      return { id: user.id as string, as };
    };
    return { org, api, person, clock };
  }

  it('lists my open cases by due time, reminders due today, negative records without a case; snooze and resolve work', async () => {
    const { org, api, person, clock } = await setup();
    expect((await api('PATCH', '/api/v1/org', { timeZone: 'Europe/Moscow' })).statusCode).toBe(200);
    const maria = await person('maria@romashka.example.ru', 'manager');
    const other = await person('oleg@romashka.example.ru', 'manager');
    const client = (await api('POST', '/api/v1/clients', { name: 'ООО Альфа' })).json();
    const open = async (title: string, priority: string, ownerId: string) =>
      (
        await api('POST', '/api/v1/cases', { title, priority, ownerId, clientId: client.id })
      ).json();
    const low = await open('Низкий', 'low', maria.id);
    clock.advance(60_000);
    const urgent = await open('Срочный', 'urgent', maria.id);
    await open('Чужой', 'urgent', other.id);
    const done = await open('Решённый', 'high', maria.id);
    await api('PATCH', `/api/v1/cases/${done.id}`, {
      status: 'resolved',
      resolution: 'ok',
      resolutionCode: 'fixed',
    });
    // Dates: today (a reminder) and tomorrow (not yet).
    const birthday = (
      await api('POST', `/api/v1/clients/${client.id}/dates`, {
        kind: 'birthday',
        date: '1980-11-23',
        title: 'День рождения директора',
      })
    ).json();
    await api('POST', `/api/v1/clients/${client.id}/dates`, {
      kind: 'birthday',
      date: '1980-11-24',
      title: 'Завтра',
    });
    // Records without a case (historical, no case rules): a detractor, a praise.
    const ctx = ctxFor(t.deps, { type: 'system', id: null, orgId: org.orgId, role: 'manager' });
    const intake = (body: object) =>
      recordFeedback(ctx, feedbackIn.parse(body), { skipCaseRules: true });
    const detractor = await intake({
      text: 'Долго ждали',
      score: { type: 'nps', value: 3 },
      clientId: client.id,
      receivedAt: '2026-11-20T10:00:00.000Z',
    });
    await intake({
      text: 'Спасибо!',
      score: { type: 'nps', value: 10 },
      clientId: client.id,
      receivedAt: '2026-11-21T10:00:00.000Z',
    });

    const res = await maria.as('GET', '/api/v1/today');
    expect(res.statusCode).toBe(200);
    const day = res.json();
    expect(day.date).toBe('2026-11-23');
    // Built-in SLA: due 48 h after opening, so the earlier case is due first (the case list
    // shows newest first); nobody else's, nothing resolved.
    expect(low.dueAt).toBe('2026-11-25T07:00:00.000Z');
    expect(urgent.dueAt).toBe('2026-11-25T07:01:00.000Z');
    expect(day.myCases.map((c: { id: string }) => c.id)).toEqual([low.id, urgent.id]);
    expect(day.myCases[0]).toMatchObject({ clientName: 'ООО Альфа', overdue: false });
    expect(day.reminders).toMatchObject([
      { kind: 'upcoming_date', ref: { type: 'date', id: birthday.id }, daysUntil: 0 },
    ]);
    expect(day.reminders).toHaveLength(1);
    expect(day.records).toMatchObject([
      { id: detractor.record.id, scoreType: 'nps', scoreValue: 3, clientName: 'ООО Альфа' },
    ]);
    expect(day.records).toHaveLength(1);
    expect(day.health).toBeNull(); // a manager sees no set-up health

    // Snooze the birthday and the record: until the next Moscow midnight (21:00 UTC).
    const s1 = await maria.as('POST', '/api/v1/today/snoozes', {
      ref: { type: 'date', id: birthday.id },
    });
    expect(s1.statusCode).toBe(201);
    expect(s1.json().until).toBe('2026-11-23T21:00:00.000Z');
    await maria.as('POST', '/api/v1/today/snoozes', {
      ref: { type: 'feedback', id: detractor.record.id },
    });
    // Done: resolve the urgent case in place.
    const resolved = await maria.as('PATCH', `/api/v1/cases/${urgent.id}`, {
      status: 'resolved',
      resolution: 'Решено по телефону',
      resolutionCode: 'explained',
    });
    expect(resolved.statusCode).toBe(200);
    const after = (await maria.as('GET', '/api/v1/today')).json();
    expect(after.myCases.map((c: { id: string }) => c.id)).toEqual([low.id]);
    expect(after.reminders).toEqual([]);
    expect(after.records).toEqual([]);
    // Snoozes are mine: Oleg still sees the record; the next day it is back for Maria.
    expect((await other.as('GET', '/api/v1/today')).json().records).toHaveLength(1);
    clock.set('2026-11-23T21:00:01.000Z');
    expect((await maria.as('GET', '/api/v1/today')).json().records).toHaveLength(1);
  });

  it('shows an admin the set-up health; refuses an API key (403) and a bad snooze (400)', async () => {
    const { api, person } = await setup();
    const admin = await person('boss@romashka.example.ru', 'admin');
    const day = (await admin.as('GET', '/api/v1/today')).json();
    expect(day.health).toEqual({ mailOut: false, lastDeliveryError: null, inboundReceiver: false });
    // A message queued without SMTP is the last delivery problem, with its reason.
    const kase = (await api('POST', '/api/v1/cases', { title: 'Без почты' })).json();
    await api('PATCH', `/api/v1/cases/${kase.id}`, { ownerId: admin.id });
    expect((await admin.as('GET', '/api/v1/today')).json().health).toMatchObject({
      mailOut: false,
      lastDeliveryError: { kind: 'case_assigned', error: 'SMTP_URL is not configured' },
    });
    const keyed = await api('GET', '/api/v1/today');
    expect(keyed.statusCode).toBe(403);
    const bad = await admin.as('POST', '/api/v1/today/snoozes', { ref: { type: 'x', id: 'y' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('validation_failed');
  });
});
