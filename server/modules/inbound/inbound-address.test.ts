// The inbound address says whether mail to it is received (issue 21: the address was handed out
// while the receiver was off): `receiving` follows INBOUND_SMTP_PORT. Both dialects.
import { afterEach, describe, expect, it } from 'vitest';
import { call, createTestApp, createTestOrg, type TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';

describe.each(testDialects())('the inbound address on %s', (dialect) => {
  let t: TestApp;
  afterEach(async () => t?.close());

  for (const [env, receiving] of [
    [{}, false],
    [{ INBOUND_SMTP_PORT: '2525' }, true],
  ] as const)
    it(`says receiving=${receiving} with ${JSON.stringify(env)}`, async () => {
      t = await createTestApp({ dialect, env });
      const org = await createTestOrg(t.deps);
      const res = await call(t.app, org.apiKey, { method: 'GET', url: '/api/v1/inbound/address' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ receiving });
      expect(res.json().address).toMatch(/^feedback\+/);
    });
});
