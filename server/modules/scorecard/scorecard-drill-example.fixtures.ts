// The hand-made example of scorecard-drill.test.ts (docs/scorecard.md "Drill-down"), on one
// dialect. Moscow time (UTC+3); the clock ends mid-April, so February's retention is measured and
// March's is not. «доставка» carries the client layers (feedback, a survey, transactions),
// «склад» the operational ones (cases under a round-the-clock SLA policy of 2 days, calls, a
// KPI) and both a pulse: 5 answers on «склад», 3 on «доставка». Call inside a describe: it
// registers its own set-up and clean-up.
import { afterAll, beforeAll, expect } from 'vitest';
import type { Dialect } from '../../db/create-db.ts';
import { fixedClock } from '../../lib/clock.ts';
import {
  call,
  createTestApp,
  createTestOrg,
  type TestApp,
  type TestOrg,
} from '../../../tests/support/app.ts';

const PUBLIC_URL = 'https://cx.example.ru';
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const msk = (local: string) => new Date(`${local}:00+03:00`).toISOString();

export function drillExample(dialect: Dialect) {
  let t: TestApp;
  let org: TestOrg;
  let managerId: string;
  const clock = fixedClock('2026-03-05T09:00:00Z');
  const api = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
    call(t.app, org.apiKey, { method, url, ...(payload ? { payload } : {}) });
  const get = (url: string) => api('GET', url);
  const clients: Record<string, string> = {};
  const caseRefs: Record<string, string> = {};

  async function ok(method: 'POST' | 'PATCH' | 'PUT', url: string, payload: object) {
    const res = await api(method, url, payload);
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json();
  }
  const feedback = (client: string, type: string, value: number, receivedAt: string) =>
    ok('POST', '/api/v1/feedback', {
      clientId: clients[client],
      stage: 'доставка',
      score: { type, value },
      receivedAt,
      ...(value === 10 ? { text: 'Спасибо' } : {}),
    });
  let docs = 0;
  const tx = (client: string, doc: Record<string, unknown>) =>
    ok('POST', '/api/v1/transactions', {
      clientId: clients[client],
      externalId: `doc-${++docs}`,
      kind: 'sale',
      stage: 'доставка',
      ...doc,
    });
  async function openCase(name: string, at: string) {
    clock.set(msk(at));
    const c = await ok('POST', '/api/v1/cases', { title: name, stage: 'склад' });
    caseRefs[name] = c.publicRef;
    return c.id as string;
  }
  async function move(id: string, status: string, at: string) {
    clock.set(msk(at));
    await ok('PATCH', `/api/v1/cases/${id}`, { status });
  }

  beforeAll(async () => {
    t = await createTestApp({
      dialect,
      clock,
      env: { PUBLIC_URL, RATE_LIMIT_PUBLIC_PER_MINUTE: '1000' },
    });
    org = await createTestOrg(t.deps, 'Ромашка');
    await ok('PATCH', '/api/v1/org', { timeZone: 'Europe/Moscow' });
    await ok('POST', '/api/v1/stages', { key: 'доставка' });
    await ok('POST', '/api/v1/stages', { key: 'склад' });
    managerId = (
      await ok('POST', '/api/v1/users', {
        email: 'manager@example.ru',
        name: 'Менеджер',
        password: 'long-enough-1',
        role: 'manager',
      })
    ).id;
    for (const [name, segment] of [
      ['A', 'опт'],
      ['B', 'опт'],
      ['C', 'розница'],
    ] as const)
      clients[name] = (
        await ok('POST', '/api/v1/clients', {
          name: `ООО ${name}`,
          segment,
          ...(name === 'A' ? { managerId } : {}),
        })
      ).id;

    // NPS: February A 10; March A 9, B 9, C 2 and A 10 at 23:30 on the 31st in Moscow; C 0 at
    // 00:30 on April 1st in Moscow (still March 31st in UTC) is April's. CSAT: B 5 at 01:00 on
    // March 1st in Moscow (February 28th in UTC) is March's.
    await feedback('A', 'nps', 10, msk('2026-02-10T10:00'));
    await feedback('A', 'nps', 9, msk('2026-03-02T10:00'));
    await feedback('B', 'nps', 9, msk('2026-03-05T10:00'));
    await feedback('C', 'nps', 2, msk('2026-03-10T10:00'));
    await feedback('A', 'nps', 10, msk('2026-03-31T23:30'));
    await feedback('C', 'nps', 0, '2026-03-31T21:30:00Z');
    await feedback('B', 'csat', 5, '2026-02-28T22:00:00Z');
    // A CSAT survey of «доставка» invites A's and B's contacts on March 5th; A answers 4 on the 6th.
    const survey = await ok('POST', '/api/v1/surveys', {
      name: 'После доставки',
      metric: 'csat',
      stage: 'доставка',
    });
    const contacts = [];
    for (const c of ['A', 'B'])
      contacts.push((await ok('POST', `/api/v1/clients/${clients[c]}/contacts`, { name: c })).id);
    const invites = await ok('POST', `/api/v1/surveys/${survey.id}/invites`, {
      contactIds: contacts,
      send: false,
    });
    clock.set('2026-03-06T09:00:00Z');
    const answered = await t.app.inject({
      method: 'POST',
      url: invites.items[0].url.replace(PUBLIC_URL, ''),
      headers: FORM,
      payload: new URLSearchParams({ score: '4' }).toString(),
    });
    expect(answered.statusCode, answered.body).toBeLessThan(400);

    // Transactions (doc-1 … doc-8): January A 100 and C 60 at «склад»; February A 300 (due 10th,
    // paid 9th), B 200 (due 20th, paid 25th), C's refund 50; March A 1000 due 31st unpaid, C 80
    // at «склад»; April A 5000.
    await tx('A', { date: '2026-01-20', amount: 100 });
    await tx('C', { date: '2026-01-21', amount: 60, stage: 'склад' });
    await tx('A', { date: '2026-02-03', amount: 300, dueDate: '2026-02-10', paidAt: '2026-02-09' });
    await tx('B', { date: '2026-02-05', amount: 200, dueDate: '2026-02-20', paidAt: '2026-02-25' });
    await tx('C', { date: '2026-02-07', amount: 50, kind: 'refund' });
    await tx('A', { date: '2026-03-15', amount: 1000, dueDate: '2026-03-31' });
    await tx('C', { date: '2026-03-12', amount: 80, stage: 'склад' });
    await tx('A', { date: '2026-04-01', amount: 5000 });

    // Cases of «склад» under a round-the-clock policy: resolution due 2 days after opening.
    await ok('POST', '/api/v1/sla-policies', {
      name: 'Круглосуточно',
      firstResponseMinutes: 60,
      resolutionMinutes: 2880,
      timeZone: 'Europe/Moscow',
      businessHours: null,
      isDefault: true,
    });
    // K1: answered in 30 min, resolved after 1440 min on the 3rd (due the 4th: met).
    const k1 = await openCase('K1', '2026-03-02T10:00');
    await move(k1, 'in_progress', '2026-03-02T10:30');
    await move(k1, 'resolved', '2026-03-03T10:00');
    // K2: answered in 60 min, resolved at 14:00, reopened on the 11th, resolved on April 2nd; due
    // the 12th 12:00 while reopened: breached.
    const k2 = await openCase('K2', '2026-03-10T12:00');
    await move(k2, 'in_progress', '2026-03-10T13:00');
    await move(k2, 'resolved', '2026-03-10T14:00');
    await move(k2, 'in_progress', '2026-03-11T09:00');
    // K3: never touched; due the 22nd: breached.
    await openCase('K3', '2026-03-20T09:00');
    await move(k2, 'resolved', '2026-04-02T10:00');

    // Calls of «склад»: c1 answered after 30 s; c2 missed after 60 s, called back 20 min later
    // by c3 (outbound): within the 30-minute target.
    clock.set(msk('2026-04-10T12:00'));
    for (const [id, at, direction, answered, wait, phone] of [
      ['c1', '2026-03-11T11:00', 'in', true, 30, '+7 900 000-00-01'],
      ['c2', '2026-03-12T11:00', 'in', false, 60, '+7 900 000-00-02'],
      ['c3', '2026-03-12T11:20', 'out', true, 0, '+7 900 000-00-02'],
    ] as const)
      await ok('POST', '/api/v1/calls', {
        externalId: id,
        startedAt: msk(at),
        direction,
        answered,
        waitSeconds: wait,
        phone,
        stage: 'склад',
        employee: `Оператор ${id}`,
      });

    // A KPI of «склад»: 97 in February, 91 in March.
    await ok('PUT', '/api/v1/kpis/on_time_delivery', { name: 'Вовремя', direction: 'up' });
    await ok('PUT', '/api/v1/kpis/on_time_delivery/values', {
      values: [
        { stage: 'склад', period: '2026-02', value: 97 },
        { stage: 'склад', period: '2026-03', value: 91 },
      ],
    });

    // A pulse on March 19th: «склад» answers 10, 9, 8, 3, 10; «доставка» 10, 10, 2 (hidden).
    clock.set('2026-03-19T09:00:00Z');
    const pulse = await ok('POST', '/api/v1/pulses', {
      name: 'Пульс',
      stages: ['склад', 'доставка'],
      send: false,
    });
    const link = (stage: string) =>
      pulse.links.find((l: { stage: string }) => l.stage === stage).url.replace(PUBLIC_URL, '');
    for (const [stage, scores] of [
      ['склад', [10, 9, 8, 3, 10]],
      ['доставка', [10, 10, 2]],
    ] as const)
      for (const score of scores) {
        const res = await t.app.inject({
          method: 'POST',
          url: link(stage),
          headers: FORM,
          payload: new URLSearchParams({ score: String(score) }).toString(),
        });
        expect(res.statusCode, res.body).toBe(200);
      }
    clock.set('2026-04-15T09:00:00Z');
  });
  afterAll(async () => t?.close());

  return {
    get,
    caseRefs,
    managerId: () => managerId,
    ok,
    testApp: () => t,
  };
}
