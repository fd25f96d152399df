// The operational layer against a hand-computed example, on both dialects: cases of the stage
// «доставка» opened, answered, resolved and reopened through the API at set clock times, under an
// SLA policy of Mon–Fri 09:00–18:00 Moscow time with Monday 2026-03-09 a holiday; two calls; two
// process KPIs with the stage's, the KPI's and the value's own targets.
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

// Moscow is UTC+3 all year: local 16:00 is 13:00Z. March 2026: Mon 2, Fri 6, Sat 7, Sun 8,
// Mon 9 (holiday), Tue 10 … Tue 31; April 1 is a Wednesday.
const msk = (local: string) => new Date(`${local}:00+03:00`).toISOString();

describe.each(testDialects())('the operations scorecard on %s', (dialect) => {
  let t: TestApp;
  let org: TestOrg;
  const clock = fixedClock('2026-03-01T00:00:00Z');
  const api = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
    call(t.app, org.apiKey, { method, url, ...(payload ? { payload } : {}) });

  async function openCase(stage: string, at: string): Promise<string> {
    clock.set(msk(at));
    const res = await api('POST', '/api/v1/cases', { title: `case ${at}`, stage });
    expect(res.statusCode).toBe(201);
    return res.json().id;
  }
  async function move(id: string, status: string, at: string) {
    clock.set(msk(at));
    const res = await api('PATCH', `/api/v1/cases/${id}`, { status });
    expect(res.statusCode, await res.body).toBe(200);
  }

  beforeAll(async () => {
    t = await createTestApp({ dialect, clock });
    org = await createTestOrg(t.deps, 'Ромашка');
    expect((await api('PATCH', '/api/v1/org', { timeZone: 'Europe/Moscow' })).statusCode).toBe(200);
    const day = [['09:00', '18:00']];
    const policy = await api('POST', '/api/v1/sla-policies', {
      name: 'Рабочие часы',
      firstResponseMinutes: 240,
      resolutionMinutes: 1080,
      timeZone: 'Europe/Moscow',
      businessHours: { 1: day, 2: day, 3: day, 4: day, 5: day },
      holidays: ['2026-03-09'],
      isDefault: true,
    });
    expect(policy.statusCode).toBe(201);
    const stage = await api('POST', '/api/v1/stages', {
      key: 'доставка',
      nameRu: 'Доставка',
      nameEn: 'Delivery',
      targets: [
        { metric: 'cases.ack_minutes', target: 125, direction: 'down' },
        { metric: 'cases.resolve_minutes', target: 1200, direction: 'down' },
        { metric: 'cases.sla_breach_share', target: 0.2, direction: 'down' },
        { metric: 'cases.backlog', target: 2, direction: 'down' },
        { metric: 'calls.answered_share', target: 0.9, direction: 'up' },
        { metric: 'delivery.on_time', target: 92, direction: 'up' },
      ],
    });
    expect(stage.statusCode).toBe(201);
    expect((await api('POST', '/api/v1/stages', { key: 'склад' })).statusCode).toBe(201);

    // A: Fri 16:00 → first response Tue 10:00 → resolved Tue 15:00. Due (1080 min): Fri 120,
    // Tue 540, Wed 420 → Wed 11th 16:00: on time.
    const a = await openCase('доставка', '2026-03-06T16:00');
    await move(a, 'in_progress', '2026-03-10T10:00');
    await move(a, 'resolved', '2026-03-10T15:00');
    // B: Mon 2nd 10:00 → response 11:30 → resolved Tue 10:00 → reopened Wed 09:00 → resolved
    // Thu 12:00. Due: Mon 480, Tue 540, Wed 60 → Wed 4th 10:00, when it was reopened: breached.
    const b = await openCase('доставка', '2026-03-02T10:00');
    await move(b, 'in_progress', '2026-03-02T11:30');
    await move(b, 'resolved', '2026-03-03T10:00');
    await move(b, 'in_progress', '2026-03-04T09:00');
    await move(b, 'resolved', '2026-03-05T12:00');
    // C: Wed 11th 09:00 → response 13:00 → resolved Mon 16th 12:00. Due Thu 12th 18:00: breached.
    const c = await openCase('доставка', '2026-03-11T09:00');
    await move(c, 'in_progress', '2026-03-11T13:00');
    await move(c, 'resolved', '2026-03-16T12:00');
    // G: Thu 19th 14:00 → response 15:00 → resolved Fri 20th 10:00. Due Mon 23rd 14:00: on time.
    const g = await openCase('доставка', '2026-03-19T14:00');
    await move(g, 'in_progress', '2026-03-19T15:00');
    await move(g, 'resolved', '2026-03-20T10:00');
    // E: Fri 27th 12:00, never answered. Due: Fri 360, Mon 540, Tue 180 → Tue 31st 12:00: breached.
    await openCase('доставка', '2026-03-27T12:00');
    // D: Tue 31st 17:00 → response Wed 1 April 10:00 → resolved Thu 2 April 09:00. Due: Tue 60,
    // Wed 540, Thu 480 → Thu 2 April 17:00: on time.
    const d = await openCase('доставка', '2026-03-31T17:00');
    // Another stage and no stage: neither counts for «доставка».
    const f = await openCase('склад', '2026-03-02T09:00');
    await move(f, 'in_progress', '2026-03-02T09:10');
    expect((await api('POST', '/api/v1/cases', { title: 'no stage' })).statusCode).toBe(201);
    await move(d, 'in_progress', '2026-04-01T10:00');
    await move(d, 'resolved', '2026-04-02T09:00');

    // Calls in March on «доставка»: one answered after 30 s, one missed after 60 s, never called
    // back: answered 1/2, missed 1/2 of inbound, mean wait 45 s, called back in time 0/1.
    clock.set(msk('2026-04-10T12:00'));
    for (const [i, answered, wait] of [
      [1, true, 30],
      [2, false, 60],
    ] as const) {
      const res = await api('POST', '/api/v1/calls', {
        externalId: `call-${i}`,
        startedAt: msk(`2026-03-1${i}T11:00`),
        direction: 'in',
        answered,
        waitSeconds: wait,
        phone: `+7 900 000-00-0${i}`,
        stage: 'доставка',
      });
      expect(res.statusCode).toBe(201);
    }

    // KPIs: on-time delivery (%, up, default target 95; the stage's target 92 comes first; April
    // carries its own target 85) and response time (min, down, target 30; no stage target).
    const define = async (key: string, body: object) =>
      expect((await api('PUT', `/api/v1/kpis/${key}`, body)).statusCode).toBe(201);
    await define('delivery.on_time', {
      name: 'Доставка вовремя',
      nameEn: 'On-time delivery',
      unit: '%',
      direction: 'up',
      target: 95,
    });
    await define('response.minutes', {
      name: 'Время ответа',
      unit: 'мин',
      direction: 'down',
      target: 30,
    });
    const put = await api('PUT', '/api/v1/kpis/delivery.on_time/values', {
      values: [
        { stage: 'доставка', period: '2026-03', value: 90 },
        { stage: 'доставка', period: '2026-04', value: 70, target: 85 },
      ],
    });
    expect(put.statusCode).toBe(200);
    await api('PUT', '/api/v1/kpis/response.minutes/values', {
      values: [{ stage: 'доставка', period: '2026-03', value: 25 }],
    });
    clock.set('2026-05-10T09:00:00Z');
  });
  afterAll(async () => t?.close());

  const byMetric = (list: { metric: string }[]) =>
    Object.fromEntries(list.map(({ metric, ...rest }) => [metric, rest]));

  it('gives the case metrics of each month in business hours, a holiday skipped', async () => {
    const res = await api('GET', '/api/v1/scorecard/operations?from=2026-03-01&to=2026-05-01');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ period: 'month', from: '2026-03-01', to: '2026-05-01' });
    expect(body.timeZone).toBe('Europe/Moscow');
    const delivery = body.stages.find((s: { key: string }) => s.key === 'доставка');
    expect(delivery.periods.map((p: { period: string }) => p.period)).toEqual([
      '2026-03',
      '2026-04',
    ]);
    expect(delivery.periods[0].from).toBe('2026-02-28T21:00:00.000Z');
    const march = byMetric(delivery.periods[0].cases);
    // Time to acknowledge, business minutes, cases first answered in March:
    //   A Fri 16:00 → Tue 10:00 = Fri 120 + (Sat, Sun, Mon 9th holiday: 0) + Tue 60 = 180
    //   B Mon 10:00 → 11:30 = 90;  C Wed 09:00 → 13:00 = 240;  G Thu 14:00 → 15:00 = 60
    //   (D is answered in April, E never.) Median of 60, 90, 180, 240 = (90 + 180) / 2 = 135.
    //   Target 125 (down): 10 over, within 10 % of 125 (12.5) → amber.
    expect(march['cases.ack_minutes']).toEqual({
      value: 135,
      target: 125,
      direction: 'down',
      status: 'amber',
      n: 4,
    });
    // Time to resolve, to the resolution that stands, resolved in March:
    //   A Fri 120 + Tue 09:00–15:00 360 = 480;  B Mon 480 + Tue 540 + Wed 540 + Thu 180 = 1740
    //   C Wed 540 + Thu 540 + Fri 540 + Mon 16th 180 = 1800;  G Thu 240 + Fri 60 = 300
    //   Median of 300, 480, 1740, 1800 = (480 + 1740) / 2 = 1110 ≤ 1200 → green.
    //   (Counting the holiday as a working day A would be 1020 and the median 1380.)
    expect(march['cases.resolve_minutes']).toEqual({
      value: 1110,
      target: 1200,
      direction: 'down',
      status: 'green',
      n: 4,
    });
    // Resolved in March: A, B, C, G; B was reopened after its first resolution → 1/4. No target.
    expect(march['cases.reopen_rate']).toEqual({
      value: 0.25,
      target: null,
      direction: 'down',
      status: null,
      n: 4,
    });
    // Due in March: A (on time), B (reopened at its due time), C (resolved late), G (on time),
    // E (still open) → 3/5 = 0.6 against 0.2 → red.
    expect(march['cases.sla_breach_share']).toEqual({
      value: 0.6,
      target: 0.2,
      direction: 'down',
      status: 'red',
      n: 5,
    });
    // Open at the end of March: D (opened Tue 31st 17:00) and E → 2, target 2 → green.
    expect(march['cases.backlog']).toMatchObject({ value: 2, target: 2, status: 'green' });

    const april = byMetric(delivery.periods[1].cases);
    // D: Tue 17:00 → Wed 10:00 = 60 + 60 = 120 (≤ 125: green); resolved Thu 09:00 = 60 + 540 + 0.
    expect(april['cases.ack_minutes']).toMatchObject({ value: 120, n: 1, status: 'green' });
    expect(april['cases.resolve_minutes']).toMatchObject({ value: 600, n: 1 });
    expect(april['cases.reopen_rate']).toMatchObject({ value: 0, n: 1 });
    expect(april['cases.sla_breach_share']).toMatchObject({ value: 0, n: 1, status: 'green' });
    // Open at the end of April: E only.
    expect(april['cases.backlog']).toMatchObject({ value: 1, status: 'green' });
  });

  it('gives the phone metrics and the KPIs of each month with their targets', async () => {
    const res = await api('GET', '/api/v1/scorecard/operations?from=2026-03-01&to=2026-05-01');
    const [march, april] = res
      .json()
      .stages.find((s: { key: string }) => s.key === 'доставка').periods;
    expect(byMetric(march.calls)).toEqual({
      // 1 of 2 answered against 0.9: 0.4 short, beyond 0.09 → red.
      'calls.answered_share': { value: 0.5, target: 0.9, direction: 'up', status: 'red', n: 2 },
      'calls.missed_share': { value: 0.5, target: null, direction: 'down', status: null, n: 2 },
      'calls.avg_wait_seconds': { value: 45, target: null, direction: 'down', status: null, n: 2 },
      'calls.callback_within_target_share': {
        value: 0,
        target: null,
        direction: 'up',
        status: null,
        n: 2,
      },
    });
    expect(byMetric(april.calls)['calls.answered_share']).toMatchObject({ value: null, n: 0 });
    const kpis = byMetric(march.kpis);
    // 90 against the stage's 92 (not the KPI's 95): 2 short, within 9.2 → amber.
    expect(kpis['delivery.on_time']).toEqual({
      name: 'Доставка вовремя',
      nameEn: 'On-time delivery',
      unit: '%',
      value: 90,
      target: 92,
      direction: 'up',
      status: 'amber',
      n: 1,
    });
    // 25 minutes against the KPI's own 30 (down) → green.
    expect(kpis['response.minutes']).toMatchObject({ value: 25, target: 30, status: 'green' });
    // April: 70 against the value's own 85: 15 short, beyond 8.5 → red; no response value.
    expect(byMetric(april.kpis)['delivery.on_time']).toMatchObject({
      value: 70,
      target: 85,
      status: 'red',
    });
    expect(byMetric(april.kpis)['response.minutes']).toMatchObject({ value: null, status: null });
  });

  it('keeps another stage apart and narrows to one stage', async () => {
    const res = await api(
      'GET',
      `/api/v1/scorecard/operations?from=2026-03-01&to=2026-04-01&stage=${encodeURIComponent('склад')}`,
    );
    expect(res.statusCode).toBe(200);
    const stages = res.json().stages;
    expect(stages.map((s: { key: string }) => s.key)).toEqual(['склад']);
    // F: Mon 09:00 → 09:10 = 10 minutes.
    expect(byMetric(stages[0].periods[0].cases)['cases.ack_minutes']).toMatchObject({
      value: 10,
      n: 1,
      target: null,
      status: null,
    });
  });

  it('sums quarters: the same cases, a quarter still running counts its backlog at now', async () => {
    const res = await api(
      'GET',
      '/api/v1/scorecard/operations?period=quarter&from=2026-01-01&to=2026-07-01',
    );
    expect(res.statusCode, res.body).toBe(200);
    const delivery = res.json().stages.find((s: { key: string }) => s.key === 'доставка');
    const [q1, q2] = delivery.periods;
    expect([q1.period, q2.period]).toEqual(['2026-Q1', '2026-Q2']);
    expect(byMetric(q1.cases)['cases.ack_minutes']).toMatchObject({ value: 135, n: 4 });
    expect(byMetric(q1.cases)['cases.backlog']).toMatchObject({ value: 2 });
    // Q2 ends after now (10 May): E is open now.
    expect(byMetric(q2.cases)['cases.backlog']).toMatchObject({ value: 1 });
    expect(byMetric(q2.kpis)['delivery.on_time']).toMatchObject({ value: 70, target: 85, n: 1 });
  });
});
