// The outbox side of webhooks: other modules call emitWebhookEvent inside their own transaction,
// so a delivery exists (and its job is queued) exactly when the change that caused it commits.
import type { Ctx } from '../../context.ts';
import type { WebhookDeliveriesTable } from '../../db/types.ts';
import { newId } from '../../lib/ids.ts';
import type { WebhookEvent } from '../../../shared/api/webhooks.ts';
import * as repo from './webhooks.repo.ts';

export const DELIVER_JOB = 'webhooks.deliver';
/** Attempts per delivery job; with the queue's doubling back-off the last one is ~2 minutes in. */
export const DELIVERY_MAX_ATTEMPTS = 8;

type EmitCtx = Pick<Ctx, 'db' | 'orgId' | 'jobs' | 'clock'>;

/** Queues the delivery job; `attemptKey` distinguishes a manual retry from the first run. */
export async function enqueueDelivery(
  ctx: EmitCtx,
  deliveryId: string,
  attemptKey?: string,
): Promise<void> {
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
export async function emitWebhookEvent(
  ctx: EmitCtx,
  event: WebhookEvent,
  data: Record<string, unknown>,
): Promise<void> {
  await emitWebhookEvents(ctx, event, [data]);
}

/**
 * The same for several events of one kind (an intake group): one subscription query, then one
 * multi-row insert of deliveries and one of their jobs, whatever the number of events.
 */
export async function emitWebhookEvents(
  ctx: EmitCtx,
  event: WebhookEvent,
  datas: readonly Record<string, unknown>[],
): Promise<void> {
  if (datas.length === 0) return;
  const hooks = await repo.listActiveSubscriptions(ctx.db, ctx.orgId);
  const subscribed = hooks.filter((h) => (JSON.parse(h.events) as string[]).includes(event));
  if (subscribed.length === 0) return;
  const now = ctx.clock.now();
  const at = now.toISOString();
  const deliveries: WebhookDeliveriesTable[] = [];
  for (const data of datas) {
    const eventId = newId(now.getTime());
    const payload = JSON.stringify({ type: event, timestamp: at, data });
    for (const hook of subscribed) {
      deliveries.push({
        id: newId(now.getTime()),
        org_id: ctx.orgId,
        webhook_id: hook.id,
        event,
        event_id: eventId,
        payload,
        status: 'pending',
        attempts: 0,
        response_status: null,
        last_error: null,
        created_at: at,
        delivered_at: null,
      });
    }
  }
  await repo.insertDeliveries(ctx.db, deliveries);
  await ctx.jobs.enqueueMany(
    ctx.db,
    deliveries.map((d) => ({
      name: DELIVER_JOB,
      orgId: ctx.orgId,
      payload: { deliveryId: d.id },
      dedupeKey: `webhook:${d.id}`,
      maxAttempts: DELIVERY_MAX_ATTEMPTS,
    })),
  );
}
