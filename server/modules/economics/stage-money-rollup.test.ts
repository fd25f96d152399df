// The stage-money rollup (ADR 014) gives exactly what the scan of the transactions gives. Random
// histories — sales and refunds of random stages (or none), due and paid or not, documents
// re-sent with other values or another client, deleted, sent in batches; clients moved to another
// segment or manager; stages merged — then the scorecard's transactional layer read from the
// rollup must equal scanStageEconomics (the figures before the rollup) for random windows by
// month or quarter, stage, segment and manager filters and `today`; and a rebuild from the
// transactions must give the same group rows.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestOrg, type TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { systemCtx } from '../../context.ts';
import { findClient, patchClientRecord } from '../clients/index.ts';
import { economicsApp } from './economics.fixtures.ts';
import { periodStart } from './periods.ts';
import { scanStageEconomics, stageEconomics } from './stage-figures.ts';
import { rebuildStageMoney } from './stage-rollup.service.ts';

const FIRST = 2025 * 12 + 9; // 2025-10: documents dated over 15 months
const STAGES = ['a', 'b', 'c', null] as const;
const pad = (n: number) => String(n).padStart(2, '0');
const dateOf = (month: number, day: number) =>
  `${periodStart(month, 'month').slice(0, 8)}${pad(day)}`;
const plus = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const doc = fc.record({
  doc: fc.nat(14),
  client: fc.nat(5),
  refund: fc.boolean(),
  month: fc.nat(14),
  day: fc.integer({ min: 1, max: 28 }),
  amount: fc.integer({ min: 1, max: 900 }),
  stage: fc.constantFrom(...STAGES),
  due: fc.option(fc.nat(45)),
  paid: fc.option(fc.nat(45)),
});
type Doc = typeof doc extends fc.Arbitrary<infer T> ? T : never;
const op = fc.oneof(
  { weight: 6, arbitrary: doc.map((d) => ({ t: 'put' as const, d })) },
  {
    weight: 2,
    arbitrary: fc
      .array(doc, { minLength: 1, maxLength: 6 })
      .map((ds) => ({ t: 'batch' as const, ds })),
  },
  { weight: 1, arbitrary: fc.nat(14).map((n) => ({ t: 'delete' as const, n })) },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('regroup' as const),
      client: fc.nat(5),
      segment: fc.constantFrom('A', 'B', null),
      manager: fc.constantFrom(0, 1, null),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ t: fc.constant('merge' as const), from: fc.nat(2), into: fc.nat(2) }),
  },
);
const query = fc.record({
  quarter: fc.boolean(),
  start: fc.integer({ min: -4, max: 15 }),
  length: fc.integer({ min: 1, max: 14 }),
  stage: fc.option(fc.constantFrom('a', 'b', 'c', 'zz')),
  segment: fc.option(fc.constantFrom('A', 'B', 'C')),
  manager: fc.option(fc.constantFrom(0, 1)),
  today: fc.integer({ min: -2, max: 20 }),
});
type Query = typeof query extends fc.Arbitrary<infer T> ? T : never;

/** The scorecard's bounds for a generated window (quarters start on a quarter). */
function boundsOf(q: Query, managers: string[]) {
  const span = q.quarter ? 3 : 1;
  const first = Math.floor((FIRST + q.start) / span) * span;
  const count = q.quarter ? Math.ceil(q.length / 3) : q.length;
  const days = Array.from({ length: count + 1 }, (_, i) => periodStart(first + i * span, 'month'));
  return {
    bounds: days,
    next: periodStart(first + (count + 1) * span, 'month'),
    today: dateOf(FIRST + q.today, 15),
    ...(q.stage ? { stage: q.stage } : {}),
    ...(q.segment ? { segment: q.segment } : {}),
    ...(q.manager !== null ? { managerId: managers[q.manager]! } : {}),
  };
}

const plain = (m: Map<string, unknown>) => Object.fromEntries([...m].sort());

