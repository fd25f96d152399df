// Issue 20: an intake group's rollups — score months (ADR 013), score groups (ADR 017) and the
// report counts (ADR 020) — read the rollup's zone and the clients' groups once for the three,
// and write the report counts in one statement on PostgreSQL (one per table on SQLite). A
// hand-made group around Moscow's midnight of 1 April pins every row, added twice and taken
// out (sign -1) down to nothing; a counting plugin pins the statements.
import type { KyselyPlugin, RootOperationNode } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, createTestOrg, type TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import type { DbOrTrx, FeedbackTable } from '../../db/types.ts';
import { recordScoreMonths } from './score-months.ts';

/** Counts the statements run through it, and the reads of the clients table among them. */
function counter() {
  const seen = { statements: 0, clientReads: 0 };
  const plugin: KyselyPlugin = {
    transformQuery: ({ node }) => {
      if (node.kind === 'SelectQueryNode' && JSON.stringify(node).includes('"name":"clients"'))
        seen.clientReads++;
      return node as RootOperationNode;
    },
    transformResult: async ({ result }) => {
      seen.statements++;
      return result;
    },
  };
  return { seen, plugin };
}

const row = (r: {
  client: string | null;
  stage: string | null;
  channel: FeedbackTable['channel'];
  type: 'nps' | 'csat' | null;
  score: number | null;
  at: string;
}) => ({
  client_id: r.client,
  stage: r.stage,
  channel: r.channel,
  score_type: r.type,
  score_value: r.score,
  received_at: r.at,
});

describe.each(testDialects())('an intake group’s rollups on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ dialect });
  });
  afterAll(async () => t?.close());

  it('reads the zone and the clients once and counts every table by hand', async () => {
    const org = await createTestOrg(t.deps, 'Свёртки');
    const api = async (method: 'POST' | 'PATCH', url: string, payload: object) => {
      const res = await call(t.app, org.apiKey, { method, url, payload });
      expect(res.statusCode, res.body).toBeLessThan(300);
      return res.json();
    };
    await api('PATCH', '/api/v1/org', { timeZone: 'Europe/Moscow' });
    const a = (await api('POST', '/api/v1/clients', { name: 'А', segment: 'smb' })).id as string;
    const b = (await api('POST', '/api/v1/clients', { name: 'Б' })).id as string;
    // Moscow is UTC+3: 20:59Z on 31 March is 23:59 there, 21:00Z is 1 April 00:00.
    const group = [
      row({
        client: a,
        stage: 'onb',
        channel: 'api',
        type: 'nps',
        score: 9,
        at: '2026-03-31T20:59:00.000Z',
      }),
      row({
        client: a,
        stage: 'onb',
        channel: 'api',
        type: 'nps',
        score: 9,
        at: '2026-03-31T21:00:00.000Z',
      }),
      row({
        client: b,
        stage: null,
        channel: 'email',
        type: 'csat',
        score: 4,
        at: '2026-03-15T10:00:00.000Z',
      }),
      row({
        client: null,
        stage: 'onb',
        channel: 'api',
        type: 'nps',
        score: 9,
        at: '2026-03-31T20:00:00.000Z',
      }),
      row({
        client: a,
        stage: 'onb',
        channel: 'api',
        type: null,
        score: null,
        at: '2026-03-31T20:00:00.000Z',
      }),
    ];
    const s = { db: t.deps.db as DbOrTrx, orgId: org.orgId };
    await recordScoreMonths(s, group); // the first saves the zone
    const { seen, plugin } = counter();
    await recordScoreMonths({ ...s, db: t.deps.db.withPlugin(plugin) }, group);
    // The zone, the clients' groups, the report counts (one statement on PostgreSQL, a table
    // each on SQLite), the score months, the score groups.
    expect(seen).toEqual({ statements: dialect === 'postgres' ? 5 : 7, clientReads: 1 });

    const read = async (table: string, key: string[]) =>
      (
        (await t.deps.db
          .selectFrom(table as 'feedback_report_days')
          .selectAll()
          .where('org_id', '=', org.orgId)
          .execute()) as unknown as Record<string, string | number>[]
      )
        .map((r) => [...key.map((k) => r[k]), Number(r.n)].join(' '))
        .sort();
    const tail = ['utc_month', 'stage', 'channel', 'score_type', 'score_value'];
    const expectRows = async (k: number) => {
      expect(await read('feedback_report_months', ['month', ...tail])).toEqual(
        [
          `2026-03 2026-03  email csat 4 ${k}`,
          `2026-03 2026-03 onb api nps 9 ${2 * k}`,
          `2026-04 2026-03 onb api nps 9 ${k}`,
        ].filter(() => k),
      );
      expect(await read('feedback_report_segments', ['month', 'segment', ...tail])).toEqual(
        [
          `2026-03  2026-03  email csat 4 ${k}`,
          `2026-03  2026-03 onb api nps 9 ${k}`,
          `2026-03 smb 2026-03 onb api nps 9 ${k}`,
          `2026-04 smb 2026-03 onb api nps 9 ${k}`,
        ].filter(() => k),
      );
      expect(await read('feedback_report_days', ['day', ...tail])).toEqual(
        [
          `2026-03-15 2026-03  email csat 4 ${k}`,
          `2026-03-31 2026-03 onb api nps 9 ${2 * k}`,
          `2026-04-01 2026-03 onb api nps 9 ${k}`,
        ].filter(() => k),
      );
      expect(
        await read('feedback_score_months', ['month', 'stage', 'score_type', 'score_value']),
      ).toEqual([`2026-03 onb nps 9 ${2 * k}`, `2026-04 onb nps 9 ${k}`].filter(() => k));
      expect(
        await read('feedback_score_groups', [
          'segment',
          'manager',
          'month',
          'stage',
          'score_type',
          'score_value',
        ]),
      ).toEqual(
        [
          `  2026-03 onb nps 9 ${k}`,
          `smb  2026-03 onb nps 9 ${k}`,
          `smb  2026-04 onb nps 9 ${k}`,
        ].filter(() => k),
      );
    };
    await expectRows(2);
    await recordScoreMonths(s, group, -1);
    await expectRows(1);
    await recordScoreMonths(s, group, -1);
    await expectRows(0);
  });

  it('writes a large group whole: 41 day rows in chunks of 32, 8 and 1 on SQLite', async () => {
    const org = await createTestOrg(t.deps, 'Крупная группа');
    // One CSAT 5 a day for 41 days of 2026 (UTC organisation): 41 day rows, 2 month rows.
    const group = Array.from({ length: 41 }, (_, i) =>
      row({
        client: null,
        stage: null,
        channel: 'web',
        type: 'csat',
        score: 5,
        at: new Date(Date.UTC(2026, 0, 1 + i, 12)).toISOString(),
      }),
    );
    await recordScoreMonths({ db: t.deps.db as DbOrTrx, orgId: org.orgId }, group);
    const days = await t.deps.db
      .selectFrom('feedback_report_days')
      .select(['day', 'n'])
      .where('org_id', '=', org.orgId)
      .orderBy('day')
      .execute();
    expect(days.map((d) => `${d.day} ${Number(d.n)}`)).toEqual(
      Array.from(
        { length: 41 },
        (_, i) => `${new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10)} 1`,
      ),
    );
    const months = await t.deps.db
      .selectFrom('feedback_report_months')
      .select(['month', 'n'])
      .where('org_id', '=', org.orgId)
      .orderBy('month')
      .execute();
    expect(months.map((m) => `${m.month} ${Number(m.n)}`)).toEqual(['2026-01 31', '2026-02 10']);
  });
});
