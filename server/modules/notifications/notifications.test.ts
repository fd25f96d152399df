// The bell (issue 21): a case handed to me by someone else, routed to me, past its SLA (the real
// timer job), a client's reply on it — each written with its event; read one / all; the kinds I
// turned off are not written; only my own, by organisation AND person (404 for anyone else's id);
// read ones pruned by the worker's maintenance after 90 days. Fixed clock, both dialects.
import { afterEach, describe, expect, it } from 'vitest';
import { call, createTestApp, createTestOrg, type TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { testWorker } from '../../../tests/support/worker.ts';
import { ctxFor } from '../../context.ts';
import { fixedClock } from '../../lib/clock.ts';
import { recordClientReply } from '../cases/index.ts';

const cookieOf = (res: { headers: Record<string, unknown> }) =>
  String([res.headers['set-cookie']].flat()[0]).split(';')[0]!;
type Method = 'GET' | 'POST' | 'PATCH' | 'PUT';
interface Item {
  id: string;
  kind: string;
  caseId: string;
  caseRef: string;
  caseTitle: string;
  actorName: string | null;
  readAt: string | null;
}

describe.each(testDialects())('notifications on %s', (dialect) => {
  let t: TestApp;
  afterEach(async () => t?.close());

  async function setup() {
    const clock = fixedClock('2026-11-23T07:00:00.000Z'); // a Monday, 10:00 in Moscow
    t = await createTestApp({ dialect, clock, env: { SESSION_IDLE_MINUTES: '10080' } });
    const org = await createTestOrg(t.deps, 'Ромашка');
    const api = (method: Method, url: string, payload?: object, key = org.apiKey) =>
      call(t.app, key, { method, url, ...(payload ? { payload } : {}) });
    const person = async (email: string, name: string, key = org.apiKey) => {
      const user = (
        await api(
          'POST',
          '/api/v1/users',
          { email, name, password: 'long-enough-pass', role: 'manager', language: 'ru' },
          key,
        )
      ).json();
      let headers: Record<string, string> = {};
      /** Signs in (again: months pass in a test, sessions do not). */
      const signIn = async () => {
        const login = await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email, password: 'long-enough-pass' },
        });
        headers = { cookie: cookieOf(login), 'x-csrf-token': login.json().csrfToken };
      };
      await signIn();
      const as = (method: Method, url: string, payload?: object) =>
        t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
      const bell = async () =>
        (await as('GET', '/api/v1/me/notifications')).json() as { unread: number; items: Item[] };
      return { id: user.id as string, as, bell, signIn };
    };
    return { org, api, person, clock, worker: testWorker(t.deps) };
  }

  it('tells the owner of a hand-over, a routed case, an SLA breach and a client reply, newest first', async () => {
    const { org, api, person, clock, worker } = await setup();
    const maria = await person('maria@romashka.example.ru', 'Мария Иванова');
    const oleg = await person('oleg@romashka.example.ru', 'Олег Петров');
    // Oleg opens a case and hands it to Maria; a case he takes himself tells nobody.
    const kase = (await oleg.as('POST', '/api/v1/cases', { title: 'Опоздал курьер' })).json();
    clock.advance(60_000);
    expect(
      (await oleg.as('PATCH', `/api/v1/cases/${kase.id}`, { ownerId: maria.id })).statusCode,
    ).toBe(200);
    const own = (
      await oleg.as('POST', '/api/v1/cases', { title: 'Своё', ownerId: oleg.id })
    ).json();
    expect((await oleg.bell()).items).toEqual([]);
    // Routing: Maria is the organisation's default owner of auto-opened cases.
    await api('PATCH', '/api/v1/org', { defaultCaseOwnerId: maria.id });
    clock.advance(60_000);
    const fb = (
      await api('POST', '/api/v1/feedback', { score: { type: 'nps', value: 1 }, text: 'Плохо' })
    ).json();
    const routed = (await api('GET', `/api/v1/cases/${fb.caseId}`)).json();
    expect(routed.ownerId).toBe(maria.id);

    let bell = await maria.bell();
    expect(bell.unread).toBe(2);
    expect(bell.items.map((i) => [i.kind, i.caseTitle, i.actorName])).toEqual([
      ['case_assigned', routed.title, null],
      ['case_assigned', 'Опоздал курьер', 'Олег Петров'],
    ]);
    expect(bell.items[1]!.caseRef).toBe(kase.publicRef);

    // The SLA timer fires at the due time: the owner's bell, once (the sweep finds nothing new).
    clock.set(new Date(Date.parse(routed.dueAt) + 60_000));
    await worker.drain();
    await worker.drain();
    // Their risk timers ran late, after the deadline: only the breach is told.
    bell = await maria.bell();
    expect(bell.items.filter((i) => i.kind === 'sla_breached').map((i) => i.caseId)).toEqual(
      expect.arrayContaining([routed.id, kase.id]),
    );
    expect(bell.items.filter((i) => i.kind === 'sla_breached')).toHaveLength(2);
    expect(bell.items.filter((i) => i.kind === 'sla_risk')).toEqual([]);
    // Oleg's own case broke its SLA too: his bell, not Maria's.
    expect((await oleg.bell()).items.map((i) => [i.kind, i.caseId])).toEqual([
      ['sla_breached', own.id],
    ]);

    // A client's reply lands on Maria's case (as the inbound receiver records it).
    clock.advance(60_000);
    const system = { type: 'system' as const, id: null, orgId: org.orgId, role: 'admin' as const };
    await recordClientReply(ctxFor(t.deps, system), routed.id, {
      body: 'Жду ответа',
      fromEmail: 'ivan@example.ru',
    });
    bell = await maria.bell();
    expect(bell.items[0]).toMatchObject({ kind: 'client_reply', caseId: routed.id, readAt: null });
    expect(bell.unread).toBe(5);
    // The order is stable: the same list twice.
    expect((await maria.bell()).items.map((i) => i.id)).toEqual(bell.items.map((i) => i.id));

    // Read one, then all.
    expect(
      (await maria.as('POST', `/api/v1/me/notifications/${bell.items[0]!.id}/read`)).statusCode,
    ).toBe(204);
    const after = await maria.bell();
    expect(after.unread).toBe(4);
    expect(after.items[0]!.readAt).toBe(clock.now().toISOString());
    expect((await maria.as('POST', '/api/v1/me/notifications/read-all')).json()).toEqual({
      marked: 4,
    });
    expect((await maria.bell()).unread).toBe(0);
  });

  it('warns the owner at three quarters of the case time, once, not for a resolved case; then tells the breach', async () => {
    const { org, api, person, clock, worker } = await setup();
    const maria = await person('maria@romashka.example.ru', 'Мария');
    const oleg = await person('oleg@romashka.example.ru', 'Олег');
    const open = async (title: string) =>
      (await oleg.as('POST', '/api/v1/cases', { title, ownerId: maria.id })).json() as {
        id: string;
        createdAt: string;
        dueAt: string;
      };
    const kase = await open('Горит');
    const done = await open('Решено заранее');
    const solved = await api('PATCH', `/api/v1/cases/${done.id}`, {
      status: 'resolved',
      resolution: 'Готово',
      resolutionCode: 'fixed',
    });
    expect(solved.statusCode, solved.body).toBe(200);
    const opened = Date.parse(kase.createdAt);
    const due = Date.parse(kase.dueAt);
    expect(due).toBeGreaterThan(opened);
    const riskAt = opened + (due - opened) * 0.75;
    const risks = async () =>
      (await maria.bell()).items.filter((i) => i.kind === 'sla_risk').map((i) => i.caseId);

    // A minute before three quarters of its time: nothing yet.
    clock.set(new Date(riskAt - 60_000));
    await worker.drain();
    await maria.signIn();
    expect(await risks()).toEqual([]);
    // At three quarters: Maria is told, with the due time; the resolved case says nothing.
    clock.set(new Date(riskAt));
    await worker.drain();
    await maria.signIn();
    const [warning] = (await maria.bell()).items.filter((i) => i.kind === 'sla_risk');
    expect(warning).toMatchObject({ caseId: kase.id, caseDueAt: new Date(due).toISOString() });
    // The timer again (the queue is at-least-once) and a drain more: still one warning.
    await t.deps.jobs.enqueue(t.deps.db, {
      name: 'cases.sla.risk',
      orgId: org.orgId,
      payload: { caseId: kase.id, dueAt: kase.dueAt },
    });
    await worker.drain();
    await worker.drain();
    expect(await risks()).toEqual([kase.id]);

    // The deadline passes: the breach is its own notice; no second warning.
    clock.set(new Date(due + 60_000));
    await worker.drain();
    await maria.signIn();
    const kinds = (await maria.bell()).items.filter((i) => i.caseId === kase.id).map((i) => i.kind);
    expect(kinds).toEqual(['sla_breached', 'sla_risk', 'case_assigned']);
    expect(await risks()).toEqual([kase.id]);
  });

  it('shows a person only their own: another person or organisation gets 404 and changes nothing', async () => {
    const { api, person } = await setup();
    const maria = await person('maria@romashka.example.ru', 'Мария');
    const oleg = await person('oleg@romashka.example.ru', 'Олег');
    await oleg.as('POST', '/api/v1/cases', { title: 'Для Марии', ownerId: maria.id });
    const [mine] = (await maria.bell()).items;
    expect(mine).toBeDefined();
    // Oleg (same organisation) and a person of another organisation try Maria's notification.
    const other = await createTestOrg(t.deps, 'Чужая');
    const stranger = await person('x@other.example.ru', 'Чужой', other.apiKey);
    for (const who of [oleg, stranger]) {
      const res = await who.as('POST', `/api/v1/me/notifications/${mine!.id}/read`);
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('not_found');
      expect((await who.bell()).items).toEqual([]);
      expect((await who.as('POST', '/api/v1/me/notifications/read-all')).json()).toEqual({
        marked: 0,
      });
    }
    expect((await maria.bell()).items).toEqual([mine]);
    // An API key has no bell at all.
    expect((await api('GET', '/api/v1/me/notifications')).statusCode).toBe(403);
  });

  it('writes no kind a person turned off, and prunes read ones after 90 days', async () => {
    const { org, person, clock } = await setup();
    const maria = await person('maria@romashka.example.ru', 'Мария');
    const oleg = await person('oleg@romashka.example.ru', 'Олег');
    const put = await maria.as('PUT', '/api/v1/me/notification-settings', {
      off: ['client_reply'],
    });
    expect(put.json()).toEqual({ off: ['client_reply'] });
    expect((await maria.as('GET', '/api/v1/me/notification-settings')).json()).toEqual({
      off: ['client_reply'],
    });
    const bad = await maria.as('PUT', '/api/v1/me/notification-settings', { off: ['everything'] });
    expect(bad.statusCode).toBe(400);
    const kase = (
      await oleg.as('POST', '/api/v1/cases', { title: 'Тихо', ownerId: maria.id })
    ).json();
    const system = { type: 'system' as const, id: null, orgId: org.orgId, role: 'admin' as const };
    await recordClientReply(ctxFor(t.deps, system), kase.id, { body: 'Ау', fromEmail: 'a@b.ru' });
    expect((await maria.bell()).items.map((i) => i.kind)).toEqual(['case_assigned']);

    // Maria reads it; a second one stays unread. 91 days on, maintenance prunes the read one.
    await maria.as('POST', '/api/v1/me/notifications/read-all');
    await oleg.as('POST', '/api/v1/cases', { title: 'Ещё', ownerId: maria.id });
    clock.advance(89 * 86_400_000);
    const maintenance = async () => {
      await t.deps.jobs.enqueue(t.deps.db, {
        name: 'system.maintenance',
        orgId: null,
        payload: {},
      });
      await testWorker(t.deps).drain();
    };
    await maintenance();
    await maria.signIn();
    // Meanwhile both cases broke their SLA (their timers ran in the same rounds): unread.
    const before = (await maria.bell()).items;
    const readOne = before.find((i) => i.readAt !== null)!;
    expect([readOne.kind, readOne.caseTitle]).toEqual(['case_assigned', 'Тихо']);
    expect(before.filter((i) => i.readAt === null)).toHaveLength(3);
    clock.advance(2 * 86_400_000);
    await maintenance();
    await maria.signIn();
    expect((await maria.bell()).items).toEqual(before.filter((i) => i.id !== readOne.id));
  });
});
