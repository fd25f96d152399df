// Use-cases for an organisation's outbound webhooks. Roles are checked here; every URL passes
// the SSRF guard before it is saved (and again before each delivery, in webhooks.jobs.ts).
import { inTransaction, type Ctx } from '../../context.ts';
import { AppError, forbidden } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import { decodeCursor, toPage } from '../../lib/paging.ts';
import { assertCan } from '../../lib/permissions.ts';
import type { WebhookEvent } from '../../../shared/api/webhooks.ts';
import { recordAudit } from '../orgs/index.ts';
import { enqueueDelivery } from './emit-event.ts';
import { systemNetwork, type WebhookNetwork } from '../../lib/net/network.ts';
import { generateWebhookSecret } from './signature.ts';
import { checkWebhookTarget } from '../../lib/net/ssrf-guard.ts';
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

/** Refuses URLs that reach private networks, unless an admin allowed exactly this host. */
async function assertSafeTarget(
  ctx: Ctx,
  url: string,
  allowedHost: string | null,
  net: WebhookNetwork,
): Promise<void> {
  // An exception to the guard is an admin's decision even if other roles may one day manage webhooks.
  if (allowedHost !== null && ctx.actor.role !== 'admin')
    throw forbidden('Only an admin may set allowedHost');
  const check = await checkWebhookTarget(url, allowedHost, net.resolve);
  if (!check.ok) throw invalid('body.url', check.reason);
  if (allowedHost !== null && allowedHost !== check.url.host) {
    throw invalid('body.allowedHost', `must equal the URL's host (${check.url.host})`);
  }
}

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
  const allowedHost = input.allowedHost ?? null;
  await assertSafeTarget(ctx, input.url, allowedHost, net);
  const secret = generateWebhookSecret();
  return inTransaction(ctx, async (tx) => {
    const now = tx.clock.now().toISOString();
    const id = newId(tx.clock.now().getTime());
    await repo.insertWebhook(tx.db, tx.orgId, {
      id,
      url: input.url,
      secret,
      events: JSON.stringify(input.events),
      active: 1,
      allowed_host: allowedHost,
      created_at: now,
      updated_at: now,
    });
    await recordAudit(
      tx,
      'webhook.created',
      { type: 'webhook', id },
      { events: input.events, allowedHost },
    );
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
  const allowedHost = patch.allowedHost !== undefined ? patch.allowedHost : current.allowed_host;
  // A new URL or a new exception is checked again; an unchanged pair was checked when saved.
  if (patch.url !== undefined || patch.allowedHost !== undefined) {
    await assertSafeTarget(ctx, url, allowedHost, net);
  }
  return inTransaction(ctx, async (tx) => {
    await repo.getWebhook(tx.db, tx.orgId, id);
    await repo.updateWebhook(tx.db, tx.orgId, id, {
      ...(patch.url !== undefined ? { url: patch.url } : {}),
      ...(patch.events !== undefined ? { events: JSON.stringify(patch.events) } : {}),
      ...(patch.active !== undefined ? { active: patch.active ? 1 : 0 } : {}),
      ...(patch.allowedHost !== undefined ? { allowed_host: patch.allowedHost } : {}),
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
  assertCan(ctx.actor, 'data.read');
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
