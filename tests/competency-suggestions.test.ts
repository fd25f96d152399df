// The training suggestion rule (issue 18's Done-when) and competency coverage in the scorecard's
// employee layer, against the hand-made team of server/modules/competencies/competencies.fixtures.ts,
// on both dialects. Stage `support`, window March 2026 (one month), org time zone UTC.
//   CSAT: answers 2, 3, 5 in March → 1 of 3 satisfied = 33.3 % against the target 80 → red.
//   NPS: answers 10, 9 in March → 100 against the target 20 → green.
// Gaps of the team (see competencies.test.ts): empathy (linked to csat) — Анна 1 (3 of 4),
// Вера 1 (360 mean 4 of 5), Борис 0; product (linked to nps) — Борис 1; talks (no metric).
// → one suggestion: support / csat / empathy for Анна and Вера. Product's gap sits under a
// green metric: no suggestion. The stage `sales` (Дима, empathy gap 3) has no red metric: none.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../server/lib/clock.ts';
import { createTestApp, createTestOrg, type TestApp, type TestOrg } from './support/app.ts';
import { testDialects } from './support/db.ts';
import type { TrainingSuggestionsOut } from '../shared/api/scorecard-training.ts';
import type { ScorecardOut } from '../shared/api/scorecard-layers.ts';
import {
  assessTeam,
  buildTeam,
  type Team,
} from '../server/modules/competencies/competencies.fixtures.ts';

describe.each(testDialects())('training suggestions on %s', (dialect) => {
  let t: TestApp;
  let org: TestOrg;
  let team: Team;
  const clock = fixedClock('2026-03-02T09:00:00Z');
  const URL = '/api/v1/scorecard/training-suggestions?period=month&from=2026-03-01&to=2026-04-01';
  beforeAll(async () => {
    t = await createTestApp({ dialect, clock });
    org = await createTestOrg(t.deps, 'Ромашка');
    team = await buildTeam(t, org, `s-${dialect}`);
    const { api } = team;
    const stages = await api('GET', '/api/v1/stages');
    const support = stages.json().items.find((s: { key: string }) => s.key === 'support');
    const put = await api('PUT', `/api/v1/stages/${support.id}/targets`, {
      targets: [
        { metric: 'csat', target: 80, direction: 'up' },
        { metric: 'nps', target: 20, direction: 'up' },
        { metric: 'competency_coverage', target: 0.8, direction: 'up' },
      ],
    });
    expect(put.statusCode, put.body).toBe(200);
    for (const [type, value] of [
      ['csat', 2],
      ['csat', 3],
      ['csat', 5],
      ['nps', 10],
      ['nps', 9],
    ] as const) {
      const res = await api('POST', '/api/v1/feedback', {
        stage: 'support',
        score: { type, value },
        receivedAt: '2026-03-10T10:00:00Z',
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    clock.set('2026-03-20T09:00:00Z');
    await assessTeam(team, () => clock.advance(60_000));
    clock.set('2026-04-15T09:00:00Z');
  });
  afterAll(async () => t?.close());

  it('suggests training where a red metric meets a gap in a competency linked to it', async () => {
    const res = await team.api('GET', URL);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as TrainingSuggestionsOut;
    expect(body.items).toHaveLength(1);
    const [s] = body.items;
    expect(s).toMatchObject({
      stage: { key: 'support' },
      metric: 'csat',
      layer: 'satisfaction',
      status: 'red',
      period: '2026-03',
      target: 80,
      competency: { id: team.comp.empathy, nameEn: 'Empathy' },
    });
    expect(s!.value).toBeCloseTo(33.3, 1);
    expect(s!.people.map((p) => [p.name, p.target, p.assessed, p.gap])).toEqual([
      ['Анна', 4, 3, 1],
      ['Вера', 5, 4, 1],
    ]);
  });

  it('suggests nothing once the metric is no longer red, or the gap is closed', async () => {
    const { api, comp, people } = team;
    // Анна and Вера reach their empathy targets (manager 4 and 5): no gap under the red CSAT.
    clock.advance(60_000);
    await api('POST', `/api/v1/employees/${people.anna}/assessments`, {
      kind: 'manager',
      levels: { [comp.empathy]: 4 },
    });
    await api('POST', `/api/v1/employees/${people.vera}/assessments`, {
      kind: 'manager',
      levels: { [comp.empathy]: 5 },
    });
    expect((await api('GET', URL)).json().items).toEqual([]);
    // A viewer may not read the scorecard's suggestions.
    expect((await team.users.p1.as('GET', URL)).statusCode).toBe(403);
  });

  it("shows competency coverage in the stage's employee layer, without a drill-down", async () => {
    const card = (
      await team.api(
        'GET',
        '/api/v1/scorecard?period=month&from=2026-03-01&to=2026-04-01&stage=support',
      )
    ).json() as ScorecardOut;
    const coverage = card.stages[0]!.layers.employee.find(
      (m) => m.metric === 'competency_coverage',
    )!;
    // As of March's end the March assessments count (7 pairs, 3 met: 0.4286); February's end had
    // none (0 of 7 met: 0). The later April assessments do not change March.
    expect(coverage).toMatchObject({
      value: 0.4286,
      previous: 0,
      n: 7,
      target: 0.8,
      status: 'red',
      unit: 'share',
      drill: null,
    });
  });
});
