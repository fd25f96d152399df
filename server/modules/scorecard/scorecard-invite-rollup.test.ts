// Issue 16 / ADR 018: the response rate narrowed to a segment, a manager or both, read from the
// invitations counted per client group, gives what the scan of the invitations gives. Random
// histories — invitations sent around Moscow's month boundaries, answered, clients moved to
// another segment or manager, surveys moved to another stage, stages merged, contacts deleted,
// the time zone changed — then every filter and window must agree on both dialects, and a
// rebuild from the invitations must give the same counts. A hand-made example pins the counts.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx, type Ctx } from '../../context.ts';
import { fixedClock } from '../../lib/clock.ts';
import { surveyInvitePath } from '../../lib/public-urls.ts';
import { open as openSecret } from '../../lib/secret-box.ts';
import { call, createTestApp, createTestOrg, type TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { orgTimeZone } from '../orgs/index.ts';
import { inviteGroupsOf, rebuildInviteGroups, stageResponseRates } from '../surveys/index.ts';
import { periodsOf } from './periods.ts';

const STAGES = ['альфа', 'бета', 'гамма'];
/** Moscow month boundaries (21:00Z the day before) and a minute either side. */
const EDGES = ['2026-01-31T21:00:00Z', '2026-02-28T21:00:00Z', '2026-03-31T21:00:00Z'].flatMap(
  (b) => [-60_000, 0, 60_000].map((d) => Date.parse(b) + d),
);
const FIRST = Date.parse('2025-12-31T12:00:00Z');
const LAST = Date.parse('2026-04-30T12:00:00Z');
const at = fc.oneof(
  fc.constantFrom(...EDGES),
  fc.integer({ min: FIRST / 60_000, max: LAST / 60_000 }).map((m) => m * 60_000),
);
const op = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      t: fc.constant('invite' as const),
      survey: fc.nat(2),
      contacts: fc.uniqueArray(fc.nat(5), { minLength: 1, maxLength: 3 }),
      at,
    }),
  },
  { weight: 4, arbitrary: fc.record({ t: fc.constant('answer' as const), pick: fc.nat(50) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant('regroup' as const),
      client: fc.nat(5),
      segment: fc.constantFrom('A', 'B', null),
      manager: fc.constantFrom(0, 1, null),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      t: fc.constant('restage' as const),
      survey: fc.nat(2),
      stage: fc.option(fc.nat(2), { freq: 3 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ t: fc.constant('merge' as const), from: fc.nat(2), into: fc.nat(2) }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('delete' as const), contact: fc.nat(5) }) },
  { weight: 1, arbitrary: fc.constant({ t: 'zone' as const }) },
);
const WINDOWS = [
  { period: 'month' as const, from: '2026-01-01', to: '2026-05-01' },
  { period: 'quarter' as const, from: '2026-01-01', to: '2026-04-01' },
  { period: 'month' as const, from: '2026-03-01', to: '2026-04-01' },
];

