// The SSRF guard at delivery time, end to end through the worker: a name that re-resolves to
// loopback is refused without connecting, and the sender dials the address the guard checked.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
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
import type { PostRequest } from '../../lib/net/pinned-post.ts';
import { createWorker } from '../../worker.ts';
import {
  loopbackNetwork,
  RECEIVER_ADDRESS,
  RECEIVER_NAME,
  startReceiver,
  verify,
} from './delivery.fixtures.ts';
import { emitWebhookEvent } from './emit-event.ts';
import { webhookJobs } from './webhooks.jobs.ts';
import { createWebhook } from './webhooks.service.ts';

describe.each(testDialects())('the SSRF guard at delivery on %s', (dialect) => {
  let t: TestApp;
  let org: TestOrg;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const clock = fixedClock(new Date());
  beforeAll(async () => {
    t = await createTestApp({ dialect, clock, env: { OUTBOUND_ALLOWED_HOSTS: RECEIVER_NAME } });
    receiver = await startReceiver();
  });
  beforeEach(async () => {
    org = await createTestOrg(t.deps, 'Доставка');
  });
  afterAll(async () => {
    await receiver?.close();
    await t?.close();
  });
  afterEach(() => {
    receiver.received.length = 0;
  });

  const system = () =>
    ctxFor(t.deps, { type: 'system', id: null, orgId: org.orgId, role: 'admin' });
  const admin = () => ({
    ...system(),
    actor: { type: 'user' as const, id: null, orgId: org.orgId, role: 'admin' as const },
  });
  const worker = (net: WebhookNetwork) => createWorker(t.deps, webhookJobs(t.deps, net));
  const deliveries = async (id: string) =>
    (
      await call(t.app, org.apiKey, { method: 'GET', url: `/api/v1/webhooks/${id}/deliveries` })
    ).json().items;
  const emitInTransaction = (event: 'feedback.created' | 'case.resolved', data: object) =>
    t.deps.db
      .transaction()
      .execute((trx) => emitWebhookEvent({ ...system(), db: trx }, event, { ...data }));

  it('refuses at delivery time a name that now resolves to loopback (DNS rebinding), without connecting', async () => {
    let answer = '203.0.113.20';
    const post = vi.fn(loopbackNetwork().post);
    const net: WebhookNetwork = { resolve: async () => [{ address: answer, family: 4 }], post };
    const { webhook } = await createWebhook(
      admin(),
      { url: 'https://rebind.example/hook', events: ['feedback.created'] },
      net,
    );
    answer = '127.0.0.1';
    await emitInTransaction('feedback.created', { feedbackId: 'f-rebind' });
    expect(await worker(net).runOnce()).toBe(1);
    expect(post).not.toHaveBeenCalled();
    const [delivery] = await deliveries(webhook.id);
    expect(delivery.status).toBe('failed');
    expect(delivery.lastError).toMatch(/SSRF guard.*loopback/);
    expect(receiver.received).toEqual([]);
  });

  it('connects to the address it checked, not to a fresh DNS answer (pinning), keeping the Host header', async () => {
    const sent: PostRequest[] = [];
    const base = loopbackNetwork(sent);
    const resolve = vi.fn(base.resolve);
    const net: WebhookNetwork = { resolve, post: base.post };
    const { webhook, secret } = await createWebhook(
      admin(),
      { url: `http://${receiver.host}/pinned`, events: ['case.resolved'] },
      net,
    );
    await emitInTransaction('case.resolved', { caseId: 'c-pin' });
    await worker(net).runOnce();
    expect(resolve).toHaveBeenCalledWith(RECEIVER_NAME);
    // The sender was handed the address the guard approved (the test network then dials loopback).
    expect(sent.map((r) => r.address)).toEqual([RECEIVER_ADDRESS]);
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]!.headers.host).toBe(receiver.host);
    expect(verify(secret, receiver.received[0]!)).toBe(true);
    expect((await deliveries(webhook.id))[0].status).toBe('delivered');
  });

  it('refuses delivery to loopback even on a host the operator allowed', async () => {
    const post = vi.fn(loopbackNetwork().post);
    const net: WebhookNetwork = { resolve: async () => [RECEIVER_ADDRESS], post };
    const { webhook } = await createWebhook(
      admin(),
      { url: `http://${receiver.host}/x`, events: ['feedback.created'] },
      net,
    );
    const rebound: WebhookNetwork = {
      resolve: async () => [{ address: '127.0.0.1', family: 4 }],
      post,
    };
    await emitInTransaction('feedback.created', { feedbackId: 'f-loop' });
    expect(await worker(rebound).runOnce()).toBe(1);
    expect(post).not.toHaveBeenCalled();
    expect((await deliveries(webhook.id))[0].lastError).toMatch(/SSRF guard.*loopback/);
  });
});
