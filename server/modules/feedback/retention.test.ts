// Issue 19: retention of free texts per organisation. Off by default (nothing changes however
// old); with 12 months, the worker's hourly job anonymises feedback texts and case reply texts older
// than twelve calendar months as the (mocked) clock moves on, keeps scores, and is idempotent.
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../lib/clock.ts';
import { call, createTestApp, createTestOrg, type TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { allJobs, schedules } from '../registry.ts';
import { retentionCutoff, sweepRetention } from './index.ts';

describe('retentionCutoff', () => {
  it('goes back calendar months, the day clamped to the month', () => {
    expect(retentionCutoff(new Date('2026-12-04T10:00:00Z'), 12)).toBe('2025-12-04T10:00:00.000Z');
    expect(retentionCutoff(new Date('2026-03-31T00:00:00Z'), 1)).toBe('2026-02-28T00:00:00.000Z');
  });
});

describe.each(testDialects())('text retention on %s', (dialect) => {
  let t: TestApp;
  afterEach(async () => t?.close());

  it('anonymises old texts only when set, by the worker, keeping scores', async () => {
    const clock = fixedClock('2026-01-20T10:00:00Z');
    t = await createTestApp({ dialect, clock });
    const org = await createTestOrg(t.deps);
    const api = (method: string, url: string, payload?: unknown) =>
      call(t.app, org.apiKey, { method: method as 'GET', url, payload: payload as object });
    // One batch of the hourly job (registered with the worker, as the first lines check).
    expect(schedules.map((s) => s.name)).toContain('feedback.retention');
    expect(allJobs(t.deps).map((j) => j.name)).toContain('feedback.retention');
    const sweep = () => sweepRetention(t.deps);
    const post = async (text: string, at: string) =>
      (
        await api('POST', '/api/v1/feedback', {
          contact: { email: 'anna@example.ru', name: 'Анна' },
          score: { type: 'nps', value: 3 },
          text,
          receivedAt: at,
        })
      ).json();
    const old = await post('Старый текст', '2026-01-10T10:00:00Z');
    const fresh = await post('Новый текст', '2026-01-19T10:00:00Z');
    await api('POST', `/api/v1/cases/${old.caseId}/replies`, { text: 'Ответ клиенту' });
    const text = async (id: string) => (await api('GET', `/api/v1/feedback/${id}`)).json().text;

    expect((await api('GET', '/api/v1/settings/retention')).json()).toEqual({
      textMonths: null,
      updatedAt: null,
    });
    clock.set('2030-01-01T00:00:00Z');
    expect(await sweep()).toBe(0);
    expect(await text(old.id)).toBe('Старый текст');

    clock.set('2026-01-21T00:00:00Z');
    const put = await api('PUT', '/api/v1/settings/retention', { textMonths: 12 });
    expect(put.json().textMonths).toBe(12);
    expect((await api('PUT', '/api/v1/settings/retention', { textMonths: 0 })).statusCode).toBe(
      400,
    );
    expect(await sweep()).toBe(0);

    // 2027-01-15: the cutoff is 2026-01-15, so only the record of 2026-01-10 goes (the reply of
    // 2026-01-20 and the record of 2026-01-19 stay).
    clock.set('2027-01-15T00:00:00Z');
    expect(await sweep()).toBe(1);
    expect(await text(old.id)).toBeNull();
    expect(await text(fresh.id)).toBe('Новый текст');
    expect((await api('GET', `/api/v1/feedback/${old.id}`)).json().score).toMatchObject({
      value: 3,
    });
    expect(await sweep()).toBe(0);

    clock.set('2027-02-01T00:00:00Z');
    expect(await sweep()).toBe(2);
    expect(await text(fresh.id)).toBeNull();
    const bodies = await t.deps.db
      .selectFrom('case_events')
      .select('body')
      .where('case_id', '=', old.caseId)
      .where('kind', '=', 'reply_sent')
      .execute();
    expect(bodies).toEqual([{ body: null }]);
    expect(await sweep()).toBe(0);
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('org_id', '=', org.orgId)
      .where('action', 'in', ['retention.updated', 'retention.applied'])
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual([
      'retention.applied',
      'retention.applied',
      'retention.updated',
    ]);
  });
});
