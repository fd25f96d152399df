// The only file of the webhooks module with SQL. Every function takes orgId first and filters on it.
import { insertRows } from '../../db/bulk.ts';
import type { DbOrTrx, WebhookDeliveriesTable, WebhooksTable } from '../../db/types.ts';
import { notFound } from '../../http/errors.ts';

export async function insertWebhook(
  db: DbOrTrx,
  orgId: string,
  row: Omit<WebhooksTable, 'org_id'>,
): Promise<void> {
  await db
    .insertInto('webhooks')
    .values({ ...row, org_id: orgId })
    .execute();
}

export async function findWebhook(
  db: DbOrTrx,
  orgId: string,
  id: string,
): Promise<WebhooksTable | undefined> {
  return db
    .selectFrom('webhooks')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function getWebhook(db: DbOrTrx, orgId: string, id: string): Promise<WebhooksTable> {
  const row = await findWebhook(db, orgId, id);
  if (!row) throw notFound('Webhook');
  return row;
}

export async function listWebhooks(db: DbOrTrx, orgId: string): Promise<WebhooksTable[]> {
  return db.selectFrom('webhooks').selectAll().where('org_id', '=', orgId).orderBy('id').execute();
}

/** The one query an event costs an organisation: its active webhooks and what they subscribe to. */
export async function listActiveSubscriptions(
  db: DbOrTrx,
  orgId: string,
): Promise<Pick<WebhooksTable, 'id' | 'events'>[]> {
  return db
    .selectFrom('webhooks')
    .select(['id', 'events'])
    .where('org_id', '=', orgId)
    .where('active', '=', 1)
    .execute();
}

export type WebhookPatch = Partial<
  Pick<WebhooksTable, 'url' | 'events' | 'active' | 'allowed_host'>
> & { updated_at: string };

export async function updateWebhook(
  db: DbOrTrx,
  orgId: string,
  id: string,
  patch: WebhookPatch,
): Promise<void> {
  await db
    .updateTable('webhooks')
    .set(patch)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

/** Deletes the webhook and its delivery log (explicitly, not relying on the cascade). */
export async function deleteWebhook(db: DbOrTrx, orgId: string, id: string): Promise<void> {
  await db
    .deleteFrom('webhook_deliveries')
    .where('org_id', '=', orgId)
    .where('webhook_id', '=', id)
    .execute();
  await db.deleteFrom('webhooks').where('org_id', '=', orgId).where('id', '=', id).execute();
}

/** Every row names its org_id: deliveries are written only by emitWebhookEvents for ctx.orgId. */
export async function insertDeliveries(
  db: DbOrTrx,
  rows: readonly WebhookDeliveriesTable[],
): Promise<void> {
  await insertRows(db, 'webhook_deliveries', rows);
}

export async function findDelivery(
  db: DbOrTrx,
  orgId: string,
  id: string,
): Promise<WebhookDeliveriesTable | undefined> {
  return db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function getDelivery(
  db: DbOrTrx,
  orgId: string,
  webhookId: string,
  id: string,
): Promise<WebhookDeliveriesTable> {
  const row = await db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('webhook_id', '=', webhookId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Delivery');
  return row;
}

/** Newest first; `beforeId` is the last id of the previous page. */
export async function listDeliveries(
  db: DbOrTrx,
  orgId: string,
  webhookId: string,
  beforeId: string | undefined,
  limit: number,
): Promise<WebhookDeliveriesTable[]> {
  let q = db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('webhook_id', '=', webhookId);
  if (beforeId) q = q.where('id', '<', beforeId);
  return q
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
}

/** Records one attempt's outcome; attempts always grows by one. */
export async function recordDeliveryAttempt(
  db: DbOrTrx,
  orgId: string,
  id: string,
  outcome: Pick<
    WebhookDeliveriesTable,
    'status' | 'response_status' | 'last_error' | 'delivered_at'
  >,
): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set((eb) => ({ ...outcome, attempts: eb('attempts', '+', 1) }))
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

/** failed → pending, once: false when the delivery was not failed (e.g. a second click). */
export async function reopenFailedDelivery(
  db: DbOrTrx,
  orgId: string,
  id: string,
): Promise<boolean> {
  const rows = await db
    .updateTable('webhook_deliveries')
    .set({ status: 'pending' })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .returning('id')
    .execute();
  return rows.length === 1;
}
