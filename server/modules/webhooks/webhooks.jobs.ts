// The delivery job: guard the target again (DNS may have changed since the URL was saved), POST
// the signed body to the approved address, and record the outcome. A failure throws so the
// queue retries with back-off; the last allowed attempt marks the delivery failed for good.
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../http/errors.ts';
import { defineJob, type JobContext, type JobDefinition } from '../../jobs/queue.ts';
import { DELIVER_JOB, DELIVERY_MAX_ATTEMPTS } from './emit-event.ts';
import type { WebhookNetwork } from '../../lib/net/network.ts';
import { webhookHeaders } from './signature.ts';
import { open } from '../../lib/secret-box.ts';
import { checkOutboundTarget } from '../../lib/net/ssrf-guard.ts';
import * as repo from './webhooks.repo.ts';
import { webhookPolicy } from './webhooks.service.ts';

export const DELIVERY_TIMEOUT_MS = 10_000;

export function webhookJobs(deps: Deps, net: WebhookNetwork): JobDefinition[] {
  return [
    defineJob({
      name: DELIVER_JOB,
      payload: z.object({ deliveryId: z.uuid() }),
      maxAttempts: DELIVERY_MAX_ATTEMPTS,
      handler: (ctx, payload) => deliverWebhook(deps, net, ctx, payload.deliveryId),
    }),
  ];
}

export async function deliverWebhook(
  deps: Deps,
  net: WebhookNetwork,
  job: JobContext,
  deliveryId: string,
): Promise<void> {
  const orgId = job.orgId;
  if (!orgId)
    throw new AppError('unprocessable', 'A webhook delivery job carries its organisation');
  const delivery = await repo.findDelivery(deps.db, orgId, deliveryId);
  // Idempotent: a delivery already sent (or deleted with its webhook) needs nothing more.
  if (!delivery || delivery.status === 'delivered') return;
  const webhook = await repo.findWebhook(deps.db, orgId, delivery.webhook_id);
  if (!webhook) return;

  const final = job.attempt >= DELIVERY_MAX_ATTEMPTS;
  const fail = async (
    reason: string,
    responseStatus: number | null,
    permanent: boolean,
  ): Promise<never> => {
    const status = final || permanent ? 'failed' : 'pending';
    await repo.recordDeliveryAttempt(deps.db, orgId, deliveryId, {
      status,
      response_status: responseStatus,
      last_error: reason.slice(0, 1000),
      delivered_at: null,
    });
    // 'unprocessable' tells the worker not to retry; a plain Error is retried with back-off.
    throw permanent ? new AppError('unprocessable', reason) : new Error(reason);
  };

  if (!webhook.active) return fail('the webhook is disabled', null, true);
  // allowed_host of older rows is ignored: exceptions are the operator's (issue 19).
  const target = await checkOutboundTarget(webhook.url, webhookPolicy(deps.config), net.resolve);
  if (!target.ok)
    return fail(`refused by the SSRF guard: ${target.reason}`, null, !target.retryable);

  const body = delivery.payload;
  const result = await net.post({
    url: target.url,
    address: target.address,
    headers: webhookHeaders(
      await open(deps, 'webhook_secret', webhook.secret_enc),
      delivery.event_id,
      deps.clock.now(),
      body,
    ),
    body,
    timeoutMs: DELIVERY_TIMEOUT_MS,
  });
  if ('error' in result) return fail(result.error, null, false);
  if (result.status >= 200 && result.status < 300) {
    await repo.recordDeliveryAttempt(deps.db, orgId, deliveryId, {
      status: 'delivered',
      response_status: result.status,
      last_error: null,
      delivered_at: deps.clock.now().toISOString(),
    });
    job.log.info({ deliveryId, status: result.status }, 'webhook delivered');
    return;
  }
  // Redirects are never followed: the new location was not checked by the guard.
  const why =
    result.status >= 300 && result.status < 400
      ? `redirect ${result.status} not followed`
      : `the receiver answered ${result.status}`;
  return fail(why, result.status, false);
}
