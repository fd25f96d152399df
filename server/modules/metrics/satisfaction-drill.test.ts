// Issue 21: a dashboard bar drills down to exactly the records it counts. For random records —
// scores of every type (and none), stages and segments set or not, channels, clients or none,
// receipt times on UTC month boundaries — and random report windows, every group of every
// satisfaction report (all, by month, stage, segment, channel) gives a feedback-list filter
// (satisfactionDrill, the one the UI links with) whose records are exactly `responses` many,
// of the report's score type, and whose count endpoint says the same. Both dialects.
// With the dashboard's filters (random segment, the clients' manager, client, channel, stage)
// the report counts fewer records, and the drill-down, carrying them, lists exactly those.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, createTestOrg, type TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { fixedClock } from '../../lib/clock.ts';
import type { SatisfactionOut } from '../../../shared/api/metrics.ts';
import { satisfactionDrill } from '../../../shared/domain/satisfaction-drill.ts';

const BOUNDARIES = ['2026-02-01T00:00:00Z', '2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z'];
const EDGES = BOUNDARIES.flatMap((b) => [-1, 0, 1].map((d) => Date.parse(b) + d));
const FIRST = Date.parse('2026-01-10T00:00:00Z');
const LAST = Date.parse('2026-04-20T00:00:00Z');
const SCALE = { nps: [0, 10], csat: [1, 5], ces: [1, 7], custom: [0, 100] } as const;

const record = fc.record({
  type: fc.option(fc.constantFrom('nps', 'nps', 'csat', 'ces', 'custom'), { freq: 8 }),
  score: fc.nat(100),
  stage: fc.option(fc.constantFrom('доставка', 'склад'), { freq: 3 }),
  client: fc.option(fc.nat(3), { freq: 3 }),
  channel: fc.constantFrom('api', 'email', 'web'),
  // Most records sit on a month boundary or a millisecond either side.
  at: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...EDGES) },
    {
      weight: 1,
      arbitrary: fc.integer({ min: FIRST / 1000, max: LAST / 1000 }).map((s) => s * 1000),
    },
  ),
});
/** Mostly unset, so a run narrows by one or two filters and still counts something. */
const rarely = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: arb });
const filterArb = fc.record({
  segment: rarely(fc.constantFrom('крупные', 'малые')),
  manager: rarely(fc.constant(true)),
  client: rarely(fc.nat(3)),
  channel: rarely(fc.constantFrom('api', 'email', 'web')),
  stage: rarely(fc.constantFrom('доставка', 'склад')),
});
const windowArb = fc.record({
  from: fc.constantFrom('2026-01-15', '2026-02-01', '2026-02-01T00:00:00.001Z'),
  to: fc.constantFrom('2026-04-01', '2026-03-20T12:00:00Z', '2026-05-01'),
});

