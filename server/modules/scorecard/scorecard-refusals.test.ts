// GET /api/v1/scorecard/operations refuses what it cannot answer, on both dialects: a window off
// period boundaries or reversed (422 naming the parameter), an unknown stage (404), a viewer (403).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createTestApp,
  createTestOrg,
  type TestApp,
  type TestOrg,
} from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';

describe.each(testDialects())('operations scorecard refusals on %s', (dialect) => {
  let t: TestApp;
  let org: TestOrg;
  const api = (method: 'GET' | 'POST', url: string, payload?: object) =>
    call(t.app, org.apiKey, { method, url, ...(payload ? { payload } : {}) });
  beforeAll(async () => {
    t = await createTestApp({ dialect });
    org = await createTestOrg(t.deps, 'Ромашка');
    await api('POST', '/api/v1/stages', { key: 'доставка' });
  });
  afterAll(async () => t?.close());

  it('refuses windows off period boundaries and an unknown stage, and viewers', async () => {
    const off = await api('GET', '/api/v1/scorecard/operations?from=2026-03-02&to=2026-05-01');
    expect(off.statusCode).toBe(422);
    expect(off.json().invalidParams).toEqual([{ name: 'query.from', reason: expect.any(String) }]);
    const quarter = await api(
      'GET',
      '/api/v1/scorecard/operations?period=quarter&from=2026-02-01&to=2026-07-01',
    );
    expect(quarter.statusCode).toBe(422);
    const reversed = await api('GET', '/api/v1/scorecard/operations?from=2026-05-01&to=2026-03-01');
    expect(reversed.json().invalidParams[0].name).toBe('query.to');
    const stage = await api('GET', '/api/v1/scorecard/operations?stage=nope');
    expect(stage.statusCode).toBe(404);
    expect(stage.json().invalidParams[0].name).toBe('query.stage');
    const viewer = await api('POST', '/api/v1/api-keys', { name: 'v', role: 'viewer' });
    expect(viewer.statusCode, viewer.body).toBe(201);
    const asViewer = await call(t.app, viewer.json().secret, {
      method: 'GET',
      url: '/api/v1/scorecard/operations',
    });
    expect(asViewer.statusCode).toBe(403);
    const analyst = await api('POST', '/api/v1/api-keys', { name: 'a', role: 'analyst' });
    const asAnalyst = await call(t.app, analyst.json().secret, {
      method: 'GET',
      url: '/api/v1/scorecard/operations',
    });
    expect(asAnalyst.statusCode).toBe(200);
  });
});
