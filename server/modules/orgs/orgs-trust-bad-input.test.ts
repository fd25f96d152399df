// Bad input on the public routes of two-factor sign-in and password reset (issue 19): every
// malformed body is a 4xx problem+json with a stable code, and nothing is written on a refusal
// (no session, no challenge, no reset token, no message). Both dialects.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  createTestOrg,
  type TestApp,
  type TestOrg,
} from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';

const CASES: [string, unknown, number, string][] = [
  ['/api/v1/auth/login/2fa', {}, 400, 'validation_failed'],
  ['/api/v1/auth/login/2fa', { challenge: 'x'.repeat(43) }, 400, 'validation_failed'],
  [
    '/api/v1/auth/login/2fa',
    { challenge: 'x'.repeat(43), code: '123456', recoveryCode: 'abcde-fghij' },
    400,
    'validation_failed',
  ],
  [
    '/api/v1/auth/login/2fa',
    { challenge: 'x'.repeat(43), code: '12345a' },
    400,
    'validation_failed',
  ],
  ['/api/v1/auth/login/2fa', { challenge: 'x'.repeat(43), code: 123456 }, 400, 'validation_failed'],
  [
    '/api/v1/auth/login/2fa',
    { challenge: 'x'.repeat(5000), code: '123456' },
    400,
    'validation_failed',
  ],
  [
    '/api/v1/auth/login/2fa',
    { challenge: 'x'.repeat(43), code: '123456' },
    401,
    'challenge_invalid',
  ],
  [
    '/api/v1/auth/login/2fa',
    { challenge: { $ne: null }, code: '123456' },
    400,
    'validation_failed',
  ],
  ['/api/v1/auth/password-reset', {}, 400, 'validation_failed'],
  ['/api/v1/auth/password-reset', { email: 'not an e-mail' }, 400, 'validation_failed'],
  ['/api/v1/auth/password-reset', { email: ['a@example.com'] }, 400, 'validation_failed'],
  ['/api/v1/auth/password-reset/confirm', { token: 'x'.repeat(43) }, 400, 'validation_failed'],
  [
    '/api/v1/auth/password-reset/confirm',
    { token: 42, password: 'long enough 1' },
    400,
    'validation_failed',
  ],
  [
    '/api/v1/auth/password-reset/confirm',
    { token: 'x'.repeat(43), password: 'long enough 1' },
    400,
    'reset_token_invalid',
  ],
  [
    '/api/v1/auth/password-reset/confirm',
    { token: 'ы'.repeat(43), password: 'long enough 1' },
    400,
    'reset_token_invalid',
  ],
];

describe.each(testDialects())('bad input on 2FA and password reset on %s', (dialect) => {
  let t: TestApp;
  let org: TestOrg;
  beforeAll(async () => {
    t = await createTestApp({ dialect, env: { RATE_LIMIT_PUBLIC_PER_MINUTE: '100000' } });
    org = await createTestOrg(t.deps);
  });
  afterAll(async () => t?.close());

  const counts = async () =>
    Promise.all(
      (['sessions', 'login_challenges', 'password_resets', 'messages'] as const).map(
        async (table) =>
          Number(
            (
              await t.deps.db
                .selectFrom(table)
                .select((eb) => eb.fn.countAll<string | number>().as('n'))
                .executeTakeFirstOrThrow()
            ).n,
          ),
      ),
    );

  it('answers each malformed request with its problem and writes nothing', async () => {
    const before = await counts();
    for (const [url, payload, status, code] of CASES) {
      const res = await t.app.inject({ method: 'POST', url, payload: payload as object });
      const label = `${url} ${JSON.stringify(payload).slice(0, 60)}`;
      expect(res.statusCode, label).toBe(status);
      expect(String(res.headers['content-type']), label).toMatch(/^application\/problem\+json/);
      expect(res.json().code, label).toBe(code);
    }
    expect(await counts()).toEqual(before);
    // The account is untouched: its password still signs in.
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: org.adminEmail, password: org.adminPassword },
    });
    expect(login.statusCode).toBe(200);
  });

  it('keeps the enrolment routes behind sign-in and the CSRF token', async () => {
    for (const url of ['/api/v1/me/2fa/setup', '/api/v1/me/2fa/enable', '/api/v1/me/2fa/disable']) {
      const res = await t.app.inject({
        method: 'POST',
        url,
        payload: { code: '123456', password: 'x' },
      });
      expect(res.statusCode, url).toBe(401);
    }
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: org.adminEmail, password: org.adminPassword },
    });
    const cookie = String([login.headers['set-cookie']].flat()[0]).split(';')[0]!;
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/2fa/setup',
      headers: { cookie },
    });
    expect(noCsrf.json().code).toBe('csrf_failed');
    // An API key is not a person: it has no second factor to set up.
    const byKey = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/2fa/setup',
      headers: { authorization: `Bearer ${org.apiKey}` },
    });
    expect(byKey.statusCode).toBe(403);
    expect(byKey.json().code).toBe('insufficient_scope');
  });
});
