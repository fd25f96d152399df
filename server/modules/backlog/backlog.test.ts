// The backlog through HTTP on both dialects, against a hand-computed example. Clock: 15 Nov 2026.
// Clients K1 and K2 bought 30 000 and 10 000 in the last 12 months (K1 also 99 999 in 2025-10,
// outside the window). Initiative «Курьеры» links K1's and K2's feedback → reach 2, revenue at
// stake 40 000, p = 80 000 = the largest → computed value 10. «Упаковка» links K2's record and
// client K2 again → reach 1, 10 000, p = 10 000 → 1 + 9 × 10 000 / 80 000 = 2.125 → 2.1.
// With effort 3 and 8: «Курьеры» quick win, «Упаковка» money pit.
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

describe.each(testDialects())('the improvement backlog on %s', (dialect) => {
  let t: TestApp;
  let org: TestOrg;
  let other: TestOrg;
  const clock = fixedClock('2026-11-15T09:00:00Z');
  const api = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    call(t.app, org.apiKey, { method, url, ...(payload ? { payload } : {}) });
  let n = 0;
  const ids = { k1: '', k2: '', f1: '', f2: '', foreign: '' };

  async function client(key = org.apiKey) {
    n += 1;
    const res = await call(t.app, key, {
      method: 'POST',
      url: '/api/v1/clients',
      payload: { name: `ООО Клиент ${n}` },
    });
    return res.json().id as string;
  }
  async function sale(clientId: string, date: string, amount: number) {
    const res = await api('POST', '/api/v1/transactions', {
      clientId,
      externalId: `doc-${(n += 1)}`,
      kind: 'sale',
      date,
      amount,
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  async function feedback(clientId: string, text: string, key = org.apiKey) {
    const res = await call(t.app, key, {
      method: 'POST',
      url: '/api/v1/feedback',
      payload: { clientId, text, stage: 'доставка', score: { type: 'nps', value: 4 } },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  }

  beforeAll(async () => {
    t = await createTestApp({ dialect, clock });
    org = await createTestOrg(t.deps, 'Бэклог');
    other = await createTestOrg(t.deps, 'Чужая');
    ids.k1 = await client();
    ids.k2 = await client();
    await sale(ids.k1, '2026-03-01', 20000);
    await sale(ids.k1, '2026-11-10', 10000);
    await sale(ids.k1, '2025-10-01', 99999);
    await sale(ids.k2, '2026-06-01', 10000);
    ids.f1 = await feedback(ids.k1, 'Курьер опоздал');
    ids.f2 = await feedback(ids.k2, 'Курьер грубил');
    ids.foreign = await feedback(await client(other.apiKey), 'Чужой отзыв', other.apiKey);
  });
  afterAll(async () => t?.close());

  it('computes reach, revenue at stake, value and quadrant, and ranks the list', async () => {
    const a = await api('POST', '/api/v1/initiatives', {
      title: 'Курьеры',
      stage: 'доставка',
      effort: 3,
      dueDate: '2026-12-01',
      feedbackIds: [ids.f1, ids.f2],
    });
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json()).toMatchObject({ status: 'idea', reach: 2, revenueAtStake: 40000 });
    const b = await api('POST', '/api/v1/initiatives', {
      title: 'Упаковка',
      effort: 8,
      feedbackIds: [ids.f2],
    });
    const bId = b.json().id;
    await api('PATCH', `/api/v1/initiatives/${bId}`, { clientIds: [ids.k2] });
    const list = (await api('GET', '/api/v1/initiatives')).json();
    expect(
      list.items.map((i: any) => [i.title, i.rank, i.reach, i.revenueAtStake, i.value, i.quadrant]),
    ).toEqual([
      ['Курьеры', 1, 2, 40000, 10, 'quick_win'],
      ['Упаковка', 2, 1, 10000, 2.1, 'money_pit'],
    ]);
    expect(list.items[0].valueSource).toBe('computed');
    expect(list.summary.quadrants).toEqual({ quick_win: 1, big_bet: 0, fill_in: 0, money_pit: 1 });
    const pits = (await api('GET', '/api/v1/initiatives?quadrant=money_pit')).json();
    expect(pits.items.map((i: any) => i.title)).toEqual(['Упаковка']);
    // A value given by hand wins over the computed one (drag on the chart: PATCH value/effort).
    const moved = await api('PATCH', `/api/v1/initiatives/${bId}`, { value: 8, effort: 7 });
    expect(moved.json()).toMatchObject({ value: 8, valueSource: 'manual', quadrant: 'big_bet' });
    // The detail names the linked records and clients.
    const detail = (await api('GET', `/api/v1/initiatives/${a.json().id}`)).json();
    expect(detail.feedback.map((f: any) => f.text).sort()).toEqual([
      'Курьер грубил',
      'Курьер опоздал',
    ]);
  });

  it('links only the organisation’s feedback, stages and clients', async () => {
    const foreign = await api('POST', '/api/v1/initiatives', {
      title: 'Чужое',
      feedbackIds: [ids.f1, ids.foreign],
    });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().code).toBe('not_found');
    const stage = await api('POST', '/api/v1/initiatives', { title: 'X', stage: 'нет-такого' });
    expect(stage.statusCode).toBe(422);
    expect(stage.json().code).toBe('unknown_stage');
    const titles = (await api('GET', '/api/v1/initiatives')).json().items.map((i: any) => i.title);
    expect(titles).not.toContain('Чужое');
    const c = (await api('POST', '/api/v1/initiatives', { title: 'Связи' })).json();
    const link = await api('POST', `/api/v1/initiatives/${c.id}/feedback`, {
      feedbackIds: [ids.foreign],
    });
    expect(link.statusCode).toBe(404);
    const ok = await api('POST', `/api/v1/initiatives/${c.id}/feedback`, { feedbackIds: [ids.f1] });
    expect(ok.json().feedbackIds).toEqual([ids.f1]);
    // Another organisation sees none of it.
    const theirs = await call(t.app, other.apiKey, {
      method: 'GET',
      url: `/api/v1/initiatives/${c.id}`,
    });
    expect(theirs.statusCode).toBe(404);
  });

  it('moves through the status machine and keeps done ones', async () => {
    const c = (
      await api('POST', '/api/v1/initiatives', { title: 'Статусы', dueDate: '2026-11-15' })
    ).json();
    const url = `/api/v1/initiatives/${c.id}`;
    const skip = await api('PATCH', url, { status: 'done' });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().code).toBe('invalid_transition');
    await api('PATCH', url, { status: 'planned' });
    await api('PATCH', url, { status: 'in_progress' });
    const done = (await api('PATCH', url, { status: 'done', publicNote: 'Готово' })).json();
    expect(done).toMatchObject({ status: 'done', onTime: true, allowedNext: ['in_progress'] });
    expect(done.doneAt).toBe('2026-11-15T09:00:00.000Z');
    const del = await api('DELETE', url);
    expect(del.statusCode).toBe(409);
    expect(del.json().code).toBe('initiative_done');
    const summary = (await api('GET', '/api/v1/initiatives')).json().summary;
    expect(summary).toMatchObject({ done: 1, doneWithDueDate: 1, doneOnTime: 1, onTimeShare: 1 });
    const reopened = (await api('PATCH', url, { status: 'in_progress' })).json();
    expect(reopened.doneAt).toBeNull();
    expect((await api('DELETE', url)).statusCode).toBe(204);
    expect((await api('GET', url)).statusCode).toBe(404);
  });

  it('exports the ranked backlog as CSV', async () => {
    const res = await api('GET', '/api/v1/initiatives/export?format=csv&lang=en');
    expect(res.statusCode, res.body).toBe(200);
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toContain('Rank,Initiative,Status');
    expect(lines[1]).toMatch(/^1,Курьеры,idea/);
  });

  it('shows the stage’s initiatives that are not dropped on the arbiter report', async () => {
    const x = (
      await api('POST', '/api/v1/initiatives', { title: 'Брошено', stage: 'доставка' })
    ).json();
    await api('PATCH', `/api/v1/initiatives/${x.id}`, { status: 'dropped' });
    const report = (await api('GET', '/api/v1/arbiter')).json();
    const delivery = report.stages.find((s: any) => s.stage === 'доставка');
    expect(delivery.initiatives.map((i: any) => [i.title, i.status])).toEqual([
      ['Курьеры', 'idea'],
    ]);
  });
});
