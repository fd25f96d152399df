// Use-cases for an organisation's outbound webhooks. Roles are checked here; every URL passes
// the SSRF guard before it is saved (and again before each delivery, in webhooks.jobs.ts).
import { inTransaction, type Ctx } from '../../context.ts';
import { AppError } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import { decodeCursor, toPage } from '../../lib/paging.ts';
import { assertCan } from '../../lib/permissions.ts';
import type { WebhookEvent } from '../../../shared/api/webhooks.ts';
import { recordAudit } from '../orgs/index.ts';
import { enqueueDelivery } from './emit-event.ts';
import { systemNetwork, type WebhookNetwork } from '../../lib/net/network.ts';
import { generateWebhookSecret, maskWebhookSecret } from './signature.ts';
import { seal } from '../../lib/secret-box.ts';
import { checkOutboundTarget, type OutboundPolicy } from '../../lib/net/ssrf-guard.ts';
import * as repo from './webhooks.repo.ts';

export interface CreateWebhookInput {
  url: string;
  events: WebhookEvent[];
  allowedHost?: string | null;
}

export interface WebhookPatchInput {
  url?: string;
  events?: WebhookEvent[];
  active?: boolean;
  allowedHost?: string | null;
}

const invalid = (name: string, reason: string) =>
  new AppError(
    'validation_failed',
    `The webhook ${name.replace('body.', '')} is not allowed: ${reason}`,
    { invalidParams: [{ name, reason }] },
  );

/**
 * Refuses URLs that reach our own network. Exceptions are the operator's (OUTBOUND_ALLOWED_HOSTS)
 * and reach private addresses only; a tenant can no longer lift the guard (issue 19): a non-null
 * `allowedHost` in a body is refused, naming the setting.
 */
async function assertSafeTarget(
  ctx: Ctx,
  url: string,
  allowedHost: string | null | undefined,
  net: WebhookNetwork,
): Promise<void> {
  if (allowedHost !== null && allowedHost !== undefined)
    throw invalid(
      'body.allowedHost',
      'exceptions to the SSRF guard are set by the operator (OUTBOUND_ALLOWED_HOSTS), not per webhook',
    );
  const check = await checkOutboundTarget(url, webhookPolicy(ctx.config), net.resolve);
  if (!check.ok) throw invalid('body.url', check.reason);
}

/** A webhook URL is a tenant's: the operator's allowed hosts may reach private addresses only. */
export const webhookPolicy = (config: Ctx['config']): OutboundPolicy => ({
  allowedHosts: config.security.outboundAllowedHosts,
  allowedReach: 'private',
});

export async function listWebhooks(ctx: Ctx) {
  assertCan(ctx.actor, 'org.manage');
  return repo.listWebhooks(ctx.db, ctx.orgId);
}

export async function getWebhook(ctx: Ctx, id: string) {
  assertCan(ctx.actor, 'org.manage');
  return repo.getWebhook(ctx.db, ctx.orgId, id);
}

/** Creates a webhook and returns its signing secret (shown to the caller this once). */
export async function createWebhook(
  ctx: Ctx,
  input: CreateWebhookInput,
  net: WebhookNetwork = systemNetwork,
) {
  assertCan(ctx.actor, 'org.manage');
  await assertSafeTarget(ctx, input.url, input.allowedHost, net);
  const secret = generateWebhookSecret();
  return inTransaction(ctx, async (tx) => {
    const now = tx.clock.now().toISOString();
    const id = newId(tx.clock.now().getTime());
    await repo.insertWebhook(tx.db, tx.orgId, {
      id,
      url: input.url,
      // Sealed at rest (issue 19): the plaintext is in this response only.
      secret_enc: await seal(tx, 'webhook_secret', secret),
      secret_prefix: maskWebhookSecret(secret),
      events: JSON.stringify(input.events),
      active: 1,
      allowed_host: null,
      created_at: now,
      updated_at: now,
    });
    await recordAudit(tx, 'webhook.created', { type: 'webhook', id }, { events: input.events });
    return { webhook: await repo.getWebhook(tx.db, tx.orgId, id), secret };
  });
}

export async function updateWebhook(
  ctx: Ctx,
  id: string,
  patch: WebhookPatchInput,
  net: WebhookNetwork = systemNetwork,
) {
  assertCan(ctx.actor, 'org.manage');
  const current = await repo.getWebhook(ctx.db, ctx.orgId, id);
  const url = patch.url ?? current.url;
  // A new URL is checked again; an unchanged one is checked before every delivery anyway.
  if (patch.url !== undefined || patch.allowedHost !== undefined) {
    await assertSafeTarget(ctx, url, patch.allowedHost, net);
  }
  return inTransaction(ctx, async (tx) => {
    await repo.getWebhook(tx.db, tx.orgId, id);
    await repo.updateWebhook(tx.db, tx.orgId, id, {
      ...(patch.url !== undefined ? { url: patch.url } : {}),
      ...(patch.events !== undefined ? { events: JSON.stringify(patch.events) } : {}),
      ...(patch.active !== undefined ? { active: patch.active ? 1 : 0 } : {}),
      // A per-webhook exception of old is dropped with any change: only the operator's count.
      allowed_host: null,
      updated_at: tx.clock.now().toISOString(),
    });
    await recordAudit(
      tx,
      'webhook.updated',
      { type: 'webhook', id },
      { fields: Object.keys(patch) },
    );
    return repo.getWebhook(tx.db, tx.orgId, id);
  });
}

export async function deleteWebhook(ctx: Ctx, id: string): Promise<void> {
  assertCan(ctx.actor, 'org.manage');
  await inTransaction(ctx, async (tx) => {
    await repo.getWebhook(tx.db, tx.orgId, id);
    await repo.deleteWebhook(tx.db, tx.orgId, id);
    await recordAudit(tx, 'webhook.deleted', { type: 'webhook', id });
  });
}

export async function listDeliveries(
  ctx: Ctx,
  webhookId: string,
  page: { cursor?: string; limit: number },
) {
  // Delivery logs hold every event's payload: admins only, as the webhooks (issue 19).
  assertCan(ctx.actor, 'org.manage');
  await repo.getWebhook(ctx.db, ctx.orgId, webhookId);
  const rows = await repo.listDeliveries(
    ctx.db,
    ctx.orgId,
    webhookId,
    decodeCursor(page.cursor),
    page.limit,
  );
  return toPage(rows, page.limit);
}

/** Sends a failed delivery again (same event id and body, so the receiver can deduplicate). */
export async function retryDelivery(ctx: Ctx, webhookId: string, deliveryId: string) {
  assertCan(ctx.actor, 'org.manage');
  return inTransaction(ctx, async (tx) => {
    await repo.getWebhook(tx.db, tx.orgId, webhookId);
    await repo.getDelivery(tx.db, tx.orgId, webhookId, deliveryId);
    if (!(await repo.reopenFailedDelivery(tx.db, tx.orgId, deliveryId))) {
      throw new AppError('conflict', 'Only a failed delivery can be retried');
    }
    await enqueueDelivery(tx, deliveryId, `retry:${newId(tx.clock.now().getTime())}`);
    await recordAudit(tx, 'webhook.delivery_retried', { type: 'webhook_delivery', id: deliveryId });
    return repo.getDelivery(tx.db, tx.orgId, webhookId, deliveryId);
  });
}
