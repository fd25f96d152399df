// Two-factor sign-in (issue 19), both dialects, codes computed here with the TOTP library at the
// fake clock's time: set-up shows the secret once and stores it encrypted, switching on needs a
// current code and gives ten recovery codes; signing in then takes a challenge and a code; a code
// is never accepted twice (replay), a recovery code works once, wrong codes kill the challenge
// and lock the account like wrong passwords; an organisation can require the second factor.
import { afterEach, describe, expect, it } from 'vitest';
import { call, createTestApp, createTestOrg, type TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { fixedClock } from '../../lib/clock.ts';
import { MAX_FAILED_LOGINS } from './auth.service.ts';
import { cookieOf } from './orgs.fixtures.ts';
import { MAX_CHALLENGE_FAILURES } from './two-factor-login.ts';
import { codeAt, TOTP_PERIOD_S } from './totp.ts';

const START = '2026-12-03T09:00:10.000Z';

describe.each(testDialects())('two-factor sign-in on %s', (dialect) => {
  let t: TestApp;
  afterEach(async () => t?.close());
  const clock = fixedClock(START);

  async function start() {
    clock.set(START);
    t = await createTestApp({ dialect, clock, env: { RATE_LIMIT_PUBLIC_PER_MINUTE: '1000' } });
    const org = await createTestOrg(t.deps, 'Альфа');
    return org;
  }
  const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url, payload, headers });
  const login = (email: string, password: string) =>
    post('/api/v1/auth/login', { email, password });
  async function session(email: string, password: string) {
    const res = await login(email, password);
    expect(res.statusCode).toBe(200);
    return { cookie: cookieOf(res), 'x-csrf-token': res.json().csrfToken as string };
  }
  /** Sets up and switches on 2FA for a signed-in person; returns the secret and recovery codes. */
  async function enrol(headers: Record<string, string>) {
    const setup = await post('/api/v1/me/2fa/setup', {}, headers);
    expect(setup.statusCode).toBe(200);
    const { secret } = setup.json();
    const enabled = await post(
      '/api/v1/me/2fa/enable',
      { code: codeAt(secret, clock.now()) },
      headers,
    );
    expect(enabled.statusCode).toBe(200);
    return { secret: secret as string, recoveryCodes: enabled.json().recoveryCodes as string[] };
  }
  const nextStep = () => clock.advance(TOTP_PERIOD_S * 1000);

  it('enrols with a current code and signs in with a challenge and a code, never the same code twice', async () => {
    const org = await start();
    const headers = await session(org.adminEmail, org.adminPassword);
    const status = await t.app.inject({ method: 'GET', url: '/api/v1/me/2fa', headers });
    expect(status.json()).toEqual({
      enabled: false,
      enabledAt: null,
      required: false,
      recoveryCodesLeft: 0,
    });

    const setup = await post('/api/v1/me/2fa/setup', {}, headers);
    const { secret, otpauthUri, qrSvg } = setup.json();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/ClientLoop:/);
    expect(otpauthUri).toContain(`secret=${secret}`);
    expect(qrSvg).toMatch(/^<svg/);
    // At rest the secret is encrypted: the row does not contain it.
    const row = await t.deps.db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', org.adminEmail)
      .executeTakeFirstOrThrow();
    expect(row.totp_secret_enc).toMatch(/^s2\./);
    expect(row.totp_secret_enc).not.toContain(secret);

    const current = codeAt(secret, clock.now());
    const wrong = current === '123456' ? '654321' : '123456';
    const refused = await post('/api/v1/me/2fa/enable', { code: wrong }, headers);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('invalid_code');
    const enabled = await post('/api/v1/me/2fa/enable', { code: current }, headers);
    expect(enabled.statusCode).toBe(200);
    const codes: string[] = enabled.json().recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const stored = await t.deps.db.selectFrom('recovery_codes').select('code_hash').execute();
    expect(stored.map((r) => r.code_hash)).not.toContain(codes[0]);
    expect((await post('/api/v1/me/2fa/setup', {}, headers)).json().code).toBe(
      'two_factor_enabled',
    );

    // The password alone no longer signs in: a challenge, no cookie.
    const first = await login(org.adminEmail, org.adminPassword);
    expect(first.statusCode).toBe(200);
    expect(first.headers['set-cookie']).toBeUndefined();
    expect(first.json()).toMatchObject({ twoFactorRequired: true });
    const { challenge } = first.json();
    // The code that switched 2FA on is spent: the same 30-second step is refused (replay).
    const replay = await post('/api/v1/auth/login/2fa', { challenge, code: current });
    expect(replay.statusCode).toBe(422);
    expect(replay.json().code).toBe('invalid_code');

    nextStep();
    const code = codeAt(secret, clock.now());
    const ok = await post('/api/v1/auth/login/2fa', { challenge, code });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.twoFactor).toBe(true);
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { cookie: cookieOf(ok) },
    });
    expect(me.statusCode).toBe(200);
    // A used challenge is gone, and the same code in a new challenge is a replay.
    expect((await post('/api/v1/auth/login/2fa', { challenge, code })).json().code).toBe(
      'challenge_invalid',
    );
    const again = (await login(org.adminEmail, org.adminPassword)).json().challenge;
    expect((await post('/api/v1/auth/login/2fa', { challenge: again, code })).statusCode).toBe(422);

    // A recovery code works once.
    const viaRecovery = await post('/api/v1/auth/login/2fa', {
      challenge: again,
      recoveryCode: codes[0],
    });
    expect(viaRecovery.statusCode).toBe(200);
    const third = (await login(org.adminEmail, org.adminPassword)).json().challenge;
    const reused = await post('/api/v1/auth/login/2fa', {
      challenge: third,
      recoveryCode: codes[0],
    });
    expect(reused.statusCode).toBe(422);
    expect(reused.json().invalidParams[0].name).toBe('body.recoveryCode');
    const left = await t.app.inject({ method: 'GET', url: '/api/v1/me/2fa', headers });
    expect(left.json()).toMatchObject({ enabled: true, recoveryCodesLeft: 9 });

    // A challenge lives five minutes.
    clock.advance(5 * 60_000 + 1000);
    expect(
      (
        await post('/api/v1/auth/login/2fa', {
          challenge: third,
          code: codeAt(secret, clock.now()),
        })
      ).json().code,
    ).toBe('challenge_invalid');

    // Switching off needs the password and a current code; then the password signs in again.
    nextStep();
    const badPassword = await post(
      '/api/v1/me/2fa/disable',
      { password: 'nope', code: codeAt(secret, clock.now()) },
      headers,
    );
    expect(badPassword.statusCode).toBe(422);
    const off = await post(
      '/api/v1/me/2fa/disable',
      { password: org.adminPassword, code: codeAt(secret, clock.now()) },
      headers,
    );
    expect(off.statusCode).toBe(204);
    expect((await login(org.adminEmail, org.adminPassword)).headers['set-cookie']).toBeDefined();
    const audit = await call(t.app, org.apiKey, { method: 'GET', url: '/api/v1/audit?limit=200' });
    const actions = (audit.json().items as { action: string }[]).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'auth.two_factor_enabled',
        'auth.two_factor_disabled',
        'auth.recovery_code_used',
        'auth.code_failed',
      ]),
    );
  });

  it('ends a challenge after too many wrong codes and locks the account like wrong passwords', async () => {
    const org = await start();
    const { secret } = await enrol(await session(org.adminEmail, org.adminPassword));
    nextStep();
    const right = () => codeAt(secret, clock.now());
    const wrong = () => (right() === '000000' ? '111111' : '000000');
    let failures = 0;
    let challenge = '';
    while (failures < MAX_FAILED_LOGINS) {
      if (failures % MAX_CHALLENGE_FAILURES === 0)
        challenge = (await login(org.adminEmail, org.adminPassword)).json().challenge;
      expect((await post('/api/v1/auth/login/2fa', { challenge, code: wrong() })).statusCode).toBe(
        422,
      );
      failures += 1;
      if (failures % MAX_CHALLENGE_FAILURES === 0) {
        // Even the right code no longer completes a challenge that took too many wrong ones.
        const dead = await post('/api/v1/auth/login/2fa', { challenge, code: right() });
        expect(dead.json().code).toBe('challenge_invalid');
      }
    }
    // The account is locked now: the password step itself waits, as after wrong passwords.
    const locked = await login(org.adminEmail, org.adminPassword);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('rate_limited');
  });

  it('sends people of an organisation that requires 2FA to enrolment before anything else', async () => {
    const org = await start();
    const patch = await call(t.app, org.apiKey, {
      method: 'PATCH',
      url: '/api/v1/org',
      payload: { requireTwoFactor: true },
    });
    expect(patch.json().requireTwoFactor).toBe(true);
    await call(t.app, org.apiKey, {
      method: 'POST',
      url: '/api/v1/users',
      payload: {
        email: 'anna@example.ru',
        name: 'Анна',
        password: 'long-enough-1',
        role: 'manager',
      },
    });
    const headers = await session('anna@example.ru', 'long-enough-1');
    const blocked = await t.app.inject({ method: 'GET', url: '/api/v1/clients', headers });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('two_factor_required');
    const status = await t.app.inject({ method: 'GET', url: '/api/v1/me/2fa', headers });
    expect(status.json()).toMatchObject({ enabled: false, required: true });
    await enrol(headers);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/clients', headers })).statusCode,
    ).toBe(200);
  });
});
