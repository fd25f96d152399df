// The arbiter against a hand-computed example, on both dialects (docs/scorecard.md "Arbiter").
// History (September 2026): 30 clients pay; by their September NPS 10 are promoters, 10 passives,
// 10 detractors; in October 9, 7 and 4 of them buy again → churn 0.1, 0.3, 0.6. The window is
// October. «доставка»: 10 clients paying 2000 each, 6 detractors and 4 promoters on the stage →
// risk 6·2000·0.6 + 4·2000·0.1 = 8000. «склад»: 10 clients paying 2000, 1 detractor and 9
// promoters → 1200 + 1800 = 3000. So «доставка» ranks first.
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
import type { ArbiterOut } from '../../../shared/api/arbiter.ts';
import { refreshClosedMonths } from './index.ts';

const TEXTS = [
  'Поздно.',
  'Курьер опоздал на день',
  'Курьер опоздал, ждали весь день',
  'Доставили не в тот день, пришлось переносить',
  'Доставка опоздала на два дня, а менеджер ничего не сообщил заранее',
  'Ужасно! '.repeat(25),
];

describe.each(testDialects())('the arbiter on %s', (dialect) => {
  let t: TestApp;
  let org: TestOrg;
  const clock = fixedClock('2026-11-15T09:00:00Z');
  const api = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object) =>
    call(t.app, org.apiKey, { method, url, ...(payload ? { payload } : {}) });
  let n = 0;

  async function client(): Promise<string> {
    n += 1;
    return (await api('POST', '/api/v1/clients', { name: `ООО Клиент ${n}` })).json().id;
  }
  async function sale(clientId: string, date: string, amount: number, stage?: string) {
    const res = await api('POST', '/api/v1/transactions', {
      clientId,
      externalId: `doc-${(n += 1)}`,
      kind: 'sale',
      date,
      amount,
      ...(stage ? { stage } : {}),
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  async function nps(clientId: string, value: number, at: string, stage?: string, text?: string) {
    const res = await api('POST', '/api/v1/feedback', {
      clientId,
      score: { type: 'nps', value },
      receivedAt: at,
      ...(stage ? { stage } : {}),
      ...(text ? { text } : {}),
    });
    expect(res.statusCode, res.body).toBe(201);
  }

  beforeAll(async () => {
    t = await createTestApp({ dialect, clock });
    org = await createTestOrg(t.deps, 'Ромашка');
    const stage = await api('POST', '/api/v1/stages', {
      key: 'доставка',
      nameRu: 'Доставка',
      nameEn: 'Delivery',
      targets: [{ metric: 'nps', target: 30, direction: 'up' }],
    });
    expect(stage.statusCode).toBe(201);
    for (const key of ['склад', 'оплата'])
      expect((await api('POST', '/api/v1/stages', { key })).statusCode).toBe(201);
    // History: September payers and their answers (about payment); who buys again in October.
    const again = { promoter: 9, passive: 7, detractor: 4 };
    for (const [group, score] of [
      ['promoter', 10],
      ['passive', 8],
      ['detractor', 3],
    ] as const)
      for (let i = 0; i < 10; i += 1) {
        const id = await client();
        await sale(id, '2026-09-10', 1000);
        await nps(id, score, '2026-09-12T10:00:00Z', 'оплата');
        if (i < again[group]) await sale(id, '2026-10-10', 500);
      }
    // October: the stages' own clients.
    for (let i = 0; i < 10; i += 1) {
      const id = await client();
      await sale(id, '2026-10-05', 2000, 'доставка');
      await nps(
        id,
        i < 6 ? 3 : 10,
        '2026-10-20T10:00:00Z',
        'доставка',
        i < 6 ? TEXTS[i] : undefined,
      );
    }
    for (let i = 0; i < 10; i += 1) {
      const id = await client();
      await sale(id, '2026-10-06', 2000, 'склад');
      await nps(id, i < 1 ? 2 : 9, '2026-10-21T10:00:00Z', 'склад');
    }
  });
  afterAll(async () => t?.close());

  async function arbiter(query = ''): Promise<ArbiterOut> {
    const res = await api('GET', `/api/v1/arbiter${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }

  it('ranks the stages by revenue at risk measured from the churn history', async () => {
    const a = await arbiter();
    expect([a.from, a.to]).toEqual(['2026-10-01', '2026-11-01']);
    expect(a.churnByGroup).toEqual({ promoter: 0.1, passive: 0.3, detractor: 0.6, none: 0 });
    expect(a.stages.map((s) => [s.stage, s.rank, s.revenueAtRisk, s.riskMethod])).toEqual([
      ['доставка', 1, 8000, 'churn_history'],
      ['склад', 2, 3000, 'churn_history'],
      ['оплата', 3, 0, 'churn_history'],
    ]);
    const delivery = a.stages[0]!;
    expect(delivery).toMatchObject({ clients: 10, revenue: 20000, detractorShare: 0.6 });
    // Every detractor opened a case.
    expect(delivery.openCasesTotal).toBe(6);
    expect(delivery.openCases).toHaveLength(5);
    // Each shown case names its client (the detractor who opened it).
    for (const c of delivery.openCases) expect(c.clientName).toMatch(/^ООО Клиент \d+$/);
    // Three texts of the stage, never the longest outburst.
    expect(delivery.examples).toHaveLength(3);
    expect(delivery.examples.every((e) => TEXTS.slice(0, 5).includes(e.text))).toBe(true);
    // NPS −20 against the target 30 is red: the built-in "red" rule names it.
    expect(delivery.metrics[0]).toMatchObject({ metric: 'nps', value: -20, status: 'red' });
    expect(delivery.suggestion).toMatchObject({ ruleId: 'built-in:any-red', metric: 'nps' });
    expect(delivery.suggestion!.textRu).toContain('«Доставка»');
    expect(delivery.initiatives).toEqual([]);
  });

  it('falls back to the detractor share when the history is short', async () => {
    // September has no August before it: 30 clients of «оплата», 10 of them detractors, 30 000
    // paid → 10 000 at risk.
    const a = await arbiter('?from=2026-09-01&to=2026-10-01');
    expect(a.churnByGroup).toBeNull();
    expect(a.stages[0]).toMatchObject({
      stage: 'оплата',
      revenueAtRisk: 10000,
      riskMethod: 'detractor_share',
      clients: 30,
      revenue: 30000,
    });
  });

  it('serves the stored report until it is refreshed, with the rules the lead saved', async () => {
    const rules = await api('PUT', '/api/v1/arbiter/rules', {
      rules: [
        {
          metric: 'nps',
          when: 'red',
          textRu: 'Позвоните детракторам: {stage}',
          textEn: 'Call the detractors: {stage}',
        },
      ],
    });
    expect(rules.statusCode, rules.body).toBe(200);
    expect(rules.json().builtIn).toBe(false);
    expect((await arbiter()).stages[0]!.suggestion!.ruleId).toBe('built-in:any-red');
    const fresh = await api('POST', '/api/v1/arbiter/refresh');
    expect(fresh.statusCode).toBe(200);
    expect(fresh.json().stages[0].suggestion.textRu).toBe('Позвоните детракторам: Доставка');
    expect((await arbiter()).stages[0]!.suggestion!.textEn).toBe('Call the detractors: Delivery');
    const back = await api('PUT', '/api/v1/arbiter/rules', { rules: [] });
    expect(back.json().builtIn).toBe(true);
  });

  it('is computed by the worker once the month has closed, and again only after late data', async () => {
    clock.set('2026-12-01T09:00:00Z');
    expect(await refreshClosedMonths(t.deps)).toBeGreaterThanOrEqual(1);
    expect(await refreshClosedMonths(t.deps)).toBe(0);
    const stored = await arbiter('?from=2026-11-01&to=2026-12-01');
    expect(stored.computedAt).toBe('2026-12-01T09:00:00.000Z');
    // Late data: feedback of November stored on 2 December → the next round computes again, once.
    clock.set('2026-12-02T10:00:00Z');
    const late = await client();
    await nps(late, 3, '2026-11-20T10:00:00Z', 'оплата');
    expect(await refreshClosedMonths(t.deps)).toBe(1);
    expect(await refreshClosedMonths(t.deps)).toBe(0);
    const again = await arbiter('?from=2026-11-01&to=2026-12-01');
    expect(again.computedAt).toBe('2026-12-02T10:00:00.000Z');
    // A sale dated in November, written later, does the same; October's does not.
    clock.set('2026-12-03T10:00:00Z');
    await sale(late, '2026-10-30', 500, 'оплата');
    expect(await refreshClosedMonths(t.deps)).toBe(0);
    await sale(late, '2026-11-30', 500, 'оплата');
    expect(await refreshClosedMonths(t.deps)).toBe(1);
    expect(await refreshClosedMonths(t.deps)).toBe(0);
    clock.set('2026-11-15T09:00:00Z');
  });

  it('lists the initiatives of each stage from the backlog, not the dropped ones, even on a stored report', async () => {
    const before = await arbiter();
    const post = async (title: string, stage: string) =>
      (await api('POST', '/api/v1/initiatives', { title, stage })).json().id as string;
    const kept = await post('Курьеры в тот же день', 'доставка');
    const dropped = await post('Дроны', 'доставка');
    await api('PATCH', `/api/v1/initiatives/${dropped}`, { status: 'dropped' });
    await api('PATCH', `/api/v1/initiatives/${kept}`, { status: 'planned' });
    // The stored report (same computedAt) shows the initiatives as they are now.
    const after = await arbiter();
    expect(after.computedAt).toBe(before.computedAt);
    const byStage = Object.fromEntries(after.stages.map((s) => [s.stage, s.initiatives]));
    expect(byStage['доставка']).toEqual([
      { id: kept, title: 'Курьеры в тот же день', status: 'planned' },
    ]);
    expect(byStage['склад']).toEqual([]);
  });

  it('refuses a window off the month boundaries', async () => {
    const res = await api('GET', '/api/v1/arbiter?from=2026-10-05');
    expect(res.statusCode).toBe(422);
  });
});
