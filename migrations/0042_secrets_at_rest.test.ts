// 0042 on a database made before it (both dialects): a webhook, a sent survey invitation and a
// two-factor enrolment are made, the database is taken back below 0042 (plain webhook secret and
// invitation token, the TOTP secret under the old 'totp_key', the link in the sent mail), then
// migrated: no cell holds a secret in plain, and the old webhook signs, the old link answers, the
// authenticator app's codes still sign in.
import { afterEach, describe, expect, it } from 'vitest';
import { ctxFor } from '../server/context.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { fixedClock } from '../server/lib/clock.ts';
import { forgetSecretKeys } from '../server/lib/secret-box.ts';
import { cookieOf } from '../server/modules/orgs/orgs.fixtures.ts';
import { codeAt, TOTP_PERIOD_S } from '../server/modules/orgs/totp.ts';
import {
  loopbackNetwork,
  RECEIVER_NAME,
  startReceiver,
  verify,
} from '../server/modules/webhooks/delivery.fixtures.ts';
import { emitWebhookEvent } from '../server/modules/webhooks/emit-event.ts';
import { webhookJobs } from '../server/modules/webhooks/webhooks.jobs.ts';
import { createWebhook } from '../server/modules/webhooks/webhooks.service.ts';
import { createWorker } from '../server/worker.ts';
import { call, createTestApp, createTestOrg, type TestApp } from '../tests/support/app.ts';
import { testDialects } from '../tests/support/db.ts';
import { migrateDownThrough } from '../tests/support/migrate.ts';
import { cellsContaining } from '../tests/support/scan-rows.ts';
import { startTestSmtp, type TestSmtp } from '../tests/support/smtp.ts';
import { testWorker } from '../tests/support/worker.ts';

const PUBLIC_URL = 'https://cx.example.ru';

describe.each(testDialects())('migration 0042_secrets_at_rest on %s', (dialect) => {
  let t: TestApp | undefined;
  let smtp: TestSmtp | undefined;
  let receiver: Awaited<ReturnType<typeof startReceiver>> | undefined;
  afterEach(async () => {
    await t?.close();
    await smtp?.close();
    await receiver?.close();
  });
  const clock = fixedClock('2026-12-05T10:00:10.000Z');

  it('seals and hashes what older versions kept, and everything keeps working', async () => {
    smtp = await startTestSmtp();
    receiver = await startReceiver();
    t = await createTestApp({
      dialect,
      clock,
      env: {
        PUBLIC_URL,
        SMTP_URL: smtp.url,
        OUTBOUND_ALLOWED_HOSTS: RECEIVER_NAME,
        RATE_LIMIT_PUBLIC_PER_MINUTE: '1000',
      },
    });
    const app = t.app;
    const db = t.testDb.db as any;
    const org = await createTestOrg(t.deps, 'Старая база');
    const api = (method: 'GET' | 'POST', url: string, payload?: object) =>
      call(app, org.apiKey, { method, url, ...(payload ? { payload } : {}) });
    const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
      app.inject({ method: 'POST', url, payload, headers });
    const net = loopbackNetwork();
    const admin = ctxFor(t.deps, { type: 'user', id: null, orgId: org.orgId, role: 'admin' });
    const { secret } = await createWebhook(
      admin,
      { url: `http://${receiver.host}/hook`, events: ['feedback.created'] },
      net,
    );
    const s = (await api('POST', '/api/v1/surveys', { name: 'Опрос', metric: 'csat' })).json();
    const client = (await api('POST', '/api/v1/clients', { name: 'ООО Иван' })).json();
    const ivan = (
      await api('POST', `/api/v1/clients/${client.id}/contacts`, {
        name: 'Иван',
        email: 'ivan@example.ru',
      })
    ).json();
    const url: string = (
      await api('POST', `/api/v1/surveys/${s.id}/invites`, { contactIds: [ivan.id], send: true })
    ).json().items[0].url;
    const token = url.split('/s/')[1]!;
    await testWorker(t.deps).drain();
    await smtp.waitFor(1);
    const login = () =>
      post('/api/v1/auth/login', { email: org.adminEmail, password: org.adminPassword });
    const res = await login();
    const headers = { cookie: cookieOf(res), 'x-csrf-token': res.json().csrfToken as string };
    const totp: string = (await post('/api/v1/me/2fa/setup', {}, headers)).json().secret;
    await post('/api/v1/me/2fa/enable', { code: codeAt(totp, clock.now()) }, headers);

    // Below 0042: the secrets in plain, as older versions kept them; a sent mail with its link.
    await migrateDownThrough(db, '0042_secrets_at_rest');
    expect((await db.selectFrom('webhooks').select('secret').executeTakeFirst()).secret).toBe(
      secret,
    );
    expect((await db.selectFrom('survey_invites').select('token').executeTakeFirst()).token).toBe(
      token,
    );
    const user = await db
      .selectFrom('users')
      .select('totp_secret_enc')
      .where('email', '=', org.adminEmail)
      .executeTakeFirst();
    expect(user.totp_secret_enc).toMatch(/^v1\./);
    await db
      .updateTable('messages')
      .set({ body_text: `Оцените: ${url}?score=5` })
      .where('kind', '=', 'survey_invite')
      .execute();
    expect(await cellsContaining(t.testDb, [secret, token])).not.toEqual([]);

    await migrateToLatest(db);
    forgetSecretKeys(t.deps.config); // the new instance key, as after a restart
    const bare = secret.slice('whsec_'.length);
    expect(await cellsContaining(t.testDb, [secret, bare, token, totp])).toEqual([]);
    const mail = await db.selectFrom('messages').select('body_text').executeTakeFirst();
    expect(mail.body_text).toBe(`Оцените: ${PUBLIC_URL}/s/(link removed after sending)?score=5`);
    const hooks = (await api('GET', '/api/v1/webhooks')).json().items;
    expect(hooks[0].secretPrefix).toBe(`${secret.slice(0, 10)}…`);

    // The webhook signs with its old secret.
    const system = ctxFor(t.deps, { type: 'system', id: null, orgId: org.orgId, role: 'admin' });
    await t.deps.db
      .transaction()
      .execute((trx) =>
        emitWebhookEvent({ ...system, db: trx }, 'feedback.created', { feedbackId: 'f-1' }),
      );
    expect(await createWorker(t.deps, webhookJobs(t.deps, net)).runOnce()).toBe(1);
    expect(verify(secret, receiver.received[0]!)).toBe(true);

    // The old link is listed, opens and answers.
    expect((await api('GET', `/api/v1/surveys/${s.id}/invites`)).json().items[0].url).toBe(url);
    const answered = await app.inject({
      method: 'POST',
      url: `/s/${token}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'score=4',
    });
    expect(answered.statusCode).toBe(200);
    expect(answered.body).toContain('Спасибо за ответ');

    // The authenticator app's codes still sign in.
    clock.advance(TOTP_PERIOD_S * 1000);
    const { challenge } = (await login()).json();
    const ok = await post('/api/v1/auth/login/2fa', { challenge, code: codeAt(totp, clock.now()) });
    expect(ok.statusCode).toBe(200);
  });
});
