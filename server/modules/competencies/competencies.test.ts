// Gaps and the 360 anonymity threshold against the hand-made team (competencies.fixtures.ts), on
// both dialects (issue 18's Done-when; docs/competencies.md).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../lib/clock.ts';
import {
  createTestApp,
  createTestOrg,
  type TestApp,
  type TestOrg,
} from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import type { AssessmentsOut, GapsOut } from '../../../shared/api/competencies.ts';
import { assessTeam, buildTeam, type Team } from './competencies.fixtures.ts';

describe.each(testDialects())('competency gaps on %s', (dialect) => {
  let t: TestApp;
  let org: TestOrg;
  let team: Team;
  const clock = fixedClock('2026-03-02T09:00:00Z');
  beforeAll(async () => {
    t = await createTestApp({ dialect, clock });
    org = await createTestOrg(t.deps, 'Ромашка');
    team = await buildTeam(t, org, dialect);
    await assessTeam(team, () => clock.advance(60_000));
  });
  afterAll(async () => t?.close());

  const cellsOf = (g: GapsOut, person: string) =>
    Object.fromEntries(
      g.people
        .find((p) => p.employeeId === person)!
        .cells.map((c) => [c.competencyId, [c.target, c.assessed, c.source, c.gap]]),
    );

  it("computes each person's gaps, the team's per competency and the stage's coverage", async () => {
    const { api, comp, people } = team;
    const res = await api('GET', '/api/v1/competencies/gaps?stage=support');
    expect(res.statusCode, res.body).toBe(200);
    const g = res.json() as GapsOut;
    expect(g.people.map((p) => p.name)).toEqual(['Анна', 'Борис', 'Вера', 'Глеб']);
    // Анна: empathy target 4, latest manager 3 → gap 1; product 3 vs 3 → 0.
    expect(cellsOf(g, people.anna)).toEqual({
      [comp.empathy]: [4, 3, 'manager', 1],
      [comp.product]: [3, 3, 'manager', 0],
    });
    // Борис: empathy self 4 → 0; product: 360 hidden (2 raters) → self 2 → gap 1.
    expect(cellsOf(g, people.boris)).toEqual({
      [comp.empathy]: [4, 4, 'self', 0],
      [comp.product]: [3, 2, 'self', 1],
    });
    // Вера: empathy 360 mean (5 + 4 + 3) / 3 = 4 vs 5 → 1; product 4 vs 4 → 0; talks unassessed.
    expect(cellsOf(g, people.vera)).toEqual({
      [comp.empathy]: [5, 4, 'peer', 1],
      [comp.product]: [4, 4, 'manager', 0],
      [comp.talks]: [3, null, null, null],
    });
    expect(cellsOf(g, people.gleb)).toEqual({});
    // Empathy: 3 people, gaps 1, 0, 1 → mean 2/3 = 0.67, meeting 1 of 3.
    // Product: gaps 0, 1, 0 → 0.33, meeting 2 of 3. Talks: 1 person, none assessed → 0 of 1.
    // (Competencies in the order of their English names: Empathy, Negotiation, Product knowledge.)
    expect(g.summary).toEqual([
      { competencyId: comp.empathy, people: 3, assessed: 3, meanGap: 0.67, meetingShare: 0.3333 },
      { competencyId: comp.talks, people: 1, assessed: 0, meanGap: null, meetingShare: 0 },
      { competencyId: comp.product, people: 3, assessed: 3, meanGap: 0.33, meetingShare: 0.6667 },
    ]);
    // Pairs: 2 + 2 + 3 = 7; met: Анна product, Борис empathy, Вера product = 3 → 3/7 = 0.4286.
    expect([g.pairs, g.coverage]).toEqual([7, 0.4286]);
  });

  it("shows a manager's team (direct reports) and one person", async () => {
    const { api, comp, people } = team;
    const reports = (await api('GET', `/api/v1/competencies/gaps/reports/${people.vera}`)).json();
    // Дима: empathy manager 1 vs 4 → 3; product unassessed. Pairs 2, met 0.
    expect(reports.people.map((p: { name: string }) => p.name)).toEqual(['Дима']);
    expect(cellsOf(reports, people.dima)).toEqual({
      [comp.empathy]: [4, 1, 'manager', 3],
      [comp.product]: [3, null, null, null],
    });
    expect([reports.pairs, reports.coverage]).toEqual([2, 0]);
    const one = (await api('GET', `/api/v1/competencies/gaps?employeeId=${people.anna}`)).json();
    expect(one.people.map((p: { name: string }) => p.name)).toEqual(['Анна']);
    expect([one.pairs, one.coverage]).toEqual([2, 0.5]);
  });

  it('hides 360 answers below the anonymity threshold, shows them at it, never says who', async () => {
    const { api, users, comp, people } = team;
    const peersOf = async (person: string, as = api) => {
      const res = await as('GET', `/api/v1/employees/${person}/assessments`);
      expect(res.statusCode, res.body).toBe(200);
      for (const u of [users.p1, users.p2, users.p3]) expect(res.body).not.toContain(u.id);
      const body = res.json() as AssessmentsOut;
      return Object.fromEntries(body.peers.map((p) => [p.competencyId, p]));
    };
    // Борис's product: 2 raters < 3 → neither the levels nor the mean, to the admin too.
    expect((await peersOf(people.boris))[comp.product]).toEqual({
      competencyId: comp.product,
      raters: 2,
      shown: false,
      mean: null,
      levels: null,
    });
    // Вера's empathy: 3 raters → shown, sorted, without raters or times.
    expect((await peersOf(people.vera))[comp.empathy]).toMatchObject({
      raters: 3,
      shown: true,
      mean: 4,
      levels: [3, 4, 5],
    });
    // A third rater for Борис: 4, 4, 1 → shown, mean 3; his product is now the 360's 3 → gap 0.
    clock.advance(60_000);
    const third = await users.p3.as('POST', `/api/v1/employees/${people.boris}/assessments`, {
      kind: 'peer',
      levels: { [comp.product]: 1 },
    });
    expect(third.statusCode, third.body).toBe(201);
    expect((await peersOf(people.boris))[comp.product]).toMatchObject({
      mean: 3,
      levels: [1, 4, 4],
    });
    let g = (await api('GET', `/api/v1/competencies/gaps?employeeId=${people.boris}`)).json();
    expect(cellsOf(g, people.boris)[comp.product]).toEqual([3, 3, 'peer', 0]);
    // The same rater again counts once (their latest answer): still 3 raters, 4, 4, 2.
    clock.advance(60_000);
    await users.p3.as('POST', `/api/v1/employees/${people.boris}/assessments`, {
      kind: 'peer',
      levels: { [comp.product]: 2 },
    });
    expect((await peersOf(people.boris))[comp.product]).toMatchObject({
      raters: 3,
      levels: [2, 4, 4],
    });
    // The admin raises the threshold to 4: hidden again, everywhere (gaps fall back to self 2).
    const raised = await api('PUT', '/api/v1/competencies/settings', { anonymityThreshold: 4 });
    expect(raised.statusCode, raised.body).toBe(200);
    expect((await peersOf(people.boris))[comp.product]).toMatchObject({
      raters: 3,
      shown: false,
      mean: null,
      levels: null,
    });
    g = (await api('GET', `/api/v1/competencies/gaps?employeeId=${people.boris}`)).json();
    expect(cellsOf(g, people.boris)[comp.product]).toEqual([3, 2, 'self', 1]);
    expect((await peersOf(people.vera, users.boris.as))[comp.empathy]?.mean).toBeNull();
    await api('PUT', '/api/v1/competencies/settings', { anonymityThreshold: 3 });
    // The audit log of a 360 answer names nobody.
    const peerAudits = await t.deps.db
      .selectFrom('audit_log')
      .select(['target_id'])
      .where('org_id', '=', org.orgId)
      .where('action', '=', 'assessment.peer_recorded')
      .execute();
    expect(peerAudits.length).toBeGreaterThanOrEqual(7);
    expect(peerAudits.every((a) => a.target_id === null)).toBe(true);
  });

  it('lets only the linked user self-assess, managers assess, and refuses foreign competencies', async () => {
    const { api, users, comp, people } = team;
    const post = (as: typeof api, who: string, kind: string, levels: object) =>
      as('POST', `/api/v1/employees/${who}/assessments`, { kind, levels });
    expect(
      (await post(users.boris.as, people.anna, 'self', { [comp.empathy]: 5 })).statusCode,
    ).toBe(403);
    expect((await post(users.anna.as, people.anna, 'peer', { [comp.empathy]: 5 })).statusCode).toBe(
      403,
    );
    expect(
      (await post(users.p1.as, people.anna, 'manager', { [comp.empathy]: 5 })).statusCode,
    ).toBe(403);
    expect((await post(api, people.anna, 'self', { [comp.empathy]: 5 })).statusCode).toBe(403);
    const other = await createTestOrg(t.deps, 'Чужая');
    const foreign = await buildTeam(t, other, `${dialect}-x`);
    const before = (await api('GET', `/api/v1/employees/${people.anna}/assessments`)).json();
    const res = await post(api, people.anna, 'manager', {
      [comp.product]: 5,
      [foreign.comp.empathy]: 5,
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('not_found');
    expect((await api('GET', `/api/v1/employees/${people.anna}/assessments`)).json()).toEqual(
      before,
    );
    const model = await api('PUT', '/api/v1/competencies/models', {
      position: 'Оператор',
      levels: { [foreign.comp.empathy]: 3 },
    });
    expect(model.statusCode).toBe(404);
    expect((await post(api, people.anna, 'manager', { [comp.product]: 6 })).statusCode).toBe(400);
  });
});
