// "What moved this week" (issue 21) against a hand-computed example: weeks from Monday 00:00 in
// Moscow, this week so far against the same span of last week (and last week against the one
// before), NPS / CSAT with "too few to say", detractors, cases opened / resolved / past their SLA,
// stages and topics that moved — and every figure equal to the list its drill-down opens.
// Clock mocked, both dialects.
import { afterEach, describe, expect, it } from 'vitest';
import { call, createTestApp, createTestOrg, type TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { testWorker } from '../../../tests/support/worker.ts';
import { fixedClock } from '../../lib/clock.ts';

type Method = 'GET' | 'POST' | 'PATCH';
interface Drill {
  list: 'feedback' | 'cases';
  params: Record<string, string>;
}

describe.each(testDialects())('what moved this week on %s', (dialect) => {
  let t: TestApp;
  afterEach(async () => t?.close());

  it('compares this week with last week, each number with the list behind it', async () => {
    // Previous window: Mon 16 Nov 00:00 MSK (15 Nov 21:00Z) … Wed 18 Nov 12:00 MSK (09:00Z).
    // Current window: Mon 23 Nov 00:00 MSK (22 Nov 21:00Z) … now, Wed 25 Nov 12:00 MSK.
    const clock = fixedClock('2026-11-16T08:00:00.000Z');
    t = await createTestApp({ dialect, clock });
    const org = await createTestOrg(t.deps, 'Ромашка');
    const api = (method: Method, url: string, payload?: object) =>
      call(t.app, org.apiKey, { method, url, ...(payload ? { payload } : {}) });
    const worker = testWorker(t.deps);
    expect((await api('PATCH', '/api/v1/org', { timeZone: 'Europe/Moscow' })).statusCode).toBe(200);
    // Round the clock, resolution due an hour after opening: breaches are easy to place.
    const policy = await api('POST', '/api/v1/sla-policies', {
      name: 'Круглосуточно',
      firstResponseMinutes: 30,
      resolutionMinutes: 60,
      businessHours: null,
      isDefault: true,
    });
    expect(policy.statusCode).toBe(201);

    const nps = (value: number, stage: string, receivedAt: string) =>
      api('POST', '/api/v1/feedback', { score: { type: 'nps', value }, stage, receivedAt });
    const csat = (value: number, receivedAt: string) =>
      api('POST', '/api/v1/feedback', { score: { type: 'csat', value }, receivedAt });
    const topical = async (topics: string[], receivedAt: string) => {
      const fb = (await api('POST', '/api/v1/feedback', { text: 'Отзыв', receivedAt })).json();
      const res = await api('PATCH', `/api/v1/feedback/${fb.id}/analysis`, { topics });
      expect(res.statusCode).toBe(200);
    };
    const prev = '2026-11-16T07:00:00.000Z';
    const cur = '2026-11-23T07:00:00.000Z';
    // Last week: доставка 10 9 3 2 8 (NPS 0), оплата 10 10 10 9 9 (NPS 100): overall 7 P, 2 D of 10.
    for (const v of [10, 9, 3, 2, 8]) await nps(v, 'доставка', prev);
    for (const v of [10, 10, 10, 9, 9]) await nps(v, 'оплата', prev);
    // Outside both windows: Sunday 23:59 before last week, later on last Wednesday, Sunday 23:59.
    await nps(0, 'оплата', '2026-11-15T20:59:00.000Z');
    await nps(0, 'оплата', '2026-11-18T09:30:00.000Z');
    await nps(0, 'доставка', '2026-11-22T20:59:00.000Z');
    for (const v of [5, 4]) await csat(v, prev);
    for (const topics of [['delivery'], ['delivery'], ['delivery', 'price']])
      await topical(topics, prev);
    // Cases: every detractor and low CSAT opens one when it arrives (5 last Monday 11:00 MSK, 5
    // this Monday); P1, P2 opened by hand last Monday, all 7 breached at 13:00; one more opened
    // after the previous window ends (breached before this week); C1–C3 this Monday, C1 resolved
    // in time, C2, C3 and the 5 automatic ones breached; P1 resolved on Tuesday.
    const open = async (title: string) => (await api('POST', '/api/v1/cases', { title })).json();
    const p1 = await open('P1');
    await open('P2');
    clock.set('2026-11-16T10:00:00.000Z');
    await worker.drain();
    clock.set('2026-11-18T10:00:00.000Z');
    await open('Позже');
    clock.set('2026-11-18T11:30:00.000Z');
    await worker.drain();
    clock.set('2026-11-23T08:00:00.000Z');
    // This week: доставка 10 10 10 9 7 (NPS 80), оплата 10 6 5 4 9 (NPS −20): 6 P, 3 D of 10.
    for (const v of [10, 10, 10, 9, 7]) await nps(v, 'доставка', cur);
    for (const v of [10, 6, 5, 4, 9]) await nps(v, 'оплата', cur);
    // CSAT: two answers last week (too few), 5 5 4 2 1 this week (3 of 5 satisfied: 60 %).
    for (const v of [5, 5, 4, 2, 1]) await csat(v, cur);
    // Topics: delivery 3 → 1, price 1 → 4, staff 0 → 2.
    for (const topics of [['price', 'delivery'], ['price'], ['price', 'staff'], ['price', 'staff']])
      await topical(topics, cur);

    const c1 = await open('C1');
    await open('C2');
    await open('C3');
    clock.set('2026-11-23T08:30:00.000Z');
    await api('PATCH', `/api/v1/cases/${c1.id}`, {
      status: 'resolved',
      resolution: 'ok',
      resolutionCode: 'fixed',
    });
    clock.set('2026-11-23T10:00:00.000Z');
    await worker.drain();
    clock.set('2026-11-24T10:00:00.000Z');
    await api('PATCH', `/api/v1/cases/${p1.id}`, {
      status: 'resolved',
      resolution: 'ok',
      resolutionCode: 'fixed',
    });
    clock.set('2026-11-25T09:00:00.000Z');

    const res = await api('GET', '/api/v1/metrics/week-moves');
    expect(res.statusCode).toBe(200);
    const out = res.json();
    expect(out).toMatchObject({
      week: 'current',
      timeZone: 'Europe/Moscow',
      current: { from: '2026-11-22T21:00:00.000Z', to: '2026-11-25T09:00:00.000Z' },
      previous: { from: '2026-11-15T21:00:00.000Z', to: '2026-11-18T09:00:00.000Z' },
      minResponses: 5,
    });
    expect(out.nps.current).toMatchObject({ value: 30, responses: 10, tooFew: false });
    expect(out.nps.previous).toMatchObject({ value: 50, responses: 10, tooFew: false });
    expect(out.nps.change).toBe(-20);
    // ±55.8 and ±50.0 points on ten answers each: a 20-point fall may be noise.
    expect(out.nps.withinNoise).toBe(true);
    expect(out.csat.current).toMatchObject({ value: 60, responses: 5, tooFew: false });
    expect(out.csat.previous).toMatchObject({ value: 100, responses: 2, tooFew: true });
    expect(out.csat.change).toBeNull();
    expect([out.detractors.current, out.detractors.previous]).toEqual([3, 2]);
    const counts = (k: string) => [out.cases[k].current, out.cases[k].previous];
    expect(counts('opened')).toEqual([8, 7]);
    expect(counts('resolved')).toEqual([2, 0]);
    expect(counts('overdue')).toEqual([7, 7]);
    const moves = (m: { key: string; change: number }[]) => m.map((x) => [x.key, x.change]);
    expect(moves(out.stages.up)).toEqual([['доставка', 80]]);
    expect(moves(out.stages.down)).toEqual([['оплата', -120]]);
    expect(moves(out.topics.up)).toEqual([
      ['price', 3],
      ['staff', 2],
    ]);
    expect(moves(out.topics.down)).toEqual([['delivery', -2]]);

    // Every number opens exactly its rows.
    const listed = async (d: Drill) => {
      const q = new URLSearchParams({ ...d.params, limit: '200' });
      if (d.list === 'cases') return (await api('GET', `/api/v1/cases?${q}`)).json().items.length;
      return (await api('GET', `/api/v1/feedback/count?${q}`)).json().count;
    };
    expect(await listed(out.nps.drill)).toBe(10);
    expect(await listed(out.csat.drill)).toBe(5);
    expect(await listed(out.detractors.drill)).toBe(3);
    for (const k of ['opened', 'resolved', 'overdue'])
      expect(await listed(out.cases[k].drill)).toBe(out.cases[k].current);
    expect(await listed(out.stages.up[0].drill)).toBe(5);
    expect(await listed(out.topics.up[0].drill)).toBe(4);
    expect(await listed(out.topics.down[0].drill)).toBe(1);

    // Last week against the week before, both whole: the Wednesday and Sunday records join.
    const last = (await api('GET', '/api/v1/metrics/week-moves?week=last')).json();
    expect(last.current).toEqual({
      from: '2026-11-15T21:00:00.000Z',
      to: '2026-11-22T21:00:00.000Z',
    });
    expect(last.nps.current).toMatchObject({ value: 25, responses: 12 });
    expect(last.nps.previous).toMatchObject({ value: -100, responses: 1, tooFew: true });
    expect(last.nps.change).toBeNull();
    expect([last.cases.opened.current, last.cases.overdue.current]).toEqual([8, 8]);

    // A care manager has the Today page but not the lead's card.
    await api('POST', '/api/v1/users', {
      email: 'maria@romashka.example.ru',
      name: 'Мария',
      password: 'long-enough-pass',
      role: 'manager',
    });
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'maria@romashka.example.ru', password: 'long-enough-pass' },
    });
    const cookie = String([login.headers['set-cookie']].flat()[0]).split(';')[0]!;
    const denied = await t.app.inject({
      method: 'GET',
      url: '/api/v1/metrics/week-moves',
      headers: { cookie },
    });
    expect(denied.statusCode).toBe(403);
  });
});
