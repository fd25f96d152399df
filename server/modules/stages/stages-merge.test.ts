// Stages on first sight and the merge of two stages. Every write path that sets a stage adds an
// unknown key to the registry in its own transaction (set-based: one query for a group whose keys
// are known); a merge rewrites the key on every table that has a `stage` column — found by
// introspection, so a new table without a subscriber fails here — in one transaction.
import type { KyselyPlugin } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { call, createTestApp, createTestOrg, type TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { ensureStageKeys, stagesMerged } from './index.ts';

// A subscriber that fails a merge into «сбой», after the modules' own subscribers have run.
stagesMerged.subscribe('test.failing', async (_s, e) => {
  if (e.intoKey === 'сбой') throw new Error('subscriber failed');
});

describe.each(testDialects())('stages on first sight and merged on %s', (dialect) => {
  let t: TestApp;
  afterEach(async () => t?.close());

  async function setup() {
    t = await createTestApp({ dialect });
    const org = await createTestOrg(t.deps, 'Ромашка');
    const api = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
      call(t.app, org.apiKey, { method, url, ...(payload ? { payload } : {}) });
    return { org, api };
  }

  /** Tables with a `stage` column, by introspection. */
  async function stageTables(): Promise<string[]> {
    const tables = await t.deps.db.introspection.getTables();
    return tables
      .filter((x) => !t.testDb.pgSchema || x.schema === t.testDb.pgSchema)
      .filter((x) => x.columns.some((c) => c.name === 'stage'))
      .map((x) => x.name)
      .sort();
  }

  async function countByStage(table: string, orgId: string, stage: string): Promise<number> {
    const row = await t.deps.db
      .selectFrom(table as 'feedback')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_id', '=', orgId)
      .where('stage', '=', stage)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  let contactSeq = 0;
  /** One record with `stage` through each write path that sets one. */
  async function writeEverywhere(api: Awaited<ReturnType<typeof setup>>['api'], stage: string) {
    const ok = <R extends { statusCode: number; body: string }>(res: R) => {
      expect(res.statusCode, res.body).toBeLessThan(300);
      return res;
    };
    const client = ok(await api('POST', '/api/v1/clients', { name: 'ООО Альфа' })).json();
    ok(await api('POST', '/api/v1/feedback', { stage, score: { type: 'nps', value: 9 } }));
    ok(
      await api('POST', '/api/v1/feedback/batch', {
        items: [
          { stage, text: 'Всё хорошо' },
          { stage: 'склад', text: 'Нормально' },
          { stage: 'склад', text: 'Нормально' },
        ],
      }),
    );
    ok(await api('POST', '/api/v1/cases', { title: 'Звонок клиента', stage }));
    ok(
      await api('POST', '/api/v1/calls', {
        externalId: `pbx-${stage}`,
        startedAt: '2026-11-20T10:00:00+03:00',
        direction: 'in',
        answered: true,
        waitSeconds: 3,
        durationSeconds: 40,
        stage,
      }),
    );
    ok(
      await api('POST', '/api/v1/transactions', {
        externalId: `doc-${stage}`,
        clientId: client.id,
        kind: 'sale',
        date: '2026-11-20',
        amount: 1000,
        stage,
      }),
    );
    ok(
      await api('POST', `/api/v1/clients/${client.id}/requirements`, {
        category: 'delivery',
        text: 'Только до 17:00',
        stage,
      }),
    );
    const survey = ok(
      await api('POST', '/api/v1/surveys', { name: 'После доставки', metric: 'nps', stage }),
    ).json();
    // An invitation counts in the survey's stage × client group (migration 0043).
    const contact = ok(
      await api('POST', `/api/v1/clients/${client.id}/contacts`, {
        name: 'Анна',
        email: `anna-${++contactSeq}@alfa.example.ru`,
      }),
    ).json();
    ok(await api('POST', `/api/v1/surveys/${survey.id}/invites`, { contactIds: [contact.id] }));
    // A process KPI's value names an existing stage (it never creates one).
    ok(await api('PUT', '/api/v1/kpis/delivery.on_time', { name: 'Вовремя', direction: 'up' }));
    ok(
      await api('PUT', '/api/v1/kpis/delivery.on_time/values', {
        values: [{ stage, period: '2026-11', value: 90 }],
      }),
    );
    // An improvement initiative names an existing stage too (issue 18).
    ok(await api('POST', '/api/v1/initiatives', { title: 'Курьеры вовремя', stage }));
  }

  it('adds an unknown key on every write path, once', async () => {
    const { api } = await setup();
    await writeEverywhere(api, 'курьер');
    const items = (await api('GET', '/api/v1/stages')).json().items;
    expect(items.map((s: { key: string; nameRu: string }) => [s.key, s.nameRu])).toEqual([
      ['курьер', 'курьер'],
      ['склад', 'склад'],
    ]);
  });

  it('checks a whole set of keys with one query, and inserts the new ones with one more', async () => {
    const { org } = await setup();
    let stageQueries = 0;
    const counter: KyselyPlugin = {
      transformQuery: (args) => {
        if (JSON.stringify(args.node).includes('"stages"')) stageQueries += 1;
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const db = t.deps.db.withPlugin(counter);
    const scope = { db, orgId: org.orgId, clock: t.deps.clock };
    const keys = Array.from({ length: 500 }, (_, i) => `этап ${i % 50}`);
    await ensureStageKeys(scope, keys);
    expect(stageQueries).toBe(3); // known keys, the last position, one multi-row insert
    stageQueries = 0;
    await ensureStageKeys(scope, [...keys, null, undefined, '']);
    expect(stageQueries).toBe(1);
    const stored = await t.deps.db
      .selectFrom('stages')
      .select(['key', 'position'])
      .where('org_id', '=', org.orgId)
      .orderBy('position')
      .execute();
    expect(stored).toHaveLength(50);
    expect(stored.map((s) => s.position)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it('merges two stages: no record on any table keeps the old key', async () => {
    const { org, api } = await setup();
    await writeEverywhere(api, 'курьер');
    const into = (
      await api('POST', '/api/v1/stages', { key: 'доставка', nameEn: 'Delivery' })
    ).json();
    const other = await createTestOrg(t.deps, 'Другая');
    // Another organisation's records with the same key are not touched.
    await call(t.app, other.apiKey, {
      method: 'POST',
      url: '/api/v1/feedback',
      payload: { stage: 'курьер', text: 'Чужой отзыв' },
    });
    const tables = await stageTables();
    expect(tables).toEqual(
      [
        // Telephony's call rollup (migration 0036, ADR 016).
        'call_rollups',
        'calls',
        'cases',
        // The scorecard's case rollup (migration 0034, ADR 015).
        'case_rollup_figures',
        'case_rollup_members',
        // The scorecard's stage-money rollup (migration 0035, ADR 014).
        'economics_stage_groups',
        'economics_stage_members',
        'feedback',
        // The scorecard's rollup of scores per stage × month (migration 0027) and its split by
        // client group (migration 0037).
        'feedback_score_groups',
        'feedback_score_months',
        // The satisfaction report's counts per zone month, by segment, per day (0048, ADR 020).
        'feedback_report_days',
        'feedback_report_months',
        'feedback_report_segments',
        // Improvement initiatives (migration 0031).
        'initiatives',
        'kpi_values',
        'requirements',
        // Invitations sent and answered per stage × client group (migration 0043, ADR 018).
        'survey_invite_groups',
        'surveys',
        'transactions',
      ].sort(),
    );
    const before: Record<string, number> = {};
    for (const table of tables) {
      before[table] = await countByStage(table, org.orgId, 'курьер');
      expect(before[table], `${table} has a row with the key`).toBeGreaterThan(0);
    }
    const stages = (await api('GET', '/api/v1/stages')).json().items;
    const from = stages.find((s: { key: string }) => s.key === 'курьер');

    const self = await api('POST', `/api/v1/stages/${from.id}/merge`, { intoId: from.id });
    expect(self.statusCode).toBe(422);
    const theirStage = (
      await call(t.app, other.apiKey, { method: 'GET', url: '/api/v1/stages' })
    ).json().items[0];
    const foreign = await api('POST', `/api/v1/stages/${from.id}/merge`, {
      intoId: theirStage.id,
    });
    expect(foreign.statusCode).toBe(404);

    // A failing subscriber rolls the whole merge back.
    const failing = (await api('POST', '/api/v1/stages', { key: 'сбой' })).json();
    const failed = await api('POST', `/api/v1/stages/${from.id}/merge`, { intoId: failing.id });
    expect(failed.statusCode).toBe(500);
    for (const table of tables)
      expect(await countByStage(table, org.orgId, 'курьер')).toBe(before[table]);

    const merged = await api('POST', `/api/v1/stages/${from.id}/merge`, { intoId: into.id });
    expect(merged.statusCode).toBe(200);
    expect(merged.json()).toMatchObject({ id: into.id, key: 'доставка', nameEn: 'Delivery' });
    for (const table of tables) {
      expect(await countByStage(table, org.orgId, 'курьер'), table).toBe(0);
      expect(await countByStage(table, org.orgId, 'доставка'), table).toBe(before[table]);
    }
    expect(await countByStage('feedback', other.orgId, 'курьер')).toBe(1);
    expect((await api('GET', `/api/v1/stages/${from.id}`)).statusCode).toBe(404);
    const keys = (await api('GET', '/api/v1/stages'))
      .json()
      .items.map((s: { key: string }) => s.key);
    expect(keys).not.toContain('курьер');
    const audit = (await api('GET', '/api/v1/audit?limit=20')).json().items;
    expect(audit.find((a: { action: string }) => a.action === 'stage.merged')).toMatchObject({
      targetType: 'stage',
      targetId: into.id,
    });
  });

  it('refuses to delete a stage records still carry (409), deletes an unused one', async () => {
    const { api } = await setup();
    await writeEverywhere(api, 'курьер');
    const items = (await api('GET', '/api/v1/stages')).json().items;
    const used = items.find((s: { key: string }) => s.key === 'склад');
    const refused = await api('DELETE', `/api/v1/stages/${used.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('stage_in_use');
    const unused = (await api('POST', '/api/v1/stages', { key: 'пусто' })).json();
    expect((await api('DELETE', `/api/v1/stages/${unused.id}`)).statusCode).toBe(204);
    expect((await api('GET', `/api/v1/stages/${used.id}`)).statusCode).toBe(200);
  });
});
