// Issue 20 / ADR 020, by hand: five NPS answers around Moscow's 1 March, through the intake, and
// the dashboard's report over them — read from the report counts (whole Moscow months and days)
// with the partial days scanned. Moscow is UTC+3: 1 March 00:00 there is 28 February 21:00Z, so
// the Moscow month of March holds a record of the UTC month of February (the report's months are
// UTC, metrics.repo.ts) — the counts keep both months for that reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../lib/clock.ts';
import { call, createTestApp, createTestOrg, type TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';

describe.each(testDialects())('the report counts by hand on %s', (dialect) => {
  let t: TestApp;
  let key: string;
  let orgId: string;
  beforeAll(async () => {
    t = await createTestApp({ dialect, clock: fixedClock('2026-06-01T00:00:00Z') });
    const org = await createTestOrg(t.deps, 'Руками');
    [key, orgId] = [org.apiKey, org.orgId];
    const api = async (method: 'POST' | 'PATCH', url: string, payload: object) => {
      const res = await call(t.app, key, { method, url, payload });
      expect(res.statusCode, res.body).toBeLessThan(300);
      return res.json();
    };
    await api('PATCH', '/api/v1/org', { timeZone: 'Europe/Moscow' });
    await api('POST', '/api/v1/stages', { key: 'support' });
    const a = (await api('POST', '/api/v1/clients', { name: 'А', segment: 'A' })).id;
    const b = (await api('POST', '/api/v1/clients', { name: 'Б', segment: 'B' })).id;
    const nps = (value: number, at: string, more: object) => ({
      score: { type: 'nps', value },
      receivedAt: at,
      ...more,
    });
    await api('POST', '/api/v1/feedback/batch', {
      items: [
        // Moscow 28 Feb 23:59: February in both.
        nps(10, '2026-02-28T20:59:00Z', { clientId: a, stage: 'support' }),
        // Moscow 1 Mar 00:00: Moscow March, UTC February.
        nps(3, '2026-02-28T21:00:00Z', { clientId: b, stage: 'support', channel: 'email' }),
        // Moscow 1 Mar 03:00, no client, no stage: March in both.
        nps(9, '2026-03-01T00:00:00Z', {}),
        // Moscow 1 Mar 13:00, no client, no stage.
        nps(8, '2026-03-01T10:00:00Z', {}),
        nps(7, '2026-03-15T12:00:00Z', { clientId: a, stage: 'support' }),
      ],
    });
    await api('POST', '/api/v1/feedback', nps(0, '2026-04-01T10:00:00Z', {}));
  });
  afterAll(async () => t?.close());

  const report = async (query: string) => {
    const res = await call(t.app, key, {
      method: 'GET',
      url: `/api/v1/metrics/satisfaction?metric=nps&${query}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const figures = (groups: { key: string; value: number; responses: number }[]) =>
    groups.map((g) => [g.key, g.value, g.responses]);

  it('keeps the counts per Moscow day and month, and per UTC month', async () => {
    const days = await t.deps.db
      .selectFrom('feedback_report_days')
      .select(['day', 'utc_month', 'score_value', 'n'])
      .where('org_id', '=', orgId)
      .execute();
    expect(
      days.map((d) => [d.day, d.utc_month, Number(d.score_value), Number(d.n)]).sort(),
    ).toEqual([
      ['2026-02-28', '2026-02', 10, 1],
      ['2026-03-01', '2026-02', 3, 1],
      ['2026-03-01', '2026-03', 8, 1],
      ['2026-03-01', '2026-03', 9, 1],
      ['2026-03-15', '2026-03', 7, 1],
      ['2026-04-01', '2026-04', 0, 1],
    ]);
    const months = await t.deps.db
      .selectFrom('feedback_report_segments')
      .select(['month', 'segment', 'score_value'])
      .where('org_id', '=', orgId)
      .execute();
    expect(months.map((m) => [m.month, m.segment, Number(m.score_value)]).sort()).toEqual([
      ['2026-02', 'A', 10],
      ['2026-03', '', 8],
      ['2026-03', '', 9],
      ['2026-03', 'A', 7],
      ['2026-03', 'B', 3],
      ['2026-04', '', 0],
    ]);
  });

  it('answers the dashboard over Moscow months, against the month before', async () => {
    const march = 'from=2026-03-01&to=2026-04-01&compare=previous';
    // March in Moscow: 3 (UTC February), 9, 8 and 7 (UTC March). February: 10.
    const byMonth = await report(`${march}&groupBy=month`);
    // 2026-02: one detractor → −100; 2026-03: a promoter, two passives → 100 / 3 = 33.3.
    expect(figures(byMonth.groups)).toEqual([
      ['2026-02', -100, 1],
      ['2026-03', 33.3, 3],
    ]);
    expect(figures(byMonth.previous.groups)).toEqual([['2026-02', 100, 1]]);
    const headline = await report(march);
    // 3, 9, 8, 7: one promoter, one detractor of four → 0; before: 10 → 100, change −100.
    expect(figures(headline.groups)).toEqual([['all', 0, 4]]);
    expect(headline.groups[0].change).toMatchObject({ previousValue: 100, value: -100 });
    expect(figures((await report(`${march}&groupBy=stage`)).groups)).toEqual([
      ['none', 50, 2],
      ['support', -50, 2],
    ]);
    expect(figures((await report(`${march}&groupBy=channel`)).groups)).toEqual([
      ['api', 33.3, 3],
      ['email', -100, 1],
    ]);
    expect(figures((await report(`${march}&groupBy=segment`)).groups)).toEqual([
      ['A', 0, 1],
      ['B', -100, 1],
      ['none', 50, 2],
    ]);
  });

  it('scans the partial days of a window of instants', async () => {
    // From 1 March 12:00 Moscow: the 3 (00:00) and the 9 (03:00) are before it; the 8 (13:00,
    // in the partial first day, read from the records) and the 7 are in: two passives → 0.
    const out = await report('from=2026-03-01T12:00:00%2B03:00&to=2026-03-20');
    expect(figures(out.groups)).toEqual([['all', 0, 2]]);
    expect(out.groups[0]).toMatchObject({ passives: 2 });
    // The overview's last 90 days before 1 June 00:00Z start on 3 March 00:00Z: 7 and 0.
    const res = await call(t.app, key, { method: 'GET', url: '/api/v1/metrics/overview' });
    expect(res.json().nps).toMatchObject({ value: -50, responses: 2 });
  });
});