describe.each(testDialects())('stage-money rollup on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await economicsApp(dialect);
  });
  afterAll(async () => t?.close());

  /** A fresh organisation with two managers and six clients; runs the operations. */
  async function play(ops: readonly unknown[]) {
    const org = await createTestOrg(t.deps, 'Свёртка');
    const api = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
      call(t.app, org.apiKey, { method, url, ...(payload ? { payload } : {}) });
    const admin = (await api('GET', '/api/v1/users')).json().items[0].id as string;
    const other = (
      await api('POST', '/api/v1/users', {
        email: `m${Date.now()}@example.com`,
        name: 'Менеджер',
        password: 'long-enough-pass',
      })
    ).json().id as string;
    const managers = [admin, other];
    const clients: string[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await api('POST', '/api/v1/clients', {
        name: `К${i}`,
        ...(i % 3 ? { segment: i % 2 ? 'A' : 'B' } : {}),
        ...(i % 2 ? { managerId: managers[i % 4 === 1 ? 0 : 1] } : {}),
      });
      clients.push(res.json().id);
    }
    const ids = new Map<number, string>();
    const item = (d: Doc) => {
      const date = dateOf(FIRST + d.month, d.day);
      const sale = !d.refund;
      return {
        externalId: `D-${d.doc}`,
        clientId: clients[d.client],
        kind: sale ? 'sale' : 'refund',
        date,
        amount: sale ? d.amount : 1,
        ...(d.stage ? { stage: d.stage } : {}),
        ...(sale && d.due !== null ? { dueDate: plus(date, d.due) } : {}),
        ...(sale && d.paid !== null ? { paidAt: plus(date, d.paid) } : {}),
      };
    };
    for (const o of ops as { t: string; [k: string]: any }[]) {
      if (o.t === 'put') {
        const res = await api('POST', '/api/v1/transactions', item(o.d));
        expect([200, 201, 422], res.body).toContain(res.statusCode);
        if (res.statusCode < 300) ids.set(o.d.doc, res.json().id);
      } else if (o.t === 'batch') {
        const res = await api('POST', '/api/v1/transactions/batch', { items: o.ds.map(item) });
        expect(res.statusCode, res.body).toBe(200);
        for (const [i, r] of res.json().results.entries())
          if (r.status !== 'error') ids.set(o.ds[i].doc, r.id);
      } else if (o.t === 'delete' && ids.has(o.n)) {
        const res = await api('DELETE', `/api/v1/transactions/${ids.get(o.n)}`);
        expect([204, 404], res.body).toContain(res.statusCode);
      } else if (o.t === 'regroup') {
        const res = await api('PATCH', `/api/v1/clients/${clients[o.client]}`, {
          segment: o.segment,
          managerId: o.manager === null ? null : managers[o.manager],
        });
        expect(res.statusCode, res.body).toBe(200);
      } else if (o.t === 'merge' && o.from !== o.into) {
        const stages = (await api('GET', '/api/v1/stages')).json().items as {
          id: string;
          key: string;
        }[];
        const from = stages.find((s) => s.key === STAGES[o.from]);
        const into = stages.find((s) => s.key === STAGES[o.into]);
        if (from && into) {
          const res = await api('POST', `/api/v1/stages/${from.id}/merge`, { intoId: into.id });
          expect(res.statusCode, res.body).toBe(200);
        }
      }
    }
    return { org, managers, clients, api, ctx: systemCtx(t.deps, org.orgId) };
  }

  const groups = (orgId: string) =>
    t.deps.db
      .selectFrom('economics_stage_groups')
      .selectAll()
      .where('org_id', '=', orgId)
      .execute()
      .then((rows) =>
        rows
          .map(({ org_id: _o, ...r }) => Object.values(r).map(String).join('|'))
          .filter((r) => !/(\|0){6}$/.test(r))
          .sort(),
      );

  it('equals the scan of the transactions for random histories, windows and filters', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(op, { minLength: 5, maxLength: 40 }),
        fc.array(query, { minLength: 6, maxLength: 6 }),
        async (ops, queries) => {
          const { org, managers, ctx } = await play(ops);
          for (const q of queries) {
            const b = boundsOf(q, managers);
            expect(plain(await stageEconomics(ctx, b)), JSON.stringify(b)).toEqual(
              plain(await scanStageEconomics(ctx, b)),
            );
          }
          const kept = await groups(org.orgId);
          await t.deps.db
            .transaction()
            .execute((db) => rebuildStageMoney({ db, orgId: org.orgId }));
          expect(await groups(org.orgId)).toEqual(kept);
        },
      ),
      { numRuns: dialect === 'sqlite' ? 25 : 12, seed: 20261204 },
    );
  }, 300_000);

  it('counts a worked example by hand', async () => {
    // K0 (no segment, no manager) buys «a» in January 2026: 100 due 2026-01-20 paid 2026-01-18,
    // and 50; returns 20. K1 (segment A, manager 0) buys «a» in January (30) and, with no stage,
    // in February (5). Today is 2026-03-15, so February has ended. January «a»: revenue
    // 100 + 50 − 20 + 30 = 160, documents 4, paying 2, due 1, on time 1, retained 1 (only K1
    // bought in February). With segment A: revenue 30, documents 1, paying 1, due 0, retained 1.
    // February «a»: nothing of «a» (the February sale has no stage) → the default cell, and the
    // retention of February stays null (March has not ended).
    const { ctx, clients, api, managers } = await play([]);
    const put = async (externalId: string, clientId: string, rest: object) =>
      expect(
        (await api('POST', '/api/v1/transactions', { externalId, clientId, ...rest })).statusCode,
      ).toBe(201);
    await put('W1', clients[0]!, {
      kind: 'sale',
      date: '2026-01-05',
      amount: 100,
      stage: 'a',
      dueDate: '2026-01-20',
      paidAt: '2026-01-18',
    });
    await put('W2', clients[0]!, { kind: 'sale', date: '2026-01-25', amount: 50, stage: 'a' });
    await put('W3', clients[0]!, { kind: 'refund', date: '2026-01-26', amount: 20, stage: 'a' });
    await put('W4', clients[1]!, { kind: 'sale', date: '2026-01-10', amount: 30, stage: 'a' });
    await put('W5', clients[1]!, { kind: 'sale', date: '2026-02-10', amount: 5 });
    const q = {
      bounds: ['2026-01-01', '2026-02-01', '2026-03-01'],
      next: '2026-04-01',
      today: '2026-03-15',
    };
    const empty = {
      revenueMinor: 0,
      documents: 0,
      payingClients: 0,
      due: 0,
      onTime: 0,
      retained: null,
    };
    expect((await stageEconomics(ctx, q)).get('a')).toEqual([
      { revenueMinor: 16000, documents: 4, payingClients: 2, due: 1, onTime: 1, retained: 1 },
      empty,
    ]);
    expect(
      (await stageEconomics(ctx, { ...q, segment: 'A', managerId: managers[0] })).get('a'),
    ).toEqual([
      { revenueMinor: 3000, documents: 1, payingClients: 1, due: 0, onTime: 0, retained: 1 },
      empty,
    ]);
    // K1 leaves segment A: its part leaves the filtered figures, the whole stays.
    await api('PATCH', `/api/v1/clients/${clients[1]}`, { segment: 'B' });
    expect((await stageEconomics(ctx, { ...q, segment: 'A' })).get('a')).toBeUndefined();
    expect((await stageEconomics(ctx, q)).get('a')![0]!.revenueMinor).toBe(16000);
    // The import's path back to segment A (patchClientRecord) brings its part back.
    const row = (await findClient(ctx, clients[1]!))!;
    await t.deps.db
      .transaction()
      .execute((db) => patchClientRecord({ ...ctx, db }, row, { segment: 'A' }));
    expect((await stageEconomics(ctx, { ...q, segment: 'A' })).get('a')![0]!.revenueMinor).toBe(
      3000,
    );
  });
});