describe.each(testDialects())('dashboard drill-down on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ dialect, clock: fixedClock('2026-06-01T00:00:00Z') });
  });
  afterAll(async () => t?.close());

  it('lists exactly the records every chart group counts', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(record, { minLength: 8, maxLength: 30 }),
        windowArb,
        filterArb,
        async (records, window, filter) => {
          const org = await createTestOrg(t.deps, 'Дрилл');
          const get = async (url: string) => {
            const res = await call(t.app, org.apiKey, { method: 'GET', url });
            expect(res.statusCode, res.body).toBe(200);
            return res.json();
          };
          const post = async (url: string, payload: object) => {
            const res = await call(t.app, org.apiKey, { method: 'POST', url, payload });
            expect(res.statusCode, res.body).toBeLessThan(300);
            return res.json();
          };
          // Client 0 has no segment; 1 and 2 share one; 3 has another. Clients 1 and 3 have
          // the manager; 0 and 2 none.
          const manager = await post('/api/v1/users', {
            email: `m-${org.orgId}@example.com`,
            name: 'Менеджер',
            password: 'long-enough-1',
            role: 'manager',
          });
          const clients: string[] = [];
          for (const [i, segment] of [null, 'крупные', 'крупные', 'малые'].entries())
            clients.push(
              (
                await post('/api/v1/clients', {
                  name: 'К',
                  ...(segment ? { segment } : {}),
                  ...(i % 2 === 1 ? { managerId: manager.id } : {}),
                })
              ).id,
            );
          const filters = {
            ...(filter.segment ? { segment: filter.segment } : {}),
            ...(filter.manager ? { managerId: manager.id } : {}),
            ...(filter.client !== null ? { clientId: clients[filter.client]! } : {}),
            ...(filter.channel ? { channel: filter.channel } : {}),
            ...(filter.stage ? { stage: filter.stage } : {}),
          };
          for (const r of records) {
            const [min, max] = r.type ? SCALE[r.type as keyof typeof SCALE] : [0, 0];
            await post('/api/v1/feedback', {
              channel: r.channel,
              ...(r.type
                ? { score: { type: r.type, value: min + (r.score % (max - min + 1)) } }
                : {}),
              ...(r.type ? {} : { text: 'Без оценки' }),
              ...(r.stage ? { stage: r.stage } : {}),
              ...(r.client !== null ? { clientId: clients[r.client] } : {}),
              receivedAt: new Date(r.at).toISOString(),
            });
          }
          for (const metric of ['nps', 'csat', 'ces'] as const)
            for (const groupBy of [
              undefined,
              'month',
              'stage',
              'segment',
              'channel',
              'client',
            ] as const) {
              const qs = new URLSearchParams({
                metric,
                from: window.from,
                to: window.to,
                ...(groupBy ? { groupBy } : {}),
                ...filters,
              });
              const out: SatisfactionOut = await get(`/api/v1/metrics/satisfaction?${qs}`);
              // Records without a client are no client's: the list has no filter for them.
              for (const group of out.groups.filter(
                (g) => groupBy !== 'client' || g.key !== 'none',
              )) {
                const drill = satisfactionDrill(out, group.key);
                expect(drill).not.toBeNull();
                const filter = new URLSearchParams(drill as unknown as Record<string, string>);
                const { count } = await get(`/api/v1/feedback/count?${filter}`);
                const listed: { id: string; score: { type: string } }[] = [];
                let cursor: string | null = null;
                do {
                  const page: { items: typeof listed; nextCursor: string | null } = await get(
                    `/api/v1/feedback?${filter}&limit=7${cursor ? `&cursor=${cursor}` : ''}`,
                  );
                  listed.push(...page.items);
                  cursor = page.nextCursor;
                } while (cursor);
                const what = `${metric} by ${groupBy ?? 'all'}: ${group.key} ${qs}`;
                expect(listed.length, what).toBe(group.responses);
                expect(count, what).toBe(group.responses);
                expect(new Set(listed.map((f) => f.id)).size, what).toBe(listed.length);
                for (const f of listed) expect(f.score.type, what).toBe(metric);
              }
            }
        },
      ),
      { numRuns: Number(process.env.DRILL_PROPERTY_RUNS ?? 10) },
    );
  }, 180_000);

  it('says how many records a filter matches, and refuses a window that ends first', async () => {
    const org = await createTestOrg(t.deps, 'Счёт');
    const api = (method: 'GET' | 'POST', url: string, payload?: object) =>
      call(t.app, org.apiKey, { method, url, ...(payload ? { payload } : {}) });
    const client = (await api('POST', '/api/v1/clients', { name: 'К', segment: 'малые' })).json();
    // Two NPS answers of the segment in March, one without a client, one CSAT answer.
    for (const [value, at, withClient, type] of [
      [9, '2026-03-01T00:00:00Z', true, 'nps'],
      [3, '2026-03-31T23:59:59Z', true, 'nps'],
      [10, '2026-03-10T00:00:00Z', false, 'nps'],
      [5, '2026-03-10T00:00:00Z', true, 'csat'],
    ] as const)
      await api('POST', '/api/v1/feedback', {
        score: { type, value },
        receivedAt: at,
        ...(withClient ? { clientId: client.id } : {}),
      });
    const count = async (qs: string) =>
      (await api('GET', `/api/v1/feedback/count?${qs}`)).json().count;
    const march = 'from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z';
    expect(await count(`${march}&scoreType=nps&segment=${encodeURIComponent('малые')}`)).toBe(2);
    expect(await count(`${march}&scoreType=nps&noSegment=true`)).toBe(1);
    expect(await count(`${march}&scoreType=csat`)).toBe(1);
    expect(await count(`${march}&noStage=true`)).toBe(4);
    expect(await count('from=2026-03-01T00:00:00Z&to=2026-03-31T23:59:59Z&scoreType=nps')).toBe(2);
    // The end is exclusive: February's window ends where 1 March 00:00 begins.
    expect(await count('from=2026-02-01T00:00:00Z&to=2026-03-01T00:00:00Z')).toBe(0);
    const refused = await api(
      'GET',
      '/api/v1/feedback/count?from=2026-04-01T00:00:00Z&to=2026-03-01T00:00:00Z',
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.headers['content-type']).toContain('application/problem+json');
  });
});
