// GET /api/v1/scorecard/records against a hand-made example of every kind of row, on both
// dialects (docs/scorecard.md "Drill-down"); the example is scorecard-drill-example.fixtures.ts.
import { describe, expect, it } from 'vitest';
import { call, createTestOrg } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import type { DrillRowOut, ScorecardOut } from '../../../shared/api/scorecard-layers.ts';
import { drillExample } from './scorecard-drill-example.fixtures.ts';
import { drillAll } from './scorecard-drill.fixtures.ts';

const enc = encodeURIComponent;
const DELIVERY = enc('доставка');
const STORE = enc('склад');
const METRICS = [
  'nps',
  'csat',
  'ces',
  'response_rate',
  'revenue',
  'arppu',
  'on_time_share',
  'retention',
  'cases.ack_minutes',
  'cases.resolve_minutes',
  'cases.reopen_rate',
  'cases.sla_breach_share',
  'cases.backlog',
  'calls.answered_share',
  'calls.missed_share',
  'calls.avg_wait_seconds',
  'calls.callback_within_target_share',
  'kpi:on_time_delivery',
  'enps',
];

describe.each(testDialects())('the scorecard drill-down on %s', (dialect) => {
  const { get, caseRefs, managerId, ok, testApp } = drillExample(dialect);

  const rows = async (stage: string, metric: string, period: string, extra = '', limit = 100) =>
    drillAll(
      get,
      `/api/v1/scorecard/records?stage=${stage}&metric=${metric}&period=${period}${extra}`,
      limit,
    );
  const pick = (items: DrillRowOut[], ...keys: (keyof DrillRowOut)[]) =>
    items.map((i) => Object.fromEntries(keys.map((k) => [k, i[k]])));

  it('lists the NPS answers a value counts, newest first, page by page, and narrows them', async () => {
    const all = await rows(DELIVERY, 'nps', '2026-03', '', 3);
    expect(all.first).toMatchObject({
      kind: 'feedback',
      metric: 'nps',
      period: '2026-03',
      total: 4,
    });
    expect(all.pages).toBe(2);
    expect(pick(all.items, 'clientName', 'value', 'label', 'text')).toEqual([
      { clientName: 'ООО A', value: 10, label: 'promoter', text: 'Спасибо' },
      { clientName: 'ООО C', value: 2, label: 'detractor', text: null },
      { clientName: 'ООО B', value: 9, label: 'promoter', text: null },
      { clientName: 'ООО A', value: 9, label: 'promoter', text: null },
    ]);
    expect(all.items[0]!.at).toBe('2026-03-31T20:30:00.000Z');
    expect(all.items[0]!.ref).toMatch(/^CL-/);
    const byManager = await rows(DELIVERY, 'nps', '2026-03', `&managerId=${managerId()}`);
    expect(pick(byManager.items, 'clientName', 'value')).toEqual([
      { clientName: 'ООО A', value: 10 },
      { clientName: 'ООО A', value: 9 },
    ]);
    const wholesale = await rows(DELIVERY, 'nps', '2026-03', `&segment=${enc('опт')}`);
    expect(wholesale.items.map((i) => i.value)).toEqual([10, 9, 9]);
    // The drill link the scorecard gives leads to the same rows as its n.
    const card: ScorecardOut = (
      await get(`/api/v1/scorecard?from=2026-03-01&to=2026-04-01&stage=${DELIVERY}`)
    ).json();
    const nps = card.stages[0]!.layers.satisfaction.find((m) => m.metric === 'nps')!;
    expect(nps).toMatchObject({ value: 50, n: 4 });
    expect((await drillAll(get, nps.drill!)).items).toEqual(all.items);
  });

  it('lists CSAT answers by the instant in Moscow and the invitations behind the response rate', async () => {
    const csat = await rows(DELIVERY, 'csat', '2026-03');
    expect(pick(csat.items, 'clientName', 'value', 'label', 'at')).toEqual([
      { clientName: 'ООО A', value: 4, label: 'satisfied', at: '2026-03-06T09:00:00.000Z' },
      { clientName: 'ООО B', value: 5, label: 'satisfied', at: '2026-02-28T22:00:00.000Z' },
    ]);
    const invites = await rows(DELIVERY, 'response_rate', '2026-03');
    expect(invites.first).toMatchObject({ kind: 'invites', total: 2 });
    expect(
      pick(invites.items, 'clientName', 'label', 'value', 'text').sort((a, b) =>
        String(a.clientName).localeCompare(String(b.clientName)),
      ),
    ).toEqual([
      { clientName: 'ООО A', label: 'answered', value: 1, text: 'После доставки' },
      { clientName: 'ООО B', label: 'not_answered', value: 0, text: 'После доставки' },
    ]);
  });

  it('lists the documents behind revenue and ARPPU, the sales due behind the on-time share and the clients behind retention', async () => {
    for (const metric of ['revenue', 'arppu']) {
      const docs = await rows(DELIVERY, metric, '2026-02', '', 2);
      expect(docs.first).toMatchObject({ kind: 'transactions', total: 3 });
      expect(pick(docs.items, 'ref', 'at', 'value', 'label', 'clientName')).toEqual([
        { ref: 'doc-5', at: '2026-02-07', value: -50, label: 'refund', clientName: 'ООО C' },
        { ref: 'doc-4', at: '2026-02-05', value: 200, label: 'sale', clientName: 'ООО B' },
        { ref: 'doc-3', at: '2026-02-03', value: 300, label: 'sale', clientName: 'ООО A' },
      ]);
    }
    const due = await rows(DELIVERY, 'on_time_share', '2026-02');
    expect(pick(due.items, 'ref', 'at', 'label')).toEqual([
      { ref: 'doc-4', at: '2026-02-20', label: 'late' },
      { ref: 'doc-3', at: '2026-02-10', label: 'on_time' },
    ]);
    expect(pick((await rows(DELIVERY, 'on_time_share', '2026-03')).items, 'ref', 'label')).toEqual([
      { ref: 'doc-6', label: 'unpaid' },
    ]);
    const kept = await rows(DELIVERY, 'retention', '2026-02', '', 1);
    expect(kept.first).toMatchObject({ kind: 'clients', total: 2 });
    expect(pick(kept.items, 'clientName', 'at', 'label', 'value')).toEqual([
      { clientName: 'ООО B', at: '2026-02-05', label: 'lost', value: 0 },
      { clientName: 'ООО A', at: '2026-02-03', label: 'retained', value: 1 },
    ]);
    // April has not ended: March's retention is not measured, so nothing stands behind it.
    const march = await rows(DELIVERY, 'retention', '2026-03');
    expect(march.first).toMatchObject({ total: 0, items: [], nextCursor: null });
  });

  it('lists the cases each case metric counts, with minutes, outcomes and the status at the end', async () => {
    const of = async (metric: string) => {
      const r = await rows(STORE, metric, '2026-03', '', 2);
      expect(r.first.kind).toBe('cases');
      expect(r.first.total).toBe(r.items.length);
      return r.items.map((i) => [i.ref, i.value, i.label]);
    };
    const { K1, K2, K3 } = caseRefs;
    expect(await of('cases.ack_minutes')).toEqual([
      [K2, 60, 'responded'],
      [K1, 30, 'responded'],
    ]);
    expect(await of('cases.resolve_minutes')).toEqual([[K1, 1440, 'resolved']]);
    expect(await of('cases.reopen_rate')).toEqual([
      [K2, 1, 'reopened'],
      [K1, 0, 'stayed_resolved'],
    ]);
    expect(await of('cases.sla_breach_share')).toEqual([
      [K3, 1, 'breached'],
      [K2, 1, 'breached'],
      [K1, 0, 'met'],
    ]);
    expect(await of('cases.backlog')).toEqual([
      [K3, null, 'new'],
      [K2, null, 'in_progress'],
    ]);
    // The same cases stand behind the scorecard's values.
    const card: ScorecardOut = (
      await get(`/api/v1/scorecard?from=2026-03-01&to=2026-04-01&stage=${STORE}`)
    ).json();
    const op = (k: string) => card.stages[0]!.layers.operational.find((m) => m.metric === k)!;
    expect([op('cases.ack_minutes'), op('cases.reopen_rate'), op('cases.backlog')]).toMatchObject([
      { value: 45, n: 2 },
      { value: 0.5, n: 2 },
      { value: 2, n: 2 },
    ]);
  });

  it('lists the calls with what each gave every phone metric', async () => {
    const of = async (metric: string) =>
      pick((await rows(STORE, metric, '2026-03')).items, 'text', 'value', 'label');
    expect(await of('calls.answered_share')).toEqual([
      { text: 'Оператор c3', value: 1, label: 'answered' },
      { text: 'Оператор c2', value: 0, label: 'not_answered' },
      { text: 'Оператор c1', value: 1, label: 'answered' },
    ]);
    expect((await of('calls.missed_share')).map((r) => r.label)).toEqual([
      'outbound',
      'missed',
      'answered',
    ]);
    expect((await of('calls.avg_wait_seconds')).map((r) => r.value)).toEqual([null, 60, 30]);
    expect(await of('calls.callback_within_target_share')).toEqual([
      { text: 'Оператор c3', value: null, label: 'outbound' },
      { text: 'Оператор c2', value: 1, label: 'within_target' },
      { text: 'Оператор c1', value: null, label: 'answered' },
    ]);
    expect((await rows(STORE, 'calls.answered_share', '2026-02')).first.total).toBe(0);
  });

  it("lists a KPI's monthly values, a month or a quarter", async () => {
    const march = await rows(STORE, 'kpi:on_time_delivery', '2026-03');
    expect(march.first).toMatchObject({ kind: 'kpi_values', total: 1 });
    expect(pick(march.items, 'at', 'ref', 'value')).toEqual([
      { at: '2026-03-01', ref: 'on_time_delivery', value: 91 },
    ]);
    const quarter = await rows(STORE, 'kpi:on_time_delivery', '2026-Q1', '', 1);
    expect(quarter.items.map((i) => i.value)).toEqual([91, 97]);
  });

  it('gives eNPS as counts per score of a shown team, and only the number of answers of a hidden one', async () => {
    const shown = await rows(STORE, 'enps', '2026-03', '', 4);
    expect(shown.first).toMatchObject({ kind: 'enps_counts', total: 5 });
    expect(shown.items.map((i) => [i.value, i.count, i.label])).toEqual([
      [10, 2, 'promoter'],
      [9, 1, 'promoter'],
      [8, 1, 'passive'],
      [7, 0, 'passive'],
      [6, 0, 'detractor'],
      [5, 0, 'detractor'],
      [4, 0, 'detractor'],
      [3, 1, 'detractor'],
      [2, 0, 'detractor'],
      [1, 0, 'detractor'],
      [0, 0, 'detractor'],
    ]);
    for (const i of shown.items) expect(i).toMatchObject({ at: null, clientId: null, text: null });
    const hidden = await rows(DELIVERY, 'enps', '2026-03');
    expect(hidden.first).toMatchObject({ total: 3, items: [], nextCursor: null });
  });

  it('refuses an unknown stage, metric, KPI, period, manager or cursor, and viewers', async () => {
    const status = async (query: string) => {
      const res = await get(`/api/v1/scorecard/records?${query}`);
      return [res.statusCode, res.json().invalidParams?.[0]?.name];
    };
    expect(await status('stage=nowhere&metric=nps&period=2026-03')).toEqual([404, 'query.stage']);
    for (const metric of ['nope', 'kpi:nope', 'kpi:', 'cases.nope'])
      expect(await status(`stage=${STORE}&metric=${metric}&period=2026-03`)).toEqual([
        422,
        'query.metric',
      ]);
    for (const period of ['2026-13', '2026-Q5', 'март', '2026-3', '0999-01'])
      expect(await status(`stage=${STORE}&metric=nps&period=${enc(period)}`)).toEqual([
        422,
        'query.period',
      ]);
    const nobody = '01a206ea-dd6a-7001-8c1b-5f588a061bc6';
    expect(await status(`stage=${STORE}&metric=nps&period=2026-03&managerId=${nobody}`)).toEqual([
      404,
      'query.managerId',
    ]);
    expect(await status(`stage=${STORE}&metric=nps&period=2026-03&cursor=bm9wZQ`)).toEqual([
      400,
      'query.cursor',
    ]);
    const viewer = await ok('POST', '/api/v1/api-keys', { name: 'v', role: 'viewer' });
    const asViewer = await call(testApp().app, viewer.secret, {
      method: 'GET',
      url: `/api/v1/scorecard/records?stage=${STORE}&metric=nps&period=2026-03`,
    });
    expect(asViewer.statusCode).toBe(403);
  });

  it("gives another organisation nothing of this one's rows by stage key, KPI key or manager", async () => {
    const t = testApp();
    const other = await createTestOrg(t.deps, 'Другая');
    const asOther = (url: string) => call(t.app, other.apiKey, { method: 'GET', url });
    const link = (stage: string, metric: string, period: string) =>
      `/api/v1/scorecard/records?stage=${stage}&metric=${enc(metric)}&period=${period}`;
    // The same stage keys do not exist there yet: 404, as for any unknown stage.
    expect((await asOther(link(DELIVERY, 'nps', '2026-03'))).statusCode).toBe(404);
    for (const key of ['доставка', 'склад'])
      expect(
        (
          await call(t.app, other.apiKey, {
            method: 'POST',
            url: '/api/v1/stages',
            payload: { key },
          })
        ).statusCode,
      ).toBe(201);
    // What this organisation's drill-downs show, every id and reference of it, must not appear.
    const needles = new Set<string>([managerId(), ...Object.values(caseRefs)]);
    let own = 0;
    for (const stage of [DELIVERY, STORE])
      for (const metric of METRICS)
        for (const period of ['2026-02', '2026-03', '2026-Q1']) {
          const mine = await rows(stage, metric, period);
          own += mine.first.total;
          for (const i of mine.items)
            for (const v of [i.id, i.ref, i.clientId]) if (v && v.length > 8) needles.add(v);
          const res = await asOther(link(stage, metric, period));
          const label = `${stage} ${metric} ${period}`;
          if (metric.startsWith('kpi:')) expect(res.statusCode, label).toBe(422);
          else expect(res.json(), label).toMatchObject({ total: 0, items: [], nextCursor: null });
          for (const n of needles) expect(res.body, label).not.toContain(n);
        }
    expect(own).toBeGreaterThan(40);
    // This organisation's manager names no one there.
    const res = await asOther(`${link(DELIVERY, 'nps', '2026-03')}&managerId=${managerId()}`);
    expect([res.statusCode, res.json().invalidParams[0].name]).toEqual([404, 'query.managerId']);
    expect(res.body).not.toContain('ООО');
  });
});
