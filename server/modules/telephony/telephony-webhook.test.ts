// Calls reported by the telephony webhook, end to end through HTTP on both dialects: each call
// recorded once, and a missed call without a call-back shown (API, module, care inbox) once the
// per-organisation target has passed, until a call-back is logged.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ctxFor } from '../../context.ts';
import { fixedClock } from '../../lib/clock.ts';
import { missedCallsWithoutCallback } from './index.ts';
import {
  call,
  createTestApp,
  createTestOrg,
  type TestApp,
  type TestOrg,
} from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';

describe.each(testDialects())('telephony on %s', (dialect) => {
  let t: TestApp;
  let org: TestOrg;
  let other: TestOrg;
  const NOW = '2026-11-20T12:00:00Z';
  const clock = fixedClock(NOW);
  beforeAll(async () => {
    t = await createTestApp({ dialect, clock });
  });
  // Each test gets organisations of its own and the clock at NOW: no test leans on the calls,
  // settings or time another one left behind, so any of them runs alone or in any order.
  beforeEach(async () => {
    clock.set(NOW);
    org = await createTestOrg(t.deps, 'Ромашка');
    other = await createTestOrg(t.deps, 'Лютик');
  });
  afterAll(async () => t?.close());

  const webhook = (payload: object, key = org.apiKey) =>
    call(t.app, key, { method: 'POST', url: '/api/v1/calls', payload });
  const ctxOf = (o: TestOrg) =>
    ctxFor(t.deps, { type: 'system', id: null, orgId: o.orgId, role: 'admin' });
  const missed = async (key = org.apiKey) =>
    (await call(t.app, key, { method: 'GET', url: '/api/v1/calls/missed' })).json();

  it('records a webhook call once: the same externalId again answers 200 with the same record', async () => {
    const payload = {
      externalId: 'pbx-1',
      startedAt: '2026-11-20T10:00:00+03:00',
      direction: 'in',
      answered: true,
      waitSeconds: 3,
      durationSeconds: 40,
      phone: '8 912 345 67 89',
      employee: 'Анна',
    };
    const first = await webhook(payload);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      externalId: 'pbx-1',
      startedAt: '2026-11-20T07:00:00.000Z',
      answered: true,
      clientPhone: '+79123456789',
    });
    const second = await webhook({ ...payload, durationSeconds: 999 });
    expect(second.statusCode).toBe(200);
    expect(second.json()).toEqual(first.json());
    // Another organisation's identical id is its own call.
    expect((await webhook(payload, other.apiKey)).statusCode).toBe(201);
    expect(
      (
        await call(t.app, org.apiKey, { method: 'GET', url: `/api/v1/calls/${first.json().id}` })
      ).json().id,
    ).toBe(first.json().id);
    const bad = await webhook({ ...payload, externalId: 'pbx-2', phone: '12-34' });
    expect(bad.statusCode).toBe(400);
  });

  it('shows a missed call without a call-back once the target has passed, until a call-back is logged', async () => {
    const missedAt = '2026-11-20T11:50:00Z';
    await webhook({
      externalId: 'pbx-missed',
      startedAt: missedAt,
      direction: 'in',
      answered: false,
      waitSeconds: 40,
      phone: '+7 999 111-22-33',
    });
    expect((await missed()).items.map((c: { externalId: string }) => c.externalId)).not.toContain(
      'pbx-missed',
    );

    clock.set('2026-11-20T12:21:00Z'); // 31 minutes later
    const due = await missed();
    expect(due.targetMinutes).toBe(30);
    expect(due.items.map((c: { externalId: string }) => c.externalId)).toContain('pbx-missed');
    expect((await missed(other.apiKey)).items).toEqual([]);
    // The care inbox asks the module directly, with its own threshold.
    expect(
      (await missedCallsWithoutCallback(ctxOf(org), { olderThanMinutes: 30 })).map(
        (c) => c.external_id,
      ),
    ).toContain('pbx-missed');
    expect(
      (await missedCallsWithoutCallback(ctxOf(org), { olderThanMinutes: 60 })).map(
        (c) => c.external_id,
      ),
    ).not.toContain('pbx-missed');
    // …and the care inbox (GET /api/v1/reminders) lists it as a missed call to return.
    const reminders = (
      await call(t.app, org.apiKey, { method: 'GET', url: '/api/v1/reminders?days=14' })
    ).json().items;
    expect(
      reminders
        .filter((r: { kind: string }) => r.kind === 'missed_call')
        .map((r: { title: string }) => r.title),
    ).toContain('+79991112233');

    // A longer target hides it again; the setting is per organisation.
    expect(
      (
        await call(t.app, org.apiKey, {
          method: 'PUT',
          url: '/api/v1/calls/settings',
          payload: { callbackTargetMinutes: 45 },
        })
      ).json(),
    ).toEqual({ callbackTargetMinutes: 45 });
    expect((await missed()).items.map((c: { externalId: string }) => c.externalId)).not.toContain(
      'pbx-missed',
    );
    expect(
      (await call(t.app, other.apiKey, { method: 'GET', url: '/api/v1/calls/settings' })).json(),
    ).toEqual({ callbackTargetMinutes: 30 });
    await call(t.app, org.apiKey, {
      method: 'PUT',
      url: '/api/v1/calls/settings',
      payload: { callbackTargetMinutes: 30 },
    });

    await webhook({
      externalId: 'pbx-callback',
      startedAt: '2026-11-20T12:20:00Z',
      direction: 'out',
      answered: true,
      durationSeconds: 60,
      phone: '89991112233',
    });
    expect((await missed()).items.map((c: { externalId: string }) => c.externalId)).not.toContain(
      'pbx-missed',
    );
    const after = (
      await call(t.app, org.apiKey, { method: 'GET', url: '/api/v1/reminders?days=14' })
    ).json().items;
    expect(after.filter((r: { kind: string }) => r.kind === 'missed_call')).toEqual([]);
    const list = (
      await call(t.app, org.apiKey, { method: 'GET', url: '/api/v1/calls?missedOnly=true' })
    ).json();
    expect(
      list.items.find((c: { externalId: string }) => c.externalId === 'pbx-missed'),
    ).toMatchObject({ callbackAt: '2026-11-20T12:20:00.000Z' });
  });
});
