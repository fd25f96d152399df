// Rows → the camelCase shapes of shared/api/webhooks.ts. The signing secret never leaves through
// here (only a masked prefix); the route that creates a webhook adds it once.
import type { WebhookDeliveriesTable, WebhooksTable } from '../../db/types.ts';
import type { DeliveryOut, WebhookEvent, WebhookOut } from '../../../shared/api/webhooks.ts';

export const presentWebhook = (w: WebhooksTable): WebhookOut => ({
  id: w.id,
  url: w.url,
  events: JSON.parse(w.events) as WebhookEvent[],
  active: w.active === 1,
  // Per-webhook exceptions are gone (issue 19); the field stays for API compatibility.
  allowedHost: null,
  secretPrefix: w.secret_prefix,
  createdAt: w.created_at,
  updatedAt: w.updated_at,
});

export const presentDelivery = (d: WebhookDeliveriesTable): DeliveryOut => ({
  id: d.id,
  webhookId: d.webhook_id,
  event: d.event,
  eventId: d.event_id,
  status: d.status,
  attempts: d.attempts,
  responseStatus: d.response_status,
  lastError: d.last_error,
  payload: JSON.parse(d.payload) as Record<string, unknown>,
  createdAt: d.created_at,
  deliveredAt: d.delivered_at,
});
