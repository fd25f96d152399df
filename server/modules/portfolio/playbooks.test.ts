// The care playbooks per cell (playbooks.ts), on both dialects, with the five clients of
// portfolio.test.ts. With the default weights the stored scores put D and E in high/medium
// (A medium/medium, B low/low, C medium/high); with all of attractiveness on the margin rate
// (plug-ins.test.ts) A and E are high/medium and D drops to medium/medium (margin percentile 37.5).
// So a playbook on high/medium reminds about D and E, then about A and E: D leaves the cell and
// stops getting the reminders at once, A joins and starts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../lib/clock.ts';
import {
  call,
  createTestApp,
  createTestOrg,
  type TestApp,
  type TestOrg,
} from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { seedFive, type Name } from './portfolio.fixtures.ts';

const DAY = 86_400_000;
const MARGIN_ONLY = {
  attractiveness: { revenue: 0, marginRate: 100, revenueGrowth: 0, strategicFit: 0 },
  relationship: { keyNps: 30, coverage: 20, tenure: 20, shareOfWallet: 15, paymentDiscipline: 15 },
};
const MEETING = { titleRu: 'Встреча с ЛПР', titleEn: 'Meet the decision maker', everyDays: 90 };
const NPS = { titleRu: 'Опрос NPS', titleEn: 'NPS survey', everyDays: 30 };