describe.each(testDialects())('the invitation rollup per client group on %s', (dialect) => {
  let t: TestApp;
  const clock = fixedClock('2026-06-01T00:00:00Z');
  beforeAll(async () => {
    t = await createTestApp({ dialect, clock });
  });
  afterAll(async () => t?.close());

  /** A fresh organisation in Moscow: two managers, six clients with a contact each, 3 surveys. */
  async function world() {
    clock.set('2026-06-01T00:00:00Z');
    const org = await createTestOrg(t.deps, 'Приглашения');
    const api = async (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: object) => {
      const res = await call(t.app, org.apiKey, {
        method,
        url,
        ...(body ? { payload: body } : {}),
      });
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
      return res.body ? res.json() : undefined;
    };
    await api('PATCH', '/api/v1/org', { timeZone: 'Europe/Moscow' });
    for (const key of STAGES) await api('POST', '/api/v1/stages', { key });
    const admin = (await api('GET', '/api/v1/users')).items[0].id as string;
    const other = (
      await api('POST', '/api/v1/users', {
        email: `m${Date.now()}-${Math.random()}@example.com`,
        name: 'Менеджер',
        password: 'long-enough-pass',
      })
    ).id as string;
    const managers = [admin, other];
    const clients: string[] = [];
    const contacts: (string | null)[] = [];
    for (let i = 0; i < 6; i++) {
      const client = await api('POST', '/api/v1/clients', {
        name: `К${i}`,
        ...(i % 3 ? { segment: i % 2 ? 'A' : 'B' } : {}),
        ...(i % 2 ? { managerId: managers[i % 4 === 1 ? 0 : 1] } : {}),
      });
      clients.push(client.id);
      contacts.push(
        (await api('POST', `/api/v1/clients/${client.id}/contacts`, { name: `Л${i}` })).id,
      );
    }
    const surveys: string[] = [];
    for (let i = 0; i < 3; i++)
      surveys.push(
        (
          await api('POST', '/api/v1/surveys', {
            name: `О${i}`,
            metric: 'nps',
            ...(i < 2 ? { stage: STAGES[i] } : {}),
          })
        ).id,
      );
    const ctx = systemCtx(t.deps, org.orgId);
    return { api, ctx, managers, clients, contacts, surveys };
  }

  /** Answers an invitation as its contact would, on the public page. */
  async function answer(orgId: string, pick: number) {
    const open = await t.deps.db
      .selectFrom('survey_invites')
      .select('token_enc')
      .where('org_id', '=', orgId)
      .where('answered_at', 'is', null)
      .orderBy('id')
      .execute();
    if (open.length === 0) return;
    const res = await t.app.inject({
      method: 'POST',
      url: surveyInvitePath(
        await openSecret(t.deps, 'survey_invite', open[pick % open.length]!.token_enc!),
      ),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `score=${pick % 11}`,
    });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  }

  /** Every filter over every window: the rollup answers, and as the scan does. */
  async function bothPaths(ctx: Ctx, managers: string[]) {
    const timeZone = await orgTimeZone(ctx);
    const filters = [
      { segment: 'A' },
      { segment: 'B' },
      { segment: 'C' },
      { managerId: managers[0] },
      { managerId: managers[1] },
      { segment: 'A', managerId: managers[0] },
      { segment: 'B', managerId: managers[1], stage: STAGES[0] },
    ];
    for (const w of WINDOWS) {
      const { periods } = periodsOf(w, timeZone, clock.now(), 1);
      const bounds = [...periods.map((p) => p.from), periods.at(-1)!.to];
      const months = { timeZone, periods: periods.map((p) => p.months) };
      for (const f of filters) {
        const rolled = await stageResponseRates(ctx, { ...f, bounds, months });
        const scanned = await stageResponseRates(ctx, { ...f, bounds });
        expect(Object.fromEntries(rolled), JSON.stringify(f)).toEqual(Object.fromEntries(scanned));
        const q = { ...f, fromMonth: '2025-12', toMonth: '2026-12', timeZone };
        expect(await inviteGroupsOf(ctx, q)).not.toBeNull();
      }
    }
  }

  const groupRows = async (orgId: string) =>
    (
      await t.deps.db
        .selectFrom('survey_invite_groups')
        .select(['segment', 'manager', 'month', 'stage', 'sent', 'answered'])
        .where('org_id', '=', orgId)
        .execute()
    )
      .map((r) => JSON.stringify({ ...r, sent: Number(r.sent), answered: Number(r.answered) }))
      .sort();

  it('gives the response rates of the scan after regroups, restages, merges, deletions, zones', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 14 }), async (ops) => {
        const { api, ctx, managers, clients, contacts, surveys } = await world();
        let zone = 0;
        for (const o of ops) {
          if (o.t === 'invite') {
            const ids = o.contacts.map((c) => contacts[c]).filter((c): c is string => !!c);
            clock.set(new Date(o.at));
            if (ids.length)
              await api('POST', `/api/v1/surveys/${surveys[o.survey]}/invites`, {
                contactIds: ids,
              });
            clock.set('2026-06-01T00:00:00Z');
          } else if (o.t === 'answer') await answer(ctx.orgId, o.pick);
          else if (o.t === 'regroup')
            await api('PATCH', `/api/v1/clients/${clients[o.client]}`, {
              segment: o.segment,
              managerId: o.manager === null ? null : managers[o.manager],
            });
          else if (o.t === 'restage')
            await api('PATCH', `/api/v1/surveys/${surveys[o.survey]}`, {
              stage: o.stage === null ? null : STAGES[o.stage],
            });
          else if (o.t === 'merge' && o.from !== o.into) {
            const stages = (await api('GET', '/api/v1/stages')).items as {
              id: string;
              key: string;
            }[];
            const from = stages.find((s) => s.key === STAGES[o.from]);
            const into = stages.find((s) => s.key === STAGES[o.into]);
            if (from && into)
              await api('POST', `/api/v1/stages/${from.id}/merge`, { intoId: into.id });
          } else if (o.t === 'delete' && contacts[o.contact]) {
            await api('DELETE', `/api/v1/contacts/${contacts[o.contact]}`);
            contacts[o.contact] = null;
          } else if (o.t === 'zone') {
            // Half an hour off Moscow's boundaries, then back: every month is counted again.
            zone += 1;
            await api('PATCH', '/api/v1/org', {
              timeZone: zone % 2 ? 'Asia/Kolkata' : 'Europe/Moscow',
            });
          }
        }
        await bothPaths(ctx, managers);
        const kept = await groupRows(ctx.orgId);
        await t.deps.db
          .transaction()
          .execute((db) => rebuildInviteGroups({ db, orgId: ctx.orgId }));
        expect(await groupRows(ctx.orgId)).toEqual(kept);
      }),
      { numRuns: Number(process.env.ROLLUP_PROPERTY_RUNS ?? 6) },
    );
  });

  it('counts each invitation in its client group and month, and moves it with the client', async () => {
    const { api, ctx, managers, clients, contacts, surveys } = await world();
    // Contact 1: client of segment A, the admin's; contact 2: segment B, no manager.
    const invite = async (contact: number, when: number) => {
      clock.set(new Date(when));
      await api('POST', `/api/v1/surveys/${surveys[0]}/invites`, {
        contactIds: [contacts[contact]],
      });
      clock.set('2026-06-01T00:00:00Z');
    };
    await invite(1, EDGES[3]!); // 28 Feb 23:59 Moscow: February
    await invite(1, EDGES[4]!); // 1 Mar 00:00: March
    await invite(2, EDGES[5]!); // 1 Mar 00:01: March
    await invite(1, EDGES[5]!);
    await answer(ctx.orgId, 0); // the first (February) invitation of contact 1
    await answer(ctx.orgId, 0); // then the first open one left: contact 1's 00:00 March one
    const q = { fromMonth: '2026-02', toMonth: '2026-04', timeZone: 'Europe/Moscow' };
    const rows = async (f: { segment?: string; managerId?: string }) =>
      (await inviteGroupsOf(ctx, { ...q, ...f }))!
        .map((r) => [r.month, r.stage, r.sent, r.answered])
        .sort();
    expect(await rows({ segment: 'A' })).toEqual([
      ['2026-02', 'альфа', 1, 1],
      ['2026-03', 'альфа', 2, 1],
    ]);
    expect(await rows({ segment: 'B' })).toEqual([['2026-03', 'альфа', 1, 0]]);
    expect(await rows({ managerId: managers[0] })).toEqual(await rows({ segment: 'A' }));
    // Client 1 moves to segment B under the other manager: its three invitations go with it.
    await api('PATCH', `/api/v1/clients/${clients[1]}`, { segment: 'B', managerId: managers[1] });
    expect(await rows({ segment: 'A' })).toEqual([]);
    expect(await rows({ segment: 'B' })).toEqual([
      ['2026-02', 'альфа', 1, 1],
      ['2026-03', 'альфа', 3, 1],
    ]);
    expect(await rows({ managerId: managers[1] })).toEqual([
      ['2026-02', 'альфа', 1, 1],
      ['2026-03', 'альфа', 2, 1],
    ]);
    expect(await inviteGroupsOf(ctx, { ...q, timeZone: 'UTC', segment: 'B' })).toBeNull();
    await bothPaths(ctx, managers);
  });
});
