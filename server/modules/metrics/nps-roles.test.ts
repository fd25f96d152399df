// NPS by contact role (issue 17, SPEC C9): every NPS answer of the window in each role of its
// contact; `none` for a contact without a role; answers without a contact only counted.
// Hand-computed below; both dialects.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, createTestOrg, type TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { fixedClock } from '../../lib/clock.ts';

describe.each(testDialects())('NPS by contact role on %s', (dialect) => {
  let t: TestApp;
  let api: (method: 'GET' | 'POST', url: string, payload?: object) => any;
  beforeAll(async () => {
    t = await createTestApp({ dialect, clock: fixedClock('2026-12-01T09:00:00.000Z') });
    const org = await createTestOrg(t.deps, 'Ромашка');
    api = (method, url, payload) =>
      call(t.app, org.apiKey, { method, url, ...(payload ? { payload } : {}) });
    const client = (await api('POST', '/api/v1/clients', { name: 'ООО Альфа' })).json().id;
    const contact = async (name: string, roles: string[]) =>
      (await api('POST', `/api/v1/clients/${client}/contacts`, { name, roles })).json()
        .id as string;
    const dm1 = await contact('ЛПР и плательщик', ['decision_maker', 'payer']);
    const dm2 = await contact('ЛПР', ['decision_maker']);
    const inf = await contact('Влияющий', ['influencer']);
    const user = await contact('Пользователь', ['user']);
    const none = await contact('Без роли', []);
    const answer = async (
      contactId: string | undefined,
      value: number,
      receivedAt = '2026-06-01T10:00:00Z',
      type = 'nps',
    ) => {
      const res = await api('POST', '/api/v1/feedback', {
        channel: 'api',
        clientId: client,
        ...(contactId ? { contactId } : {}),
        score: { type, value },
        receivedAt,
      });
      expect(res.statusCode, res.body).toBe(201);
    };
    await answer(dm1, 10);
    await answer(dm1, 9);
    await answer(dm2, 3);
    await answer(inf, 8);
    await answer(user, 10);
    await answer(none, 6);
    await answer(undefined, 10);
    await answer(dm1, 0, '2025-12-15T10:00:00Z'); // before the window
    await answer(dm2, 5, '2026-06-02T10:00:00Z', 'csat'); // not NPS
  });
  afterAll(async () => t?.close());

  it('splits the answers of the window by role, by hand', async () => {
    const res = await api('GET', '/api/v1/metrics/nps-by-role?from=2026-01-01&to=2026-12-01');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.unattributed).toBe(1);
    const row = (role: string) => body.roles.find((r: { role: string }) => r.role === role);
    // Decision makers: 10, 9 (dm1) and 3 (dm2) → 2 promoters, 1 detractor of 3 → 33.3;
    // margin 1.96 × √((2/9 + 2/9 + 4/9) / 3) × 100 = 106.7.
    expect(row('decision_maker')).toEqual({
      role: 'decision_maker',
      value: 33.3,
      responses: 3,
      promoters: 2,
      passives: 0,
      detractors: 1,
      marginOfError: 106.7,
    });
    // The payer is dm1 alone: 10 and 9 → 100.
    expect(row('payer')).toMatchObject({ value: 100, responses: 2, promoters: 2 });
    expect(row('influencer')).toMatchObject({ value: 0, responses: 1, passives: 1 });
    expect(row('user')).toMatchObject({ value: 100, responses: 1 });
    expect(row('none')).toMatchObject({ value: -100, responses: 1, detractors: 1 });
    expect(body.roles.map((r: { role: string }) => r.role)).toEqual([
      'decision_maker',
      'influencer',
      'user',
      'payer',
      'none',
    ]);
  });

  it('counts the older answer once the window covers it, and refuses from ≥ to', async () => {
    const wide = (await api('GET', '/api/v1/metrics/nps-by-role?from=2025-12-01&to=2026-12-01'))
      .json()
      .roles.find((r: { role: string }) => r.role === 'decision_maker');
    // 10, 9, 3, 0 → 2 promoters, 2 detractors of 4 → 0.
    expect(wide).toMatchObject({ value: 0, responses: 4, detractors: 2 });
    const bad = await api('GET', '/api/v1/metrics/nps-by-role?from=2026-12-01&to=2026-01-01');
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'validation_failed']);
  });
});
