// eNPS per team and period against hand-computed examples (METRICS.md "Employee layer"), answers
// given through the team links on days set by a fake clock; the scorecard's window rules.
import { describe, expect, it } from 'vitest';
import { testDialects } from '../../../tests/support/db.ts';
import { enpsOf, publishedEnps, round1, statusOf } from './enps.ts';
import { pulseKit } from './pulse.fixtures.ts';

describe('eNPS formulas', () => {
  it('rounds once, to one decimal, half away from zero', () => {
    expect(round1(14.285714)).toBe(14.3);
    expect(round1(-0.25)).toBe(-0.3);
    expect(round1(0.25)).toBe(0.3);
    expect(round1(-0.04)).toBe(0);
    // 3 promoters, 2 detractors of 7: (3 − 2) / 7 = 14.2857 %.
    const h = [10, 10, 9, 8, 7, 6, 3].map((score) => ({ score, count: 1 }));
    expect(enpsOf(h).value).toBeCloseTo(14.2857, 3);
    expect(publishedEnps(h.slice(0, 4))).toMatchObject({ answers: 4, hidden: true, enps: null });
    expect(statusOf(30, 25)).toBe('green');
    expect(statusOf(20, 25)).toBe('amber');
    expect(statusOf(10, 25)).toBe('red');
    expect(statusOf(10, null)).toBeNull();
  });
});

describe.each(testDialects())('eNPS per team and period on %s', (dialect) => {
  const { kit, setup, api, pathOf, post, team, pulse } = pulseKit(dialect);

  it('matches the hand-computed eNPS and margins per month and per quarter', async () => {
    await setup('2026-01-05T09:00:00Z');
    await team('sales', 1);
    await team('delivery', 1);
    const p = await pulse({ send: false });
    const link = (stage: string) =>
      pathOf(p.links.find((l: { stage: string }) => l.stage === stage).url);
    const answer = async (at: string, stage: string, scores: number[]) => {
      kit.clock.set(at);
      for (const s of scores)
        await post(link(stage), { score: String(s), comment: `${stage} ${s}` });
    };
    await answer('2026-01-20T09:00:00Z', 'sales', [10, 10, 9, 8, 7, 6, 3]);
    await answer('2026-02-10T09:00:00Z', 'sales', [9, 9, 9, 9, 0]);
    await answer('2026-02-11T09:00:00Z', 'delivery', [10, 0, 0]);
    kit.clock.set('2026-03-15T09:00:00Z');

    const months = (
      await api('GET', '/api/v1/scorecard/employees?period=month&from=2026-01-01&to=2026-04-01')
    ).json();
    const cell = (body: any, stage: string, period: string) =>
      body.items.find((c: any) => c.stage === stage && c.period === period);
    // January, sales: 3 promoters, 2 detractors of 7 → 14.2857 → 14.3. Variance p(1−p) + d(1−d) + 2pd
    // = 12/49 + 10/49 + 12/49 = 34/49; margin 1.96 · √(34/49/7) · 100 = 61.709 → 61.7.
    expect(cell(months, 'sales', '2026-01')).toEqual({
      stage: 'sales',
      period: '2026-01',
      answers: 7,
      hidden: false,
      reason: null,
      enps: 14.3,
      marginOfError: 61.7,
      metric: 'enps',
      target: null,
      status: null,
    });
    // February, sales: 4 promoters, 1 detractor of 5 → 60.0; variance .16 + .16 + .32 = .64,
    // margin 1.96 · √(.64/5) · 100 = 70.12 → 70.1.
    expect(cell(months, 'sales', '2026-02')).toMatchObject({
      answers: 5,
      enps: 60,
      marginOfError: 70.1,
    });
    expect(cell(months, 'sales', '2026-03')).toMatchObject({
      answers: 0,
      hidden: true,
      enps: null,
    });
    expect(cell(months, 'delivery', '2026-02')).toMatchObject({
      answers: 3,
      hidden: true,
      enps: null,
      reason: 'fewer_than_5_answers',
    });
    expect(months.items).toHaveLength(6);

    // The registry's eNPS target of sales (30, up): 33.3 ≥ 30 → green; delivery has none. The
    // team became a stage with its first employee.
    const sales = (await api('GET', '/api/v1/stages'))
      .json()
      .items.find((s: { key: string }) => s.key === 'sales');
    const put = await api('PUT', `/api/v1/stages/${sales.id}/targets`, {
      targets: [{ metric: 'enps', target: 30, direction: 'up' }],
    });
    expect(put.statusCode, put.body).toBe(200);
    // The quarter, sales: 7 promoters, 3 detractors of 12 → 33.333 → 33.3; variance
    // 35/144 + 27/144 + 42/144 = 104/144, margin 1.96 · √(104/144/12) · 100 = 48.08 → 48.1.
    const quarter = (
      await api(
        'GET',
        '/api/v1/scorecard/employees?period=quarter&from=2026-01-01&to=2026-04-01&stage=sales',
      )
    ).json();
    expect(quarter.items).toEqual([
      expect.objectContaining({
        stage: 'sales',
        period: '2026-Q1',
        target: 30,
        status: 'green',
        answers: 12,
        enps: 33.3,
        marginOfError: 48.1,
      }),
    ]);
    // The pulse's own results carry the comments of shown cells only, in text order.
    const results = (
      await api(
        'GET',
        `/api/v1/pulses/${p.id}/results?period=quarter&from=2026-01-01&to=2026-04-01`,
      )
    ).json();
    expect(cell(results, 'sales', '2026-Q1').comments).toEqual([
      'sales 0',
      'sales 10',
      'sales 10',
      'sales 3',
      'sales 6',
      'sales 7',
      'sales 8',
      'sales 9',
      'sales 9',
      'sales 9',
      'sales 9',
      'sales 9',
    ]);
    expect(cell(results, 'delivery', '2026-Q1')).toMatchObject({
      answers: 3,
      hidden: true,
      comments: [],
    });
    // Default window: the running month and the five before it.
    const byDefault = (await api('GET', '/api/v1/scorecard/employees')).json();
    expect(byDefault).toMatchObject({ period: 'month', from: '2025-10-01', to: '2026-04-01' });
  });

  it('refuses windows that are not whole periods with 400 problem+json, and unknown pulses with 404', async () => {
    await setup();
    for (const q of [
      'from=2026-01-15&to=2026-02-01',
      'from=2026-02-01&to=2026-01-01',
      'period=quarter&from=2026-02-01&to=2026-04-01',
      'from=2026-02-30&to=2026-04-01',
      'period=week',
      'from=1900-01-01&to=2026-01-01',
    ]) {
      const res = await api('GET', `/api/v1/scorecard/employees?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.json().code).toBe('validation_failed');
    }
    const missing = await api('GET', '/api/v1/pulses/0190a5b2-7c1e-7000-8000-000000000000/results');
    expect(missing.statusCode).toBe(404);
    const bad = await api('POST', '/api/v1/pulses', { name: '', stages: [] });
    expect(bad.statusCode).toBe(400);
    expect(await kit.t.deps.db.selectFrom('pulses').selectAll().execute()).toEqual([]);
  });
});