describe.each(testDialects())('cell playbooks in the care inbox on %s', (dialect) => {
  let t: TestApp;
  let org: TestOrg;
  let ids: Record<Name, string>;
  const clock = fixedClock('2026-11-15T09:00:00Z');
  const api = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    call(t.app, org.apiKey, { method, url, ...(payload ? { payload } : {}) });
  const nameOf = (id: string) => (Object.keys(ids) as Name[]).find((n) => ids[n] === id);
  /** The playbook reminders as "client: title", sorted. */
  const playbookReminders = async (lang: 'ru' | 'en' = 'en') => {
    const res = await api('GET', `/api/v1/reminders?lang=${lang}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as { kind: string; clientId: string; title: string }[])
      .filter((i) => i.kind === 'playbook_action')
      .map((i) => `${nameOf(i.clientId)}: ${i.title}`)
      .sort();
  };
  let meetingId: string;
  let npsId: string;

  beforeAll(async () => {
    t = await createTestApp({ dialect, clock });
    org = await createTestOrg(t.deps, 'Планы');
    ids = await seedFive(t, org);
  });
  afterAll(async () => t?.close());

  it('saves a playbook per cell; nine cells, empty until edited', async () => {
    const before = await api('GET', '/api/v1/portfolio/playbooks');
    expect(before.statusCode, before.body).toBe(200);
    expect(before.json().playbooks).toHaveLength(9);
    expect(before.json().playbooks.every((p: any) => p.actions.length === 0)).toBe(true);
    const put = await api('PUT', '/api/v1/portfolio/playbooks/high/medium', {
      actions: [MEETING, NPS],
    });
    expect(put.statusCode, put.body).toBe(200);
    const saved = put.json();
    expect(saved.actions.map((a: any) => [a.titleEn, a.everyDays])).toEqual([
      ['Meet the decision maker', 90],
      ['NPS survey', 30],
    ]);
    [meetingId, npsId] = saved.actions.map((a: any) => a.id);
    const after = (await api('GET', '/api/v1/portfolio/playbooks')).json().playbooks;
    const cell = after.find((p: any) => p.attractiveness === 'high' && p.relationship === 'medium');
    expect(cell.actions.map((a: any) => a.id)).toEqual([meetingId, npsId]);
    expect(after.filter((p: any) => p.actions.length > 0)).toHaveLength(1);
  });

  it('reminds nobody before the matrix has placed the clients', async () => {
    expect(await playbookReminders()).toEqual([]);
  });

  it("reminds about each action for the cell's clients (D and E) and none for others", async () => {
    expect((await api('POST', '/api/v1/portfolio/refresh')).statusCode).toBe(200);
    expect(await playbookReminders('en')).toEqual([
      'D: Meet the decision maker',
      'D: NPS survey',
      'E: Meet the decision maker',
      'E: NPS survey',
    ]);
    expect(await playbookReminders('ru')).toEqual([
      'D: Встреча с ЛПР',
      'D: Опрос NPS',
      'E: Встреча с ЛПР',
      'E: Опрос NPS',
    ]);
  });

  it('shows the playbook of its cell on the client card, with each state', async () => {
    const d = await api('GET', `/api/v1/portfolio/clients/${ids.D}/playbook`);
    expect(d.statusCode, d.body).toBe(200);
    expect(d.json().cell).toEqual({ attractiveness: 'high', relationship: 'medium' });
    expect(d.json().actions.map((a: any) => [a.titleEn, a.due, a.lastDoneAt, a.nextAt])).toEqual([
      ['Meet the decision maker', true, null, null],
      ['NPS survey', true, null, null],
    ]);
    const a = (await api('GET', `/api/v1/portfolio/clients/${ids.A}/playbook`)).json();
    expect(a).toEqual({ cell: { attractiveness: 'medium', relationship: 'medium' }, actions: [] });
  });

  it('a done action comes back everyDays later', async () => {
    const done = await api('POST', `/api/v1/portfolio/clients/${ids.D}/playbook/${meetingId}/done`);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({
      lastDoneAt: '2026-11-15T09:00:00.000Z',
      nextAt: '2027-02-13T09:00:00.000Z', // + 90 days
      due: false,
    });
    expect(await playbookReminders()).toEqual([
      'D: NPS survey',
      'E: Meet the decision maker',
      'E: NPS survey',
    ]);
    const card = (await api('GET', `/api/v1/portfolio/clients/${ids.D}/playbook`)).json();
    expect(card.actions.map((a: any) => a.due)).toEqual([false, true]);
    // One day short of 90: still done; on the 90th day it is due again.
    clock.advance(89 * DAY);
    expect(await playbookReminders()).not.toContain('D: Meet the decision maker');
    clock.advance(DAY);
    expect(await playbookReminders()).toContain('D: Meet the decision maker');
    clock.set('2026-11-15T09:00:00Z');
  });

  it('keeps the done marks of the actions sent back with their ids', async () => {
    const put = await api('PUT', '/api/v1/portfolio/playbooks/high/medium', {
      actions: [{ ...MEETING, id: meetingId, titleEn: 'Meet the DM' }, NPS],
    });
    expect(put.statusCode, put.body).toBe(200);
    const [kept, fresh] = put.json().actions;
    expect(kept.id).toBe(meetingId);
    expect(fresh.id).not.toBe(npsId);
    npsId = fresh.id;
    expect(await playbookReminders()).toEqual(['D: NPS survey', 'E: Meet the DM', 'E: NPS survey']);
  });

  it('a client leaving the cell stops getting them; one joining starts', async () => {
    const saved = await api('PUT', '/api/v1/portfolio/weights', MARGIN_ONLY);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(await playbookReminders()).toEqual([
      'A: Meet the DM',
      'A: NPS survey',
      'E: Meet the DM',
      'E: NPS survey',
    ]);
    const d = (await api('GET', `/api/v1/portfolio/clients/${ids.D}/playbook`)).json();
    expect(d).toEqual({ cell: { attractiveness: 'medium', relationship: 'medium' }, actions: [] });
  });

  it('answers bad playbooks with 422 invalid_playbook and unknown ids with 404', async () => {
    const bad = async (actions: object[]) => {
      const res = await api('PUT', '/api/v1/portfolio/playbooks/low/low', { actions });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe('invalid_playbook');
      return res.json().invalidParams.map((p: any) => p.name);
    };
    expect(await bad([{ ...NPS, everyDays: 0 }])).toEqual(['body.actions.0.everyDays']);
    expect(await bad([{ ...NPS, everyDays: 1.5 }])).toEqual(['body.actions.0.everyDays']);
    expect(await bad([NPS, { ...NPS, titleRu: '  ' }])).toEqual(['body.actions.1.titleRu']);
    expect(await bad(Array.from({ length: 21 }, () => NPS))).toEqual(['body.actions']);
    // An action of another cell is not this cell's: 404, nothing written.
    const foreign = await api('PUT', '/api/v1/portfolio/playbooks/low/low', {
      actions: [{ ...NPS, id: meetingId }],
    });
    expect(foreign.statusCode, foreign.body).toBe(404);
    const lowLow = (await api('GET', '/api/v1/portfolio/playbooks')).json().playbooks[0];
    expect(lowLow).toEqual({ attractiveness: 'low', relationship: 'low', actions: [] });
    const unknown = await api(
      'POST',
      `/api/v1/portfolio/clients/${ids.A}/playbook/00000000-0000-4000-8000-000000000000/done`,
    );
    expect(unknown.statusCode, unknown.body).toBe(404);
  });

  it('empties a playbook: its reminders go', async () => {
    const put = await api('PUT', '/api/v1/portfolio/playbooks/high/medium', { actions: [] });
    expect(put.statusCode, put.body).toBe(200);
    expect(await playbookReminders()).toEqual([]);
  });
});
