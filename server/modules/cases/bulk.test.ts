// Bulk actions on cases (issue 21): assign, resolve with a code (the clients told only when
// chosen), tag; all or nothing — a case of another organisation, or one the status machine
// refuses, and nothing is written; each case gets its own events and audit entry. Both dialects.
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { call, createTestApp, createTestOrg, type TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { fixedClock } from '../../lib/clock.ts';

describe.each(testDialects())('bulk actions on cases on %s', (dialect) => {
  let t: TestApp;
  afterEach(async () => t?.close());

  async function setup() {
    t = await createTestApp({ dialect, clock: fixedClock('2026-11-02T09:00:00.000Z') });
    const org = await createTestOrg(t.deps, 'Ромашка');
    const api = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
      call(t.app, org.apiKey, { method, url, ...(payload ? { payload } : {}) });
    const client = (await api('POST', '/api/v1/clients', { name: 'ООО Альфа' })).json();
    const contact = (
      await api('POST', `/api/v1/clients/${client.id}/contacts`, {
        name: 'Ирина',
        email: 'irina@alfa.example.ru',
      })
    ).json();
    const open = async (title: string) =>
      (
        await api('POST', '/api/v1/cases', { title, clientId: client.id, contactId: contact.id })
      ).json().id as string;
    const bulk = (payload: object) => api('POST', '/api/v1/cases/bulk', payload);
    const get = async (id: string) => (await api('GET', `/api/v1/cases/${id}`)).json();
    const kinds = async (id: string) =>
      (await api('GET', `/api/v1/cases/${id}/events`))
        .json()
        .items.map((e: { kind: string }) => e.kind);
    const closings = async (id: string) =>
      (await api('GET', `/api/v1/messages?caseId=${id}`))
        .json()
        .items.filter((m: { kind: string }) => m.kind === 'closing').length;
    const audits = async (action: string) => {
      const { rows } = await sql<{ n: number }>`select count(*) as n from audit_log
        where org_id = ${org.orgId} and action = ${action}`.execute(t.deps.db);
      return Number(rows[0]!.n);
    };
    return { org, api, open, bulk, get, kinds, closings, audits };
  }

  it('assigns, resolves with a code without telling the clients, tags; each case its events', async () => {
    const { api, open, bulk, get, kinds, closings, audits } = await setup();
    const maria = (
      await api('POST', '/api/v1/users', {
        email: 'maria@romashka.example.ru',
        name: 'Мария',
        password: 'long-enough-pass',
        role: 'manager',
      })
    ).json();
    const ids = [await open('Первое'), await open('Второе'), await open('Третье')];
    const untouched = await open('Не выбрано');

    const assigned = await bulk({ action: 'assign', ids, ownerId: maria.id });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json().items.map((c: { ownerId: string }) => c.ownerId)).toEqual([
      maria.id,
      maria.id,
      maria.id,
    ]);
    for (const id of ids) expect(await kinds(id)).toContain('assigned');
    expect((await get(untouched)).ownerId).toBeNull();

    const tagged = await bulk({ action: 'tag', ids: ids.slice(0, 2), tag: '  Доставка ' });
    expect(tagged.json().items.map((c: { tags: string[] }) => c.tags)).toEqual([
      ['доставка'],
      ['доставка'],
    ]);
    expect(await kinds(ids[0]!)).toContain('tagged');
    const byTag = (await api('GET', '/api/v1/cases?tag=ДОСТАВКА')).json().items;
    expect(byTag.map((c: { id: string }) => c.id).sort()).toEqual(ids.slice(0, 2).sort());
    const badTag = await bulk({ action: 'tag', ids, tag: 'нельзя%' });
    expect([badTag.statusCode, badTag.json().code]).toEqual([422, 'invalid_tag']);

    const resolvedAudits = await audits('case.updated');
    const resolved = await bulk({
      action: 'resolve',
      ids: ids.slice(0, 2),
      resolutionCode: 'fixed',
      note: 'Поменяли курьерскую службу',
    });
    expect(resolved.statusCode, resolved.body).toBe(200);
    for (const id of ids.slice(0, 2)) {
      expect(await get(id)).toMatchObject({
        status: 'resolved',
        resolutionCode: 'fixed',
        resolution: 'Поменяли курьерскую службу',
      });
      expect(await kinds(id)).toEqual(expect.arrayContaining(['status', 'resolution_code']));
      expect(await closings(id)).toBe(0); // the clients were not told
    }
    expect(await audits('case.updated')).toBe(resolvedAudits + 2);
    expect(await audits('cases.bulk')).toBe(3);

    // Chosen: the client gets the closing message, in words of the code when there is no note.
    const told = await bulk({
      action: 'resolve',
      ids: [ids[2]],
      resolutionCode: 'explained',
      notifyClients: true,
    });
    expect(told.statusCode, told.body).toBe(200);
    expect(await closings(ids[2]!)).toBe(1);
    const { rows } = await sql<{ body_text: string }>`select body_text from messages
      where case_id = ${ids[2]} and kind = 'closing'`.execute(t.deps.db);
    expect(rows[0]!.body_text).toContain('Объяснили / консультация');
  });

  it('writes nothing when one id is not a case of the organisation, or one case is refused', async () => {
    const { org, open, bulk, get, kinds } = await setup();
    const ids = [await open('Первое'), await open('Второе')];
    const b = await createTestOrg(t.deps, 'Бета');
    const bCase = (
      await call(t.app, b.apiKey, {
        method: 'POST',
        url: '/api/v1/cases',
        payload: { title: 'Чужое' },
      })
    ).json().id as string;

    for (const action of [
      { action: 'resolve', resolutionCode: 'fixed' },
      { action: 'tag', tag: 'срочно' },
      { action: 'assign', ownerId: null },
    ]) {
      const foreign = await bulk({ ...action, ids: [...ids, bCase] });
      expect([foreign.statusCode, foreign.json().code], action.action).toEqual([404, 'not_found']);
      expect(foreign.body).not.toContain(bCase);
    }
    for (const id of ids) {
      expect(await get(id)).toMatchObject({ status: 'new', tags: [], resolutionCode: null });
      expect(await kinds(id)).toEqual(['opened']);
    }
    // B's case is untouched too.
    const bView = await call(t.app, b.apiKey, { method: 'GET', url: `/api/v1/cases/${bCase}` });
    expect(bView.json()).toMatchObject({ status: 'new', tags: [] });

    // One closed case in the batch: the status machine refuses it, and the other is not resolved.
    await call(t.app, org.apiKey, {
      method: 'PATCH',
      url: `/api/v1/cases/${ids[1]}`,
      payload: { status: 'resolved', resolutionCode: 'fixed' },
    });
    await call(t.app, org.apiKey, {
      method: 'PATCH',
      url: `/api/v1/cases/${ids[1]}`,
      payload: { status: 'closed' },
    });
    const refused = await bulk({ action: 'resolve', ids, resolutionCode: 'duplicate' });
    expect([refused.statusCode, refused.json().code]).toEqual([409, 'invalid_transition']);
    expect((await get(ids[0]!)).status).toBe('new');

    const tooMany = await bulk({
      action: 'tag',
      tag: 'x',
      ids: Array.from({ length: 201 }, () => ids[0]),
    });
    expect(tooMany.statusCode).toBe(400);

    const viewer = (
      await call(t.app, org.apiKey, {
        method: 'POST',
        url: '/api/v1/api-keys',
        payload: { name: 'v', role: 'viewer' },
      })
    ).json();
    const denied = await call(t.app, viewer.secret, {
      method: 'POST',
      url: '/api/v1/cases/bulk',
      payload: { action: 'tag', ids, tag: 'нет' },
    });
    expect(denied.statusCode).toBe(403);
    expect((await get(ids[0]!)).tags).toEqual([]);
  });
});
