// First-run set-up beyond loopback (issue 19): the one-time set-up token printed to the server log
// at start (or SETUP_TOKEN) is required; on loopback the set-up stays as it was.
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { createLogger } from '../../lib/logger.ts';
import { orgsModule } from './orgs.module.ts';

const BODY = {
  orgName: 'Ромашка',
  name: 'Иван',
  email: 'ivan@example.ru',
  password: 'long-enough-1',
  language: 'ru',
};

function capturedLog() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: createLogger('info', stream), lines };
}

describe.each(testDialects())('first-run set-up token on %s', (dialect) => {
  let t: TestApp;
  afterEach(async () => {
    await t?.close();
  });

  const setup = (payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: '/api/v1/setup', payload });

  it('beyond loopback needs the token printed at start; it works once', async () => {
    t = await createTestApp({ dialect, env: { HOST: '0.0.0.0' } });
    const config = await t.app.inject({ method: 'GET', url: '/api/config' });
    expect(config.json()).toMatchObject({ setupRequired: true, setupTokenRequired: true });

    // Before the start hook ran there is no token at all: nobody can set up.
    const early = await setup(BODY);
    expect(early.statusCode).toBe(403);
    expect(early.json().code).toBe('setup_token_invalid');

    const { log, lines } = capturedLog();
    await orgsModule.start!({ ...t.deps, log });
    const printed = lines.join('').match(/Set-up token: (st_[\w-]+)/)?.[1];
    expect(printed).toBeDefined();
    // A second process (or a restart) prints the same token.
    const again = capturedLog();
    await orgsModule.start!({ ...t.deps, log: again.log });
    expect(again.lines.join('')).toContain(printed);

    for (const setupToken of [undefined, 'st_wrong', `${printed}x`]) {
      const refused = await setup({ ...BODY, ...(setupToken ? { setupToken } : {}) });
      expect(refused.statusCode).toBe(403);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.json().code).toBe('setup_token_invalid');
    }
    expect(await t.deps.db.selectFrom('orgs').selectAll().execute()).toHaveLength(0);

    const ok = await setup({ ...BODY, setupToken: printed });
    expect(ok.statusCode).toBe(201);
    // Used once: gone from the database.
    const left = await t.deps.db
      .selectFrom('instance_settings')
      .select('key')
      .where('key', '=', 'setup_token')
      .execute();
    expect(left).toHaveLength(0);
    const second = await setup({ ...BODY, email: 'x@example.ru', setupToken: printed });
    expect(second.statusCode).toBe(409);
  });

  it('takes SETUP_TOKEN from the environment and prints nothing then', async () => {
    const token = 'operator-chosen-token-123';
    t = await createTestApp({ dialect, env: { HOST: '::', SETUP_TOKEN: token } });
    const { log, lines } = capturedLog();
    await orgsModule.start!({ ...t.deps, log });
    expect(lines.join('')).not.toContain('Set-up token');
    expect((await setup({ ...BODY, setupToken: 'operator-chosen-token-12' })).statusCode).toBe(403);
    expect((await setup({ ...BODY, setupToken: token })).statusCode).toBe(201);
  });

  it('on loopback stays as before: no token asked, none printed', async () => {
    t = await createTestApp({ dialect, env: { HOST: '127.0.0.1' } });
    const { log, lines } = capturedLog();
    await orgsModule.start!({ ...t.deps, log });
    expect(lines.join('')).not.toContain('Set-up token');
    expect((await t.app.inject({ method: 'GET', url: '/api/config' })).json()).toMatchObject({
      setupTokenRequired: false,
    });
    expect((await setup(BODY)).statusCode).toBe(201);
  });
});
