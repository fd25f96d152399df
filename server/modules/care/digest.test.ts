import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../lib/clock.ts';
import { call, createTestApp, createTestOrg, type TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { testWorker } from '../../../tests/support/worker.ts';
import { DIGEST_JOB } from './digest.ts';

describe.each(testDialects())('care digest on %s', (dialect) => {
  let t: TestApp;
  afterEach(async () => t?.close());

  it('e-mails each manager, once per local day and not before 08:00, the reminders of their own clients', async () => {
    // 07:30 in Moscow.
    const clock = fixedClock('2026-11-23T04:30:00Z');
    t = await createTestApp({ dialect, clock, env: { PUBLIC_URL: 'https://cx.example.ru' } });
    const org = await createTestOrg(t.deps, 'Ромашка');
    const api = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
      call(t.app, org.apiKey, { method, url, payload });
    const admin = await t.deps.db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', org.adminEmail)
      .executeTakeFirstOrThrow();
    const mine = (
      await api('POST', '/api/v1/clients', { name: 'ООО Моя', managerId: admin.id })
    ).json();
    const notMine = (await api('POST', '/api/v1/clients', { name: 'ООО Чужая' })).json();
    await api('POST', `/api/v1/clients/${mine.id}/dates`, {
      kind: 'birthday',
      date: '1980-11-28',
      recurring: true,
      title: 'ДР Анны',
    });
    await api('POST', `/api/v1/clients/${notMine.id}/dates`, {
      kind: 'birthday',
      date: '1980-11-27',
      recurring: true,
      title: 'ДР Бориса',
    });

    const runDigest = async () => {
      await t.deps.jobs.enqueue(t.deps.db, { name: DIGEST_JOB, orgId: null, payload: {} });
      await testWorker(t.deps).drain();
      return t.deps.db.selectFrom('messages').selectAll().where('kind', '=', 'digest').execute();
    };
    expect(await runDigest()).toHaveLength(0);
    clock.set('2026-11-23T06:00:00Z');
    const [digest, ...more] = await runDigest();
    expect(more).toHaveLength(0);
    expect(digest).toMatchObject({ to_address: admin.email, language: admin.language });
    expect(digest!.body_text).toContain('ДР Анны');
    expect(digest!.body_text).toContain(`https://cx.example.ru/clients/${mine.id}?tab=dates`);
    expect(digest!.body_text).not.toContain('ДР Бориса');
    clock.set('2026-11-23T12:00:00Z');
    expect(await runDigest()).toHaveLength(1);
    clock.set('2026-11-24T06:00:00Z');
    expect(await runDigest()).toHaveLength(2);
  });
});
