import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createTestApp,
  createTestOrg,
  type TestApp,
  type TestOrg,
} from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { ctxFor } from '../../context.ts';
import { emitWebhookEvent } from './emit-event.ts';

// Documentation addresses (TEST-NET): public for the guard, no DNS, and never called here.
const PUBLIC_URL = 'https://203.0.113.10/clientloop';

describe.each(testDialects())('webhooks API on %s', (dialect) => {
  let t: TestApp;
  let org: TestOrg;
  let viewerKey: string;
  beforeAll(async () => {
    t = await createTestApp({ dialect });
    org = await createTestOrg(t.deps, 'Вебхуки');
    const key = await call(t.app, org.apiKey, {
      method: 'POST',
      url: '/api/v1/api-keys',
      payload: { name: 'viewer', role: 'viewer' },
    });
    viewerKey = key.json().secret;
  });
  afterAll(async () => t?.close());

  const create = (payload: object, key = org.apiKey) =>
    call(t.app, key, { method: 'POST', url: '/api/v1/webhooks', payload });

  it('creates a webhook, shows its secret once and only a masked prefix afterwards', async () => {
    const res = await create({
      url: PUBLIC_URL,
      events: ['case.updated', 'case.updated', 'feedback.created'],
    });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created.secret).toMatch(/^whsec_/);
    expect(created).toMatchObject({
      url: PUBLIC_URL,
      events: ['case.updated', 'feedback.created'],
      active: true,
      allowedHost: null,
    });
    expect(created.secretPrefix).toBe(`${created.secret.slice(0, 10)}…`);

    const read = await call(t.app, org.apiKey, {
      method: 'GET',
      url: `/api/v1/webhooks/${created.id}`,
    });
    expect(read.statusCode).toBe(200);
    expect(read.json().secret).toBeUndefined();
    expect(read.body).not.toContain(created.secret);
    const list = await call(t.app, org.apiKey, { method: 'GET', url: '/api/v1/webhooks' });
    expect(list.json().items.map((w: { id: string }) => w.id)).toContain(created.id);
    expect(list.body).not.toContain(created.secret);
  });

  it.each([
    ['http://169.254.169.254/latest/meta-data/', 'link-local'],
    ['http://2130706433/', 'loopback'],
    ['http://0x7f.1/', 'loopback'],
    ['http://[::ffff:127.0.0.1]/', 'loopback'],
    ['http://192.168.0.10/hook', 'private'],
    ['ftp://203.0.113.10/', 'only http and https'],
  ])('refuses %s with a validation problem on body.url', async (url, why) => {
    const res = await create({ url, events: ['case.updated'] });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation_failed');
    expect(res.json().invalidParams).toEqual([
      { name: 'body.url', reason: expect.stringContaining(why) },
    ]);
  });

  it('refuses a tenant exception to the guard (allowedHost), naming the operator setting', async () => {
    // Before issue 19 an admin could switch the guard off for a host; now nothing is stored.
    const res = await create({
      url: 'http://10.0.0.5:8080/in',
      events: ['case.resolved'],
      allowedHost: '10.0.0.5:8080',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().invalidParams[0]).toMatchObject({
      name: 'body.allowedHost',
      reason: expect.stringContaining('OUTBOUND_ALLOWED_HOSTS'),
    });
    const viaPatch = await call(t.app, org.apiKey, {
      method: 'PATCH',
      url: `/api/v1/webhooks/${(await create({ url: PUBLIC_URL, events: ['case.resolved'] })).json().id}`,
      payload: { url: 'http://10.0.0.5:8080/in', allowedHost: '10.0.0.5:8080' },
    });
    expect(viaPatch.statusCode).toBe(400);
  });

  it("lets the operator's OUTBOUND_ALLOWED_HOSTS reach a private host, never loopback or metadata", async () => {
    const op = await createTestApp({
      dialect,
      env: { OUTBOUND_ALLOWED_HOSTS: '10.0.0.5:8080, 127.0.0.1:9000, 169.254.169.254' },
    });
    try {
      const opOrg = await createTestOrg(op.deps, 'Оператор');
      const make = (url: string) =>
        call(op.app, opOrg.apiKey, {
          method: 'POST',
          url: '/api/v1/webhooks',
          payload: { url, events: ['case.resolved'] },
        });
      const ok = await make('http://10.0.0.5:8080/in');
      expect(ok.statusCode).toBe(201);
      expect(ok.json().allowedHost).toBeNull();
      expect((await make('http://10.0.0.5:8081/in')).statusCode).toBe(400);
      expect((await make('http://127.0.0.1:9000/in')).statusCode).toBe(400);
      expect((await make('http://169.254.169.254/latest/meta-data/')).statusCode).toBe(400);
    } finally {
      await op.close();
    }
  });

  it('changes events, the active flag and the URL, re-checking a new URL', async () => {
    const id = (await create({ url: PUBLIC_URL, events: ['case.updated'] })).json().id;
    const patched = await call(t.app, org.apiKey, {
      method: 'PATCH',
      url: `/api/v1/webhooks/${id}`,
      payload: { events: ['case.resolved'], active: false, url: 'https://203.0.113.11/x' },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      events: ['case.resolved'],
      active: false,
      url: 'https://203.0.113.11/x',
    });
    const refused = await call(t.app, org.apiKey, {
      method: 'PATCH',
      url: `/api/v1/webhooks/${id}`,
      payload: { url: 'http://127.0.0.1/' },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().invalidParams[0].name).toBe('body.url');
    expect(
      (await call(t.app, org.apiKey, { method: 'GET', url: `/api/v1/webhooks/${id}` })).json().url,
    ).toBe('https://203.0.113.11/x');
  });

  it('deletes a webhook with its deliveries and records create, update and delete in the audit log', async () => {
    const id = (await create({ url: PUBLIC_URL, events: ['case.updated'] })).json().id;
    await call(t.app, org.apiKey, {
      method: 'PATCH',
      url: `/api/v1/webhooks/${id}`,
      payload: { active: true },
    });
    await emitWebhookEvent(
      ctxFor(t.deps, { type: 'system', id: null, orgId: org.orgId, role: 'admin' }),
      'case.updated',
      { caseId: 'c1' },
    );
    const deliveriesOf = () =>
      t.deps.db
        .selectFrom('webhook_deliveries')
        .select('id')
        .where('webhook_id', '=', id)
        .execute();
    // The event made a delivery, so "none left" below is the delete's doing, not an empty start.
    expect(await deliveriesOf()).toHaveLength(1);
    const listed = await call(t.app, org.apiKey, {
      method: 'GET',
      url: `/api/v1/webhooks/${id}/deliveries`,
    });
    expect(listed.json().items).toHaveLength(1);
    const del = await call(t.app, org.apiKey, { method: 'DELETE', url: `/api/v1/webhooks/${id}` });
    expect(del.statusCode).toBe(204);
    expect(
      (await call(t.app, org.apiKey, { method: 'GET', url: `/api/v1/webhooks/${id}` })).statusCode,
    ).toBe(404);
    expect(await deliveriesOf()).toEqual([]);
    const audit = await call(t.app, org.apiKey, { method: 'GET', url: '/api/v1/audit?limit=200' });
    const actions = audit
      .json()
      .items.filter((a: { targetId: string }) => a.targetId === id)
      .map((a: { action: string }) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(['webhook.created', 'webhook.updated', 'webhook.deleted']),
    );
    expect(audit.body).not.toContain('whsec_');
  });

  it('lists deliveries newest first, a page at a time', async () => {
    const id = (await create({ url: PUBLIC_URL, events: ['feedback.created'] })).json().id;
    const ctx = ctxFor(t.deps, { type: 'system', id: null, orgId: org.orgId, role: 'admin' });
    for (const n of [1, 2, 3]) await emitWebhookEvent(ctx, 'feedback.created', { n });
    // Delivery logs carry every payload: a viewer is refused (issue 19), an admin reads them.
    const refused = await call(t.app, viewerKey, {
      method: 'GET',
      url: `/api/v1/webhooks/${id}/deliveries?limit=2`,
    });
    expect(refused.statusCode).toBe(403);
    // A viewer's key has no admin scope (issue 19), so the scope check refuses it first.
    expect(refused.json().code).toBe('insufficient_scope');
    const first = await call(t.app, org.apiKey, {
      method: 'GET',
      url: `/api/v1/webhooks/${id}/deliveries?limit=2`,
    });
    expect(first.statusCode).toBe(200);
    expect(
      first.json().items.map((d: { payload: { data: { n: number } } }) => d.payload.data.n),
    ).toEqual([3, 2]);
    expect(first.json().items[0]).toMatchObject({
      status: 'pending',
      attempts: 0,
      event: 'feedback.created',
      webhookId: id,
    });
    const second = await call(t.app, org.apiKey, {
      method: 'GET',
      url: `/api/v1/webhooks/${id}/deliveries?limit=2&cursor=${first.json().nextCursor}`,
    });
    expect(
      second.json().items.map((d: { payload: { data: { n: number } } }) => d.payload.data.n),
    ).toEqual([1]);
    expect(second.json().nextCursor).toBeNull();
  });

  it('lets only admins manage webhooks and read their delivery logs', async () => {
    const id = (await create({ url: PUBLIC_URL, events: ['case.updated'] })).json().id;
    expect(
      (await create({ url: PUBLIC_URL, events: ['case.updated'] }, viewerKey)).statusCode,
    ).toBe(403);
    expect(
      (await call(t.app, viewerKey, { method: 'GET', url: '/api/v1/webhooks' })).statusCode,
    ).toBe(403);
    expect(
      (await call(t.app, viewerKey, { method: 'DELETE', url: `/api/v1/webhooks/${id}` }))
        .statusCode,
    ).toBe(403);
    expect(
      (await call(t.app, viewerKey, { method: 'GET', url: `/api/v1/webhooks/${id}/deliveries` }))
        .statusCode,
    ).toBe(403);
  });

  it('refuses to retry a delivery that has not failed', async () => {
    const id = (await create({ url: PUBLIC_URL, events: ['case.resolved'] })).json().id;
    await emitWebhookEvent(
      ctxFor(t.deps, { type: 'system', id: null, orgId: org.orgId, role: 'admin' }),
      'case.resolved',
      {},
    );
    const [delivery] = (
      await call(t.app, org.apiKey, { method: 'GET', url: `/api/v1/webhooks/${id}/deliveries` })
    ).json().items;
    const res = await call(t.app, org.apiKey, {
      method: 'POST',
      url: `/api/v1/webhooks/${id}/deliveries/${delivery.id}/retry`,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('conflict');
  });
});
