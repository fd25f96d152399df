// The audit log (issue 19): sign-ins (failed too), role changes, key creation and revocation, an
// admin's 2FA reset and list exports are recorded with the caller's address and user agent; the
// list filters by action, actor and UTC days; it exports through the list-export mechanism.
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { call, createTestApp, createTestOrg, type TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { fixedClock } from '../../lib/clock.ts';
import { cookieOf } from './orgs.fixtures.ts';
import { codeAt } from './totp.ts';

const UA = { 'user-agent': 'AuditTest/1.0' };

describe.each(testDialects())('audit log on %s', (dialect) => {
  let t: TestApp;
  afterEach(async () => t?.close());

  it('records sign-ins, failed ones, keys and exports with address and user agent; filters and exports', async () => {
    const clock = fixedClock('2026-06-01T09:00:00Z');
    t = await createTestApp({ dialect, clock });
    const org = await createTestOrg(t.deps);
    const login = (password: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '198.51.100.7',
        headers: UA,
        payload: { email: org.adminEmail, password },
      });
    expect((await login('wrong-password')).statusCode).toBe(401);
    clock.set('2026-06-02T09:00:00Z');
    expect((await login(org.adminPassword)).statusCode).toBe(200);
    const key = await call(t.app, org.apiKey, {
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: UA,
      payload: { name: 'k', role: 'viewer' },
    });
    clock.set('2026-06-03T09:00:00Z');
    await call(t.app, org.apiKey, {
      method: 'DELETE',
      url: `/api/v1/api-keys/${key.json().id}`,
      headers: UA,
    });
    const exported = await call(t.app, org.apiKey, {
      method: 'GET',
      url: '/api/v1/clients/export?format=csv&lang=en',
      headers: UA,
    });
    expect(exported.statusCode).toBe(200);

    const all = await call(t.app, org.apiKey, { method: 'GET', url: '/api/v1/audit' });
    const byAction = new Map<string, Record<string, unknown>>(
      all.json().items.map((a: { action: string }) => [a.action, a]),
    );
    expect(byAction.get('auth.login_failed')).toMatchObject({
      ip: '198.51.100.7',
      userAgent: 'AuditTest/1.0',
      createdAt: '2026-06-01T09:00:00.000Z',
    });
    expect(byAction.get('auth.login')).toMatchObject({
      ip: '198.51.100.7',
      userAgent: 'AuditTest/1.0',
    });
    expect(byAction.get('api_key.created')).toMatchObject({
      userAgent: 'AuditTest/1.0',
      details: { role: 'viewer', scopes: ['read'], expiresAt: null },
    });
    expect(byAction.get('api_key.revoked')).toMatchObject({ targetId: key.json().id });
    expect(byAction.get('list.exported')).toMatchObject({
      actorType: 'api_key',
      details: { list: 'clients', format: 'csv', rows: 0 },
    });

    // Filters: one action; one UTC day (to included); an actor.
    const failed = await call(t.app, org.apiKey, {
      method: 'GET',
      url: '/api/v1/audit?action=auth.login_failed',
    });
    expect(failed.json().items.map((a: { action: string }) => a.action)).toEqual([
      'auth.login_failed',
    ]);
    const day2 = await call(t.app, org.apiKey, {
      method: 'GET',
      url: '/api/v1/audit?from=2026-06-02&to=2026-06-02',
    });
    expect(
      day2
        .json()
        .items.map((a: { action: string }) => a.action)
        .sort(),
    ).toEqual(['api_key.created', 'auth.login']);
    const adminId = byAction.get('auth.login')!.actorId as string;
    const byActor = await call(t.app, org.apiKey, {
      method: 'GET',
      url: `/api/v1/audit?actor=${adminId}`,
    });
    expect(byActor.json().items.map((a: { action: string }) => a.action)).toEqual(['auth.login']);
    // Another organisation naming this organisation's actor gets the 404 an actor that exists
    // nowhere gets (SECURITY.md: ids in query strings are scoped), in the list and its export.
    const other = await createTestOrg(t.deps, 'other');
    for (const [url, actor] of [
      ['/api/v1/audit', adminId],
      ['/api/v1/audit/export?format=csv', adminId],
      ['/api/v1/audit', '01a206ea-dd6a-7001-8c1b-5f588a061bc6'],
    ] as const) {
      const foreign = await call(t.app, other.apiKey, {
        method: 'GET',
        url: `${url}${url.includes('?') ? '&' : '?'}actor=${actor}`,
      });
      expect([foreign.statusCode, foreign.json().code], url).toEqual([404, 'not_found']);
      expect(foreign.json().invalidParams[0].name).toBe('query.actor');
      expect(foreign.body).not.toContain(adminId);
    }
    const actions = await call(t.app, org.apiKey, { method: 'GET', url: '/api/v1/audit/actions' });
    expect(actions.json().items).toContain('list.exported');
    const bad = await call(t.app, org.apiKey, { method: 'GET', url: '/api/v1/audit?from=june' });
    expect(bad.statusCode).toBe(400);

    // Export: the filtered log as CSV and XLSX, and the export is itself audited.
    const csv = await call(t.app, org.apiKey, {
      method: 'GET',
      url: '/api/v1/audit/export?format=csv&lang=en&action=auth.login_failed',
    });
    expect(csv.statusCode).toBe(200);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe(
      'Time (UTC),Action,Actor type,Actor ID,Target type,Target ID,IP address,User agent,Details,ID',
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('auth.login_failed');
    expect(lines[1]).toContain('198.51.100.7');
    const xlsx = await call(t.app, org.apiKey, {
      method: 'GET',
      url: '/api/v1/audit/export?format=xlsx&lang=ru&from=2026-06-02&to=2026-06-02',
    });
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Журнал аудита')!;
    expect(sheet.getRow(1).getCell(2).value).toBe('Действие');
    const actions2 = [2, 3].map((r) => String(sheet.getRow(r).getCell(2).value)).sort();
    expect(actions2).toEqual(['api_key.created', 'auth.login']);
    expect(sheet.rowCount).toBe(3);
    const exports = await call(t.app, org.apiKey, {
      method: 'GET',
      url: '/api/v1/audit?action=list.exported',
    });
    expect(
      exports
        .json()
        .items.map((a: { details: { list: string } }) => a.details.list)
        .sort(),
    ).toEqual(['audit', 'audit', 'clients']);
  });

  it('lets an admin reset another person’s 2FA: audited, sessions end, set-up required again', async () => {
    const clock = fixedClock('2026-06-01T09:00:10Z');
    t = await createTestApp({ dialect, clock });
    const org = await createTestOrg(t.deps);
    const person = await call(t.app, org.apiKey, {
      method: 'POST',
      url: '/api/v1/users',
      payload: { email: 'p@example.com', name: 'P', password: 'long-enough-1', role: 'manager' },
    });
    const id = person.json().id as string;
    const signIn = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'p@example.com', password: 'long-enough-1' },
      });
    const first = await signIn();
    const headers = { cookie: cookieOf(first), 'x-csrf-token': first.json().csrfToken };
    const setup = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/2fa/setup',
      headers,
    });
    const secret = setup.json().secret as string;
    const enabled = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/2fa/enable',
      headers,
      payload: { code: codeAt(secret, clock.now()) },
    });
    expect(enabled.statusCode).toBe(200);

    // A manager may not reset anyone; the admin may.
    const managerKey = (
      await call(t.app, org.apiKey, {
        method: 'POST',
        url: '/api/v1/api-keys',
        payload: { name: 'm', role: 'manager' },
      })
    ).json().secret;
    const refused = await call(t.app, managerKey, {
      method: 'POST',
      url: `/api/v1/users/${id}/2fa/reset`,
    });
    expect(refused.statusCode).toBe(403);
    const reset = await call(t.app, org.apiKey, {
      method: 'POST',
      url: `/api/v1/users/${id}/2fa/reset`,
      headers: UA,
    });
    expect(reset.statusCode).toBe(200);
    expect(reset.json().twoFactor).toBe(false);
    const missing = await call(t.app, org.apiKey, {
      method: 'POST',
      url: '/api/v1/users/00000000-0000-4000-8000-000000000000/2fa/reset',
    });
    expect(missing.statusCode).toBe(404);

    // Their old session is gone; the password alone signs in, but only to enrol again.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/org', headers })).statusCode).toBe(
      401,
    );
    const again = await signIn();
    expect(again.statusCode).toBe(200);
    expect(again.json().twoFactorRequired).toBeUndefined();
    const h2 = { cookie: cookieOf(again), 'x-csrf-token': again.json().csrfToken };
    const blocked = await t.app.inject({ method: 'GET', url: '/api/v1/clients', headers: h2 });
    expect(blocked.json().code).toBe('two_factor_required');
    const setup2 = await t.app.inject({ method: 'POST', url: '/api/v1/me/2fa/setup', headers: h2 });
    clock.advance(60_000);
    const enabled2 = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/2fa/enable',
      headers: h2,
      payload: { code: codeAt(setup2.json().secret, clock.now()) },
    });
    expect(enabled2.statusCode).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/clients', headers: h2 })).statusCode,
    ).toBe(200);

    const audit = await call(t.app, org.apiKey, {
      method: 'GET',
      url: '/api/v1/audit?action=user.two_factor_reset',
    });
    expect(audit.json().items).toHaveLength(1);
    expect(audit.json().items[0]).toMatchObject({
      targetId: id,
      actorType: 'api_key',
      userAgent: 'AuditTest/1.0',
    });
  });
});
