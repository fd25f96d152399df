// Issue 19: admins delete feedback records and cases; the rollups stay what a fresh count gives.
// Property: random records around Moscow's month boundaries, a random subset deleted — the score
// rollup equals rebuildScoreMonths' recount, row for row; a hand example; a deleted case leaves
// the case rollup equal to its rebuild; a client with records is refused (409), one without goes.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../../context.ts';
import { fixedClock } from '../../lib/clock.ts';
import { call, createTestApp, createTestOrg, type TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { rebuildCaseRollup } from '../cases/index.ts';
import { rebuildScoreGroups, rebuildScoreMonths } from './index.ts';

const EDGES = ['2026-01-31T21:00:00Z', '2026-02-28T21:00:00Z'].flatMap((b) =>
  [-60_000, 0, 60_000].map((d) => new Date(Date.parse(b) + d).toISOString()),
);
const recordArb = fc.record({
  stage: fc.constantFrom('альфа', 'бета'),
  score: fc.integer({ min: 0, max: 10 }),
  at: fc.constantFrom(...EDGES, '2026-03-15T10:00:00Z'),
  drop: fc.boolean(),
});

describe.each(testDialects())('deleting feedback and cases on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ dialect, clock: fixedClock('2026-06-01T00:00:00Z') });
  });
  afterAll(async () => t?.close());

  async function org() {
    const o = await createTestOrg(t.deps, 'Удаление');
    const api = (method: string, url: string, payload?: unknown) =>
      call(t.app, o.apiKey, { method: method as 'GET', url, payload: payload as object });
    await api('PATCH', '/api/v1/org', { timeZone: 'Europe/Moscow' });
    // Records of no client, of a client of segment A and of one of segment B (ADR 017's groups).
    const clients = [undefined];
    for (const segment of ['A', 'B'])
      clients.push((await api('POST', '/api/v1/clients', { name: segment, segment })).json().id);
    return { ...o, api, clients };
  }
  const groupRollup = async (orgId: string) =>
    t.deps.db
      .selectFrom('feedback_score_groups')
      .select(['segment', 'manager', 'month', 'stage', 'score_type', 'score_value', 'n'])
      .where('org_id', '=', orgId)
      .where('n', '<>', 0)
      .orderBy(['segment', 'manager', 'month', 'stage', 'score_type', 'score_value'])
      .execute();
  const rollup = async (orgId: string) =>
    t.deps.db
      .selectFrom('feedback_score_months')
      .select(['month', 'stage', 'score_type', 'score_value', 'n'])
      .where('org_id', '=', orgId)
      .where('n', '<>', 0)
      .orderBy(['month', 'stage', 'score_type', 'score_value'])
      .execute();

  it('keeps the score rollup equal to a fresh recount after any deletions', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(recordArb, { minLength: 1, maxLength: 8 }), async (records) => {
        const o = await org();
        const ids: string[] = [];
        for (const r of records) {
          const clientId = o.clients[ids.length % 3];
          const res = await o.api('POST', '/api/v1/feedback', {
            stage: r.stage,
            score: { type: 'nps', value: r.score },
            receivedAt: r.at,
            ...(clientId ? { clientId } : {}),
          });
          ids.push(res.json().id);
        }
        for (const [i, r] of records.entries())
          if (r.drop)
            expect((await o.api('DELETE', `/api/v1/feedback/${ids[i]}`)).statusCode).toBe(204);
        const kept = await rollup(o.orgId);
        const keptGroups = await groupRollup(o.orgId);
        await rebuildScoreMonths(systemCtx(t.deps, o.orgId));
        await rebuildScoreGroups(systemCtx(t.deps, o.orgId));
        expect(kept).toEqual(await rollup(o.orgId));
        expect(keptGroups).toEqual(await groupRollup(o.orgId));
      }),
      { numRuns: 6, seed: 19 },
    );
  });

  it('counts a hand example: three answers in Moscow February, one deleted', async () => {
    const o = await org();
    const post = async (value: number, at: string) =>
      (
        await o.api('POST', '/api/v1/feedback', {
          stage: 'альфа',
          score: { type: 'nps', value },
          receivedAt: at,
        })
      ).json().id as string;
    await post(10, '2026-01-31T21:00:00Z'); // 1 February 00:00 in Moscow
    const gone = await post(3, '2026-02-10T10:00:00Z');
    await post(3, '2026-02-11T10:00:00Z');
    expect((await o.api('DELETE', `/api/v1/feedback/${gone}`)).statusCode).toBe(204);
    expect((await o.api('GET', `/api/v1/feedback/${gone}`)).statusCode).toBe(404);
    expect(await rollup(o.orgId)).toEqual([
      { month: '2026-02', stage: 'альфа', score_type: 'nps', score_value: 3, n: 1 },
      { month: '2026-02', stage: 'альфа', score_type: 'nps', score_value: 10, n: 1 },
    ]);
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'target_id'])
      .where('org_id', '=', o.orgId)
      .where('action', '=', 'feedback.deleted')
      .execute();
    expect(audit).toEqual([{ action: 'feedback.deleted', target_id: gone }]);
  });

  it('deletes a case: the case rollup equals its rebuild and the record keeps no link', async () => {
    const o = await org();
    const ids: { feedback: string; case: string }[] = [];
    for (const [value, at] of [
      [1, '2026-02-03T10:00:00Z'],
      [2, '2026-03-03T10:00:00Z'],
    ] as const) {
      const res = await o.api('POST', '/api/v1/feedback', {
        stage: 'альфа',
        score: { type: 'nps', value },
        text: 'Плохо',
        receivedAt: at,
      });
      ids.push({ feedback: res.json().id, case: res.json().caseId });
    }
    await o.api('PATCH', `/api/v1/cases/${ids[0]!.case}`, { status: 'in_progress' });
    expect((await o.api('DELETE', `/api/v1/cases/${ids[0]!.case}`)).statusCode).toBe(204);
    expect((await o.api('GET', `/api/v1/cases/${ids[0]!.case}`)).statusCode).toBe(404);
    expect((await o.api('GET', `/api/v1/feedback/${ids[0]!.feedback}`)).json().caseId).toBeNull();
    const ops = '/api/v1/scorecard/operations?from=2026-01-01&to=2026-05-01';
    const kept = (await o.api('GET', ops)).json();
    const members = () =>
      t.deps.db
        .selectFrom('case_rollup_members')
        .select(['case_id', 'stage', 'period', 'metric', 'value'])
        .where('org_id', '=', o.orgId)
        .orderBy(['case_id', 'period', 'metric'])
        .execute();
    const before = await members();
    expect(before.every((m) => m.case_id === ids[1]!.case)).toBe(true);
    await rebuildCaseRollup(systemCtx(t.deps, o.orgId));
    expect(await members()).toEqual(before);
    expect((await o.api('GET', ops)).json()).toEqual(kept);
  });

  it('refuses to delete a client with records, deletes one without (its contacts erased)', async () => {
    const o = await org();
    const used = await o.api('POST', '/api/v1/feedback', {
      client: { externalId: 'c-1', name: 'ООО Занят' },
      score: { type: 'nps', value: 9 },
    });
    const clientId = (await o.api('GET', `/api/v1/feedback/${used.json().id}`)).json().clientId;
    const refused = await o.api('DELETE', `/api/v1/clients/${clientId}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('client_in_use');
    const free = (await o.api('POST', '/api/v1/clients', { name: 'ООО Свободен' })).json().id;
    const contact = (
      await o.api('POST', `/api/v1/clients/${free}/contacts`, { name: 'Пётр', email: 'p@x.ru' })
    ).json().id;
    expect((await o.api('DELETE', `/api/v1/clients/${free}`)).statusCode).toBe(204);
    expect((await o.api('GET', `/api/v1/clients/${free}`)).statusCode).toBe(404);
    expect((await o.api('GET', `/api/v1/contacts/${contact}`)).statusCode).toBe(404);
    const actions = (
      await t.deps.db
        .selectFrom('audit_log')
        .select('action')
        .where('org_id', '=', o.orgId)
        .where('action', 'in', ['contact.erased', 'client.deleted'])
        .execute()
    ).map((a) => a.action);
    expect(actions.sort()).toEqual(['client.deleted', 'contact.erased']);
  });
});
