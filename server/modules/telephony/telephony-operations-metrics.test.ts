// The operations metrics of imported calls, end to end through HTTP on both dialects: answered,
// missed and call-back figures by stage, and a reversed period refused.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../lib/clock.ts';
import { SALES_CSV } from './telephony.fixtures.ts';
import {
  call,
  createTestApp,
  createTestOrg,
  type TestApp,
  type TestOrg,
} from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';

describe.each(testDialects())('telephony on %s', (dialect) => {
  let t: TestApp;
  let org: TestOrg;
  const NOW = '2026-11-20T12:00:00Z';
  const clock = fixedClock(NOW);
  beforeAll(async () => {
    t = await createTestApp({ dialect, clock });
  });
  // Each test gets an organisation of its own and the clock at NOW: no test leans on the calls,
  // settings or time another one left behind, so any of them runs alone or in any order.
  beforeEach(async () => {
    clock.set(NOW);
    org = await createTestOrg(t.deps, 'Ромашка');
  });
  afterAll(async () => t?.close());

  const upload = (body: string | Buffer, query = '', type = 'text/csv', key = org.apiKey) =>
    call(t.app, key, {
      method: 'POST',
      url: `/api/v1/calls/import?filename=calls.csv${query}`,
      headers: { 'content-type': type },
      payload: body,
    });

  it('reports the operations metrics of the stored calls by stage', async () => {
    expect((await upload(SALES_CSV, '&timeZone=Europe/Moscow')).json()).toMatchObject({
      created: 2,
    });
    const res = await call(t.app, org.apiKey, {
      method: 'GET',
      url: '/api/v1/metrics/operations?from=2026-11-20&to=2026-11-21&groupBy=stage',
    });
    expect(res.statusCode).toBe(200);
    const sales = res.json().groups.find((g: { key: string }) => g.key === 'продажи');
    // The missed 09:00 call (wait 12 s) was called back at 09:20: 20 minutes, within 30.
    expect(sales).toEqual({
      key: 'продажи',
      calls: 2,
      answeredShare: 0.5,
      missedShare: 1,
      avgWaitSeconds: 12,
      p90WaitSeconds: 12,
      avgCallbackMinutes: 20,
      callbackWithinTargetShare: 1,
    });
    const bad = await call(t.app, org.apiKey, {
      method: 'GET',
      url: '/api/v1/metrics/operations?from=2026-11-21&to=2026-11-20',
    });
    expect(bad.statusCode).toBe(400);
  });
});
