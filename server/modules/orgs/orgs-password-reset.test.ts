// Password reset by e-mail (issue 19), both dialects, a real SMTP server and the fake clock: the
// request answers 202 alike for known and unknown addresses (and mails only the known one), the
// link works once within 30 minutes, sets the password under the usual policy, ends every
// session of the person and is audited; the token is kept hashed and the mail stays unreadable
// through the outbox API.
import { afterEach, describe, expect, it } from 'vitest';
import { call, createTestApp, createTestOrg, type TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { startTestSmtp, type TestSmtp } from '../../../tests/support/smtp.ts';
import { testWorker } from '../../../tests/support/worker.ts';
import { fixedClock } from '../../lib/clock.ts';
import { sha256 } from '../../lib/crypto.ts';
import { cookieOf } from './orgs.fixtures.ts';

describe.each(testDialects())('password reset on %s', (dialect) => {
  let t: TestApp;
  let smtp: TestSmtp;
  afterEach(async () => {
    await t?.close();
    await smtp?.close();
  });
  const clock = fixedClock('2026-12-03T09:00:00.000Z');

  async function start(env: Record<string, string> = {}) {
    clock.set('2026-12-03T09:00:00.000Z');
    smtp = await startTestSmtp();
    t = await createTestApp({
      dialect,
      clock,
      env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://cx.example.ru', ...env },
    });
    return createTestOrg(t.deps, 'Ромашка');
  }
  const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, payload });
  const login = (email: string, password: string) =>
    post('/api/v1/auth/login', { email, password });
  const tokenOf = (text: string) =>
    /https:\/\/cx\.example\.ru\/reset-password#token=([\w-]+)/.exec(text)?.[1];

  it('mails a single-use link that sets the password and ends every session', async () => {
    const org = await start();
    const worker = testWorker(t.deps);
    const sessions = [
      cookieOf(await login(org.adminEmail, org.adminPassword)),
      cookieOf(await login(org.adminEmail, org.adminPassword)),
    ];

    const known = await post('/api/v1/auth/password-reset', {
      email: org.adminEmail.toUpperCase(),
    });
    const unknown = await post('/api/v1/auth/password-reset', { email: 'ghost@example.com' });
    for (const res of [known, unknown]) {
      expect(res.statusCode).toBe(202);
      expect(res.json()).toEqual({ accepted: true });
    }
    expect(known.body).toBe(unknown.body);
    await worker.drain();
    const [mail] = await smtp.waitFor(1);
    // Only the known address got a mail.
    await new Promise((r) => setTimeout(r, 100));
    expect(smtp.messages).toHaveLength(1);
    expect(mail!.to).toMatchObject({ text: org.adminEmail });
    expect(mail!.subject).toBe('Сброс пароля ClientLoop');
    const token = tokenOf(mail!.text ?? '')!;
    expect(token).toBeTruthy();
    expect(mail!.text).toContain('30 минут');

    // Hashed at rest; the sent copy in the outbox drops the link, and the outbox API hides it.
    const row = await t.deps.db.selectFrom('password_resets').selectAll().executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(sha256(token));
    const stored = await t.deps.db
      .selectFrom('messages')
      .selectAll()
      .where('kind', '=', 'password_reset')
      .executeTakeFirstOrThrow();
    expect(stored.status).toBe('sent');
    expect(stored.body_text).not.toContain(token);
    const listed = await call(t.app, org.apiKey, { method: 'GET', url: '/api/v1/messages' });
    expect(JSON.stringify(listed.json())).not.toContain(stored.id);
    const one = await call(t.app, org.apiKey, {
      method: 'GET',
      url: `/api/v1/messages/${stored.id}`,
    });
    expect(one.statusCode).toBe(404);

    // The password policy applies.
    const short = await post('/api/v1/auth/password-reset/confirm', { token, password: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.json().code).toBe('validation_failed');

    const done = await post('/api/v1/auth/password-reset/confirm', {
      token,
      password: 'a new long secret',
    });
    expect(done.statusCode).toBe(204);
    for (const cookie of sessions) {
      const me = await t.app.inject({
        method: 'GET',
        url: '/api/v1/auth/session',
        headers: { cookie },
      });
      expect(me.statusCode).toBe(401);
    }
    expect((await login(org.adminEmail, org.adminPassword)).statusCode).toBe(401);
    expect((await login(org.adminEmail, 'a new long secret')).statusCode).toBe(200);

    // The link works once.
    const again = await post('/api/v1/auth/password-reset/confirm', {
      token,
      password: 'another long one',
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().code).toBe('reset_token_invalid');
    expect((await login(org.adminEmail, 'a new long secret')).statusCode).toBe(200);

    const audit = await call(t.app, org.apiKey, { method: 'GET', url: '/api/v1/audit?limit=200' });
    const actions = (audit.json().items as { action: string }[]).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['auth.password_reset_requested', 'auth.password_reset']),
    );
  });

  it('refuses a link older than 30 minutes and an unknown token with the same code', async () => {
    const org = await start();
    const worker = testWorker(t.deps);
    await post('/api/v1/auth/password-reset', { email: org.adminEmail });
    await worker.drain();
    const [mail] = await smtp.waitFor(1);
    const token = tokenOf(mail!.text ?? '')!;
    clock.advance(30 * 60_000 + 1000);
    for (const tok of [token, 'x'.repeat(43)]) {
      const res = await post('/api/v1/auth/password-reset/confirm', {
        token: tok,
        password: 'a new long secret',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('reset_token_invalid');
    }
    expect((await login(org.adminEmail, org.adminPassword)).statusCode).toBe(200);
  });

  it('limits reset requests per address, and mails one account at most 3 times an hour', async () => {
    const org = await start({ RATE_LIMIT_PUBLIC_PER_MINUTE: '4' });
    const worker = testWorker(t.deps);
    const codes: number[] = [];
    for (let i = 0; i < 5; i++)
      codes.push((await post('/api/v1/auth/password-reset', { email: org.adminEmail })).statusCode);
    expect(codes).toEqual([202, 202, 202, 202, 429]);
    await worker.drain();
    await smtp.waitFor(3);
    await new Promise((r) => setTimeout(r, 100));
    expect(smtp.messages).toHaveLength(3);
  });
});
