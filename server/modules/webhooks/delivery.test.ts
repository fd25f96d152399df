// End to end: emit inside a transaction → worker → a real HTTP receiver on 127.0.0.1 (the only
// place these tests send traffic), reached as receiver.test, a private address the operator
// allowed (delivery.fixtures.ts explains the test network).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  call,
  createTestApp,
  createTestOrg,
  type TestApp,
  type TestOrg,
} from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { ctxFor } from '../../context.ts';
import { fixedClock } from '../../lib/clock.ts';
import type { WebhookNetwork } from '../../lib/net/network.ts';
import { createWorker } from '../../worker.ts';
import { loopbackNetwork, RECEIVER_NAME, startReceiver, verify } from './delivery.fixtures.ts';
import { emitWebhookEvent } from './emit-event.ts';
import { webhookJobs } from './webhooks.jobs.ts';
import { createWebhook } from './webhooks.service.ts';
import type { WebhookEvent } from '../../../shared/api/webhooks.ts';

describe.each(testDialects())('webhook delivery on %s', (dialect) => {
  let t: TestApp;
  let org: TestOrg;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const clock = fixedClock(new Date());
  const net = loopbackNetwork();
  beforeAll(async () => {
    t = await createTestApp({ dialect, clock, env: { OUTBOUND_ALLOWED_HOSTS: RECEIVER_NAME } });
    receiver = await startReceiver();
  });
  // A fresh organisation per test, so earlier tests' webhooks do not receive this test's events.
  beforeEach(async () => {
    org = await createTestOrg(t.deps, 'Доставка');
  });
  afterAll(async () => {
    await receiver?.close();
    await t?.close();
  });
  afterEach(() => {
    receiver.received.length = 0;
    receiver.replies.length = 0;
  });

  const system = () =>
    ctxFor(t.deps, { type: 'system', id: null, orgId: org.orgId, role: 'admin' });
  const worker = (network: WebhookNetwork = net) =>
    createWorker(t.deps, webhookJobs(t.deps, network));
  const deliveries = async (id: string) =>
    (
      await call(t.app, org.apiKey, { method: 'GET', url: `/api/v1/webhooks/${id}/deliveries` })
    ).json().items;

  /** A webhook to the receiver, created by an admin through the service with the test network. */
  async function localWebhook(events: WebhookEvent[], orgId = org.orgId, path = '/hook') {
    const admin = ctxFor(t.deps, { type: 'user', id: null, orgId, role: 'admin' });
    const { webhook, secret } = await createWebhook(
      admin,
      { url: `http://${receiver.host}${path}`, events },
      net,
    );
    return { id: webhook.id, secret };
  }

  /** Emits like a caller would: inside its own transaction. */
  const emitInTransaction = (
    event: 'feedback.created' | 'case.updated' | 'case.resolved',
    data: Record<string, unknown>,
  ) =>
    t.deps.db
      .transaction()
      .execute((trx) => emitWebhookEvent({ ...system(), db: trx }, event, data));

  it('delivers a signed Standard Webhooks request and marks the delivery delivered', async () => {
    const hook = await localWebhook(['feedback.created']);
    await emitInTransaction('feedback.created', { feedbackId: 'f-1', text: 'Спасибо' });
    expect(await worker().runOnce()).toBe(1);

    expect(receiver.received).toHaveLength(1);
    const got = receiver.received[0]!;
    expect(got.path).toBe('/hook');
    expect(got.headers['content-type']).toBe('application/json');
    expect(verify(hook.secret, got)).toBe(true);
    expect(JSON.parse(got.body)).toEqual({
      type: 'feedback.created',
      timestamp: clock.now().toISOString(),
      data: { feedbackId: 'f-1', text: 'Спасибо' },
    });
    expect(got.headers['webhook-timestamp']).toBe(String(Math.floor(clock.now().getTime() / 1000)));
    const [delivery] = await deliveries(hook.id);
    expect(delivery).toMatchObject({
      status: 'delivered',
      attempts: 1,
      responseStatus: 200,
      lastError: null,
      eventId: got.headers['webhook-id'],
    });
  });

  it('records a 500, retries after the back-off and then succeeds with the same event id', async () => {
    const hook = await localWebhook(['case.updated']);
    receiver.replies.push(500);
    await emitInTransaction('case.updated', { caseId: 'c-1' });
    await worker().runOnce();
    let [delivery] = await deliveries(hook.id);
    expect(delivery).toMatchObject({
      status: 'pending',
      attempts: 1,
      responseStatus: 500,
      lastError: 'the receiver answered 500',
    });
    expect(await worker().runOnce()).toBe(0); // not before the back-off
    clock.advance(5_000);
    expect(await worker().runOnce()).toBe(1);
    [delivery] = await deliveries(hook.id);
    expect(delivery).toMatchObject({
      status: 'delivered',
      attempts: 2,
      responseStatus: 200,
      lastError: null,
    });
    expect(receiver.received.map((r) => r.headers['webhook-id'])).toEqual([
      delivery.eventId,
      delivery.eventId,
    ]);
    expect(receiver.received.every((r) => verify(hook.secret, r))).toBe(true);
  });

  it('treats a redirect as a failure without following it, fails for good after the last attempt, and retries on request', async () => {
    const hook = await localWebhook(['case.resolved']);
    receiver.replies.push(...Array(8).fill(302));
    await emitInTransaction('case.resolved', { caseId: 'c-2' });
    for (let i = 0; i < 8; i += 1) {
      expect(await worker().runOnce()).toBe(1);
      clock.advance(3_600_000 * 2);
    }
    expect(receiver.received.map((r) => r.path)).toEqual(Array(8).fill('/hook')); // never /elsewhere
    let [delivery] = await deliveries(hook.id);
    expect(delivery).toMatchObject({
      status: 'failed',
      attempts: 8,
      responseStatus: 302,
      lastError: 'redirect 302 not followed',
    });
    expect(await worker().runOnce()).toBe(0);

    const retry = await call(t.app, org.apiKey, {
      method: 'POST',
      url: `/api/v1/webhooks/${hook.id}/deliveries/${delivery.id}/retry`,
    });
    expect(retry.statusCode).toBe(202);
    expect(retry.json().status).toBe('pending');
    const again = await call(t.app, org.apiKey, {
      method: 'POST',
      url: `/api/v1/webhooks/${hook.id}/deliveries/${delivery.id}/retry`,
    });
    expect(again.statusCode).toBe(409);
    expect(await worker().runOnce()).toBe(1);
    [delivery] = await deliveries(hook.id);
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 9, responseStatus: 200 });
  });

  it('creates no delivery and no job when the caller rolls its transaction back', async () => {
    const hook = await localWebhook(['feedback.created']);
    const jobsBefore = await t.deps.db
      .selectFrom('jobs')
      .select('id')
      .where('name', '=', 'webhooks.deliver')
      .execute();
    await expect(
      t.deps.db.transaction().execute(async (trx) => {
        await emitWebhookEvent({ ...system(), db: trx }, 'feedback.created', {
          feedbackId: 'f-rolled-back',
        });
        throw new Error('the caller failed after emitting');
      }),
    ).rejects.toThrow('the caller failed');
    expect(await deliveries(hook.id)).toEqual([]);
    const jobsAfter = await t.deps.db
      .selectFrom('jobs')
      .select('id')
      .where('name', '=', 'webhooks.deliver')
      .execute();
    expect(jobsAfter).toHaveLength(jobsBefore.length);
    expect(await worker().runOnce()).toBe(0);
    expect(receiver.received).toEqual([]);
  });

  it('emits only to active webhooks of the same organisation that subscribe to the event', async () => {
    const other = await createTestOrg(t.deps, 'Чужая');
    const otherHook = await localWebhook(['case.updated'], other.orgId, '/other');
    const subscribed = await localWebhook(['case.updated']);
    const unsubscribed = await localWebhook(['case.resolved']);
    const inactive = await localWebhook(['case.updated']);
    await call(t.app, org.apiKey, {
      method: 'PATCH',
      url: `/api/v1/webhooks/${inactive.id}`,
      payload: { active: false },
    });
    await emitInTransaction('case.updated', { caseId: 'c-3' });
    expect(await deliveries(subscribed.id)).toHaveLength(1);
    expect(await deliveries(unsubscribed.id)).toEqual([]);
    expect(await deliveries(inactive.id)).toEqual([]);
    expect(
      (
        await call(t.app, other.apiKey, {
          method: 'GET',
          url: `/api/v1/webhooks/${otherHook.id}/deliveries`,
        })
      ).json().items,
    ).toEqual([]);
    await worker().runOnce();
    expect(receiver.received.map((r) => r.path)).toEqual(['/hook']);
  });
});
