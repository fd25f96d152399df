// Secrets at rest (issue 19, the review's Low finding), both dialects, real HTTP, SMTP and worker:
// after a webhook, a survey invitation and a two-factor enrolment are made, no cell of any table
// holds the secret in plain, and each still works — deliveries carry a signature the secret
// verifies, the personal link opens and takes the answer, the TOTP code signs in.
import { afterEach, describe, expect, it } from 'vitest';
import { ctxFor } from '../server/context.ts';
import { fixedClock } from '../server/lib/clock.ts';
import {
  loopbackNetwork,
  RECEIVER_NAME,
  startReceiver,
  verify,
} from '../server/modules/webhooks/delivery.fixtures.ts';
import { emitWebhookEvent } from '../server/modules/webhooks/emit-event.ts';
import { webhookJobs } from '../server/modules/webhooks/webhooks.jobs.ts';
import { createWebhook } from '../server/modules/webhooks/webhooks.service.ts';
import { cookieOf } from '../server/modules/orgs/orgs.fixtures.ts';
import { codeAt, TOTP_PERIOD_S } from '../server/modules/orgs/totp.ts';
import { createWorker } from '../server/worker.ts';
import { call, createTestApp, createTestOrg, type TestApp } from './support/app.ts';
import { testDialects } from './support/db.ts';
import { cellsContaining } from './support/scan-rows.ts';
import { startTestSmtp, type TestSmtp } from './support/smtp.ts';
import { testWorker } from './support/worker.ts';

const PUBLIC_URL = 'https://cx.example.ru';
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

describe.each(testDialects())('secrets at rest on %s', (dialect) => {
  let t: TestApp | undefined;
  let smtp: TestSmtp | undefined;
  const closers: Array<() => Promise<void>> = [];
  afterEach(async () => {
    await t?.close();
    await smtp?.close();
    for (const c of closers.splice(0)) await c();
    t = smtp = undefined;
  });
  const clock = fixedClock('2026-12-05T10:00:10.000Z');

  it('keeps a webhook signing secret sealed, and deliveries still verify with it', async () => {
    t = await createTestApp({ dialect, clock, env: { OUTBOUND_ALLOWED_HOSTS: RECEIVER_NAME } });
    const org = await createTestOrg(t.deps, 'Хуки');
    const receiver = await startReceiver();
    closers.push(receiver.close);
    const net = loopbackNetwork();
    const admin = ctxFor(t.deps, { type: 'user', id: null, orgId: org.orgId, role: 'admin' });
    const { webhook, secret } = await createWebhook(
      admin,
      { url: `http://${receiver.host}/hook`, events: ['feedback.created'] },
      net,
    );
    expect(secret).toMatch(/^whsec_/);
    expect(await cellsContaining(t.testDb, [secret, secret.slice('whsec_'.length)])).toEqual([]);
    const listed = await call(t.app, org.apiKey, { method: 'GET', url: '/api/v1/webhooks' });
    expect(listed.json().items[0].secretPrefix).toBe(`${secret.slice(0, 10)}…`);

    const system = ctxFor(t.deps, { type: 'system', id: null, orgId: org.orgId, role: 'admin' });
    await t.deps.db
      .transaction()
      .execute((trx) =>
        emitWebhookEvent({ ...system, db: trx }, 'feedback.created', { feedbackId: 'f-1' }),
      );
    expect(await createWorker(t.deps, webhookJobs(t.deps, net)).runOnce()).toBe(1);
    expect(receiver.received).toHaveLength(1);
    expect(verify(secret, receiver.received[0]!)).toBe(true);
    expect(verify('whsec_' + Buffer.alloc(32).toString('base64'), receiver.received[0]!)).toBe(
      false,
    );
    expect(webhook.id).toBeTruthy();
  });

  it('keeps a personal survey link only hashed and sealed, out of the outbox, and the link still answers', async () => {
    smtp = await startTestSmtp();
    t = await createTestApp({
      dialect,
      env: { PUBLIC_URL, SMTP_URL: smtp.url, RATE_LIMIT_PUBLIC_PER_MINUTE: '1000' },
    });
    const org = await createTestOrg(t.deps, 'Ромашка');
    const api = (method: 'GET' | 'POST', url: string, payload?: object) =>
      call(t!.app, org.apiKey, { method, url, ...(payload ? { payload } : {}) });
    const s = (
      await api('POST', '/api/v1/surveys', { name: 'После доставки', metric: 'nps' })
    ).json();
    const client = (await api('POST', '/api/v1/clients', { name: 'ООО Иван' })).json();
    const ivan = (
      await api('POST', `/api/v1/clients/${client.id}/contacts`, {
        name: 'Иван',
        email: 'ivan@example.ru',
        language: 'ru',
      })
    ).json();
    const made = (
      await api('POST', `/api/v1/surveys/${s.id}/invites`, { contactIds: [ivan.id], send: true })
    ).json();
    const url: string = made.items[0].url;
    const token = url.split('/s/')[1]!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Queued, the mail holds the link, but the outbox API never shows it (viewers read it).
    const queued = (await api('GET', '/api/v1/messages')).json().items;
    expect(queued).toHaveLength(1);
    expect(queued[0].body).not.toContain(token);

    await testWorker(t.deps).drain();
    const [mail] = await smtp.waitFor(1);
    expect(mail!.text).toContain(url);
    expect(await cellsContaining(t.testDb, [token])).toEqual([]);

    // Shown again to those who may send it, and it opens and answers.
    const listed = (await api('GET', `/api/v1/surveys/${s.id}/invites`)).json().items[0];
    expect(listed.url).toBe(url);
    const path = `/s/${token}`;
    expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(200);
    const answered = await t.app.inject({
      method: 'POST',
      url: path,
      headers: FORM,
      payload: new URLSearchParams({ score: '9', comment: 'Хорошо' }).toString(),
    });
    expect(answered.statusCode).toBe(200);
    expect(answered.body).toContain('Спасибо за ответ');
    const stored = await t.deps.db.selectFrom('feedback').selectAll().execute();
    expect(stored).toMatchObject([{ contact_id: ivan.id, score_value: 9, survey_id: s.id }]);
  });

  it('keeps the TOTP secret sealed and the recovery codes hashed, and the code still signs in', async () => {
    t = await createTestApp({ dialect, clock, env: { RATE_LIMIT_PUBLIC_PER_MINUTE: '1000' } });
    const org = await createTestOrg(t.deps, 'Альфа');
    const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
      t!.app.inject({ method: 'POST', url, payload, headers });
    const login = () =>
      post('/api/v1/auth/login', { email: org.adminEmail, password: org.adminPassword });
    const res = await login();
    const headers = { cookie: cookieOf(res), 'x-csrf-token': res.json().csrfToken as string };
    const { secret } = (await post('/api/v1/me/2fa/setup', {}, headers)).json();
    const enabled = await post(
      '/api/v1/me/2fa/enable',
      { code: codeAt(secret, clock.now()) },
      headers,
    );
    const codes: string[] = enabled.json().recoveryCodes;
    expect(codes).toHaveLength(10);
    const bare = codes.map((c) => c.replace('-', ''));
    expect(await cellsContaining(t.testDb, [secret, ...codes, ...bare])).toEqual([]);

    clock.advance(TOTP_PERIOD_S * 1000);
    const { challenge } = (await login()).json();
    const ok = await post('/api/v1/auth/login/2fa', {
      challenge,
      code: codeAt(secret, clock.now()),
    });
    expect(ok.statusCode).toBe(200);
  });
});
