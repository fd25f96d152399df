// The layered scorecard against a hand-computed example, on both dialects (docs/scorecard.md).
// Moscow time (UTC+3); window February–March 2026 by month, the clock in mid-April, so
// February's retention is measured (March has ended) and March's is not (April has not).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../lib/clock.ts';
import {
  call,
  createTestApp,
  createTestOrg,
  type TestApp,
  type TestOrg,
} from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import type { LayerMetricOut, ScorecardOut } from '../../../shared/api/scorecard-layers.ts';

const PUBLIC_URL = 'https://cx.example.ru';
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const msk = (local: string) => `${local}:00+03:00`;

describe.each(testDialects())('the layered scorecard on %s', (dialect) => {
  let t: TestApp;
  let org: TestOrg;
  const clock = fixedClock('2026-03-05T09:00:00Z');
  const api = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
    call(t.app, org.apiKey, { method, url, ...(payload ? { payload } : {}) });
  const clients: Record<string, string> = {};

  async function nps(client: string, value: number, receivedAt: string, type = 'nps') {
    const res = await api('POST', '/api/v1/feedback', {
      clientId: clients[client],
      stage: 'доставка',
      score: { type, value },
      receivedAt,
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  async function tx(client: string, doc: Record<string, unknown>) {
    const res = await api('POST', '/api/v1/transactions', {
      clientId: clients[client],
      externalId: `doc-${Math.random()}`,
      kind: 'sale',
      stage: 'доставка',
      ...doc,
    });
    expect(res.statusCode, res.body).toBe(201);
  }

  beforeAll(async () => {
    t = await createTestApp({
      dialect,
      clock,
      env: { PUBLIC_URL, RATE_LIMIT_PUBLIC_PER_MINUTE: '1000' },
    });
    org = await createTestOrg(t.deps, 'Ромашка');
    expect((await api('PATCH', '/api/v1/org', { timeZone: 'Europe/Moscow' })).statusCode).toBe(200);
    const stage = await api('POST', '/api/v1/stages', {
      key: 'доставка',
      nameRu: 'Доставка',
      nameEn: 'Delivery',
      targets: [
        { metric: 'nps', target: 20, direction: 'up' },
        { metric: 'revenue', target: 1000, direction: 'up' },
        { metric: 'on_time_share', target: 0.9, direction: 'up' },
      ],
    });
    expect(stage.statusCode, stage.body).toBe(201);
    expect((await api('POST', '/api/v1/stages', { key: 'склад' })).statusCode).toBe(201);
    for (const [name, segment] of [
      ['A', 'опт'],
      ['B', 'опт'],
      ['C', 'розница'],
    ]) {
      const res = await api('POST', '/api/v1/clients', { name: `ООО ${name}`, segment });
      clients[name!] = res.json().id;
    }
    // Satisfaction. February: A 10, B 3, C 8 → NPS (1 − 1) / 3 = 0.
    await nps('A', 10, msk('2026-02-10T10:00'));
    await nps('B', 3, msk('2026-02-15T10:00'));
    await nps('C', 8, msk('2026-02-20T10:00'));
    // March: A 9, B 9, C 2 and A 10 at 23:30 on the 31st Moscow time (20:30Z) → (3 − 1) / 4 = 50.
    await nps('A', 9, msk('2026-03-02T10:00'));
    await nps('B', 9, msk('2026-03-05T10:00'));
    await nps('C', 2, msk('2026-03-10T10:00'));
    await nps('A', 10, msk('2026-03-31T23:30'));
    // April 1st 00:30 in Moscow is still March 31st in UTC: not in the window.
    await nps('C', 0, '2026-03-31T21:30:00Z');
    // CSAT: B 5 at 01:00 on March 1st Moscow (Feb 28th 22:00Z) is March's; C 2 in March.
    await nps('B', 5, '2026-02-28T22:00:00Z', 'csat');
    await nps('C', 2, msk('2026-03-10T11:00'), 'csat');

    // Response rate: a CSAT survey of the stage invites A's and B's contacts on March 5th; A's
    // answers 4 on the 6th (a third March CSAT answer: 5, 2, 4 → 2 of 3 satisfied).
    const survey = await api('POST', '/api/v1/surveys', {
      name: 'После доставки',
      metric: 'csat',
      stage: 'доставка',
    });
    const contacts = [];
    for (const c of ['A', 'B'])
      contacts.push(
        (
          await api('POST', `/api/v1/clients/${clients[c]}/contacts`, { name: `Контакт ${c}` })
        ).json().id,
      );
    clock.set('2026-03-05T09:00:00Z');
    const invites = await api('POST', `/api/v1/surveys/${survey.json().id}/invites`, {
      contactIds: contacts,
      send: false,
    });
    expect(invites.statusCode, invites.body).toBe(201);
    clock.set('2026-03-06T09:00:00Z');
    const answered = await t.app.inject({
      method: 'POST',
      url: invites.json().items[0].url.replace(PUBLIC_URL, ''),
      headers: FORM,
      payload: new URLSearchParams({ score: '4' }).toString(),
    });
    expect(answered.statusCode, answered.body).toBeLessThan(400);

    // Transactions. January (the period before the window): A 100.
    await tx('A', { date: '2026-01-20', amount: 100 });
    // C bought at another stage in January, so it has something to refund.
    await tx('C', { date: '2026-01-21', amount: 60, stage: 'склад' });
    // February: A 300 (due 10th, paid 9th: on time), B 200 (due 20th, paid 25th: late), C's
    // refund 50 → revenue 450, 3 documents, 2 paying clients → ARPPU 225, on time 1 of 2.
    await tx('A', { date: '2026-02-03', amount: 300, dueDate: '2026-02-10', paidAt: '2026-02-09' });
    await tx('B', { date: '2026-02-05', amount: 200, dueDate: '2026-02-20', paidAt: '2026-02-25' });
    await tx('C', { date: '2026-02-07', amount: 50, kind: 'refund' });
    // March: A 1000 due on the 31st, unpaid → on time 0 of 1; C buys 80 at another stage. Of
    // February's payers A and B only A buys in March → February's retention 1 / 2.
    await tx('A', { date: '2026-03-15', amount: 1000, dueDate: '2026-03-31' });
    await tx('C', { date: '2026-03-12', amount: 80, stage: 'склад' });
    await tx('A', { date: '2026-04-01', amount: 5000 });
    // A process KPI: 97 in February, 91 in March against its target 95 (amber: 4 ≤ 9.5).
    const kpi = await api('PUT', '/api/v1/kpis/on_time_delivery', {
      name: 'Доставка вовремя',
      unit: '%',
      direction: 'up',
      target: 95,
    });
    expect(kpi.statusCode, kpi.body).toBe(201);
    const values = await api('PUT', '/api/v1/kpis/on_time_delivery/values', {
      values: [
        { stage: 'доставка', period: '2026-02', value: 97 },
        { stage: 'доставка', period: '2026-03', value: 91 },
      ],
    });
    expect(values.statusCode, values.body).toBe(200);
    clock.set('2026-04-15T09:00:00Z');
  });
  afterAll(async () => t?.close());

  async function scorecard(query: string): Promise<ScorecardOut> {
    const res = await api('GET', `/api/v1/scorecard?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }
  const metric = (s: ScorecardOut, layer: keyof ScorecardOut['stages'][0]['layers'], key: string) =>
    s.stages.find((x) => x.key === 'доставка')!.layers[layer].find((m) => m.metric === key)!;
  const pick = (m: LayerMetricOut) => ({
    value: m.value,
    previous: m.previous,
    target: m.target,
    status: m.status,
    n: m.n,
  });

  it('gives every layer of the stage for the last month, the month before and a sparkline', async () => {
    const s = await scorecard('period=month&from=2026-02-01&to=2026-04-01');
    expect(s.periods).toEqual(['2026-02', '2026-03']);
    expect(s.stages.map((x) => x.key)).toEqual(['доставка', 'склад']);
    expect(pick(metric(s, 'satisfaction', 'nps'))).toEqual({
      value: 50,
      previous: 0,
      target: 20,
      status: 'green',
      n: 4,
    });
    expect(metric(s, 'satisfaction', 'nps').series).toEqual([
      { period: '2026-02', value: 0, n: 3 },
      { period: '2026-03', value: 50, n: 4 },
    ]);
    expect(pick(metric(s, 'satisfaction', 'csat'))).toMatchObject({
      value: 66.7,
      previous: null,
      n: 3,
    });
    expect(pick(metric(s, 'satisfaction', 'response_rate'))).toMatchObject({ value: 0.5, n: 2 });
    expect(pick(metric(s, 'transactional', 'revenue'))).toEqual({
      value: 1000,
      previous: 450,
      target: 1000,
      status: 'green',
      n: 1,
    });
    expect(pick(metric(s, 'transactional', 'arppu'))).toMatchObject({ value: 1000, previous: 225 });
    expect(pick(metric(s, 'transactional', 'on_time_share'))).toEqual({
      value: 0,
      previous: 0.5,
      target: 0.9,
      status: 'red',
      n: 1,
    });
    expect(metric(s, 'transactional', 'retention').series).toEqual([
      { period: '2026-02', value: 0.5, n: 2 },
      { period: '2026-03', value: null, n: null },
    ]);
    expect(pick(metric(s, 'operational', 'kpi:on_time_delivery'))).toEqual({
      value: 91,
      previous: 97,
      target: 95,
      status: 'amber',
      n: 1,
    });
    expect(metric(s, 'operational', 'kpi:on_time_delivery').name).toBe('Доставка вовремя');
    expect(metric(s, 'employee', 'enps')).toMatchObject({ value: null, n: null });
    expect(metric(s, 'satisfaction', 'nps').drill).toBe(
      `/api/v1/scorecard/records?stage=${encodeURIComponent('доставка')}&metric=nps&period=2026-03`,
    );
  });

  it('narrows the satisfaction and transactional layers to a segment', async () => {
    const s = await scorecard(`from=2026-02-01&to=2026-04-01&segment=${encodeURIComponent('опт')}`);
    // March NPS of A and B: 9, 9, 10 → 100; CSAT: B 5, A 4 → 100 %; both invitations were theirs.
    expect(pick(metric(s, 'satisfaction', 'nps'))).toMatchObject({ value: 100, previous: 0, n: 3 });
    expect(pick(metric(s, 'satisfaction', 'csat'))).toMatchObject({ value: 100, n: 2 });
    expect(pick(metric(s, 'satisfaction', 'response_rate'))).toMatchObject({ value: 0.5, n: 2 });
    // February without C's refund: 300 + 200 = 500 from 2 documents, ARPPU 250.
    expect(pick(metric(s, 'transactional', 'revenue'))).toMatchObject({ previous: 500 });
    expect(pick(metric(s, 'transactional', 'arppu'))).toMatchObject({ previous: 250 });
    expect(metric(s, 'satisfaction', 'nps').drill).toContain(
      `segment=${encodeURIComponent('опт')}`,
    );
  });

  it('gives a quarter the previous quarter and refuses an unknown stage', async () => {
    const q = await scorecard('period=quarter&from=2026-01-01&to=2026-04-01');
    expect(q.periods).toEqual(['2026-Q1']);
    // Q1: Jan 100 + Feb 450 + Mar 1000 = 1550 over 5 documents; Q4 2025 had nothing.
    expect(pick(metric(q, 'transactional', 'revenue'))).toMatchObject({
      value: 1550,
      previous: null,
      n: 5,
    });
    // Q1 NPS: 10, 3, 8, 9, 9, 2, 10 → (4 − 2) / 7 = 28.6.
    expect(pick(metric(q, 'satisfaction', 'nps'))).toMatchObject({ value: 28.6, n: 7 });
    const res = await api('GET', '/api/v1/scorecard?stage=nowhere');
    expect(res.statusCode).toBe(404);
    const nobody = await api(
      'GET',
      '/api/v1/scorecard?managerId=01a206ea-dd6a-7001-8c1b-5f588a061bc6',
    );
    expect(nobody.statusCode).toBe(404);
    expect(nobody.json().invalidParams[0].name).toBe('query.managerId');
  });

  it('answers the default window, which ends after the current month', async () => {
    const s = await scorecard('');
    // Six months up to April (the clock's month): November … April.
    expect(s.periods).toEqual(['2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04']);
    expect(metric(s, 'transactional', 'revenue').series.at(-1)).toEqual({
      period: '2026-04',
      value: 5000,
      n: 1,
    });
    // The default window ends with the current period (April): its retention is not measured.
    const current = await scorecard('');
    expect(current.periods.at(-1)).toBe('2026-04');
    expect(metric(current, 'transactional', 'retention').series.at(-1)).toMatchObject({ n: null });
  });
});
