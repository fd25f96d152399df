// The outbox side of webhooks: other modules call emitWebhookEvent inside their own transaction,
// so a delivery exists (and its job is queued) exactly when the change that caused it commits.
import type { Ctx } from '../../context.ts';
import { newId } from '../../lib/ids.ts';
import type { WebhookEvent } from '../../../shared/api/webhooks.ts';
import * as repo from './webhooks.repo.ts';

export const DELIVER_JOB = 'webhooks.deliver';
/** Attempts per delivery job; with the queue's doubling back-off the last one is ~2 minutes in. */
export const DELIVERY_MAX_ATTEMPTS = 8;

type EmitCtx = Pick<Ctx, 'db' | 'orgId' | 'jobs' | 'clock'>;

/** Queues the delivery job; `attemptKey` distinguishes a manual retry from the first run. */
export async function enqueueDelivery(ctx: EmitCtx, deliveryId: string, attemptKey?: string): Promise<void> {
  await ctx.jobs.enqueue(ctx.db, {
    name: DELIVER_JOB,
    orgId: ctx.orgId,
    payload: { deliveryId },
    dedupeKey: attemptKey ? `webhook:${deliveryId}:${attemptKey}` : `webhook:${deliveryId}`,
    maxAttempts: DELIVERY_MAX_ATTEMPTS,
  });
}

/**
 * Records one delivery per active webhook of the organisation subscribed to `event`, all
 * sharing one event id (the receiver's idempotency key), and queues them. Costs one query
 * when the organisation has no webhooks.
 */
export async function emitWebhookEvent(ctx: EmitCtx, event: WebhookEvent, data: Record<string, unknown>): Promise<void> {
  const hooks = await repo.listActiveSubscriptions(ctx.db, ctx.orgId);
  const subscribed = hooks.filter((h) => (JSON.parse(h.events) as string[]).includes(event));
  if (subscribed.length === 0) return;
  const now = ctx.clock.now();
  const eventId = newId(now.getTime());
  const payload = JSON.stringify({ type: event, timestamp: now.toISOString(), data });
  for (const hook of subscribed) {
    const id = newId(now.getTime());
    await repo.insertDelivery(ctx.db, ctx.orgId, {
      id,
      webhook_id: hook.id,
      event,
      event_id: eventId,
      payload,
      status: 'pending',
      attempts: 0,
      response_status: null,
      last_error: null,
      created_at: now.toISOString(),
      delivered_at: null,
    });
    await enqueueDelivery(ctx, id);
  }
}
