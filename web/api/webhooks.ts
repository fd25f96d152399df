// Outbound webhooks and their delivery log; shapes from shared/api/webhooks.ts.
import type { z } from 'zod';
import type {
  createdWebhookOut,
  createWebhookBody,
  DeliveryOut,
  updateWebhookBody,
  WebhookOut,
} from '../../shared/api/webhooks.ts';
import { api } from './client.ts';
import type { Page } from './orgs.ts';

export type { DeliveryOut, WebhookOut };
export type CreatedWebhook = z.infer<typeof createdWebhookOut>;
export type WebhookEvent = WebhookOut['events'][number];
// Copied, not imported: the shared module carries zod, which the browser bundle avoids.
export const WEBHOOK_EVENTS: readonly WebhookEvent[] = [
  'feedback.created',
  'case.updated',
  'case.resolved',
  'initiative.done',
];

const id = (value: string) => encodeURIComponent(value);

export const listWebhooks = () => api.get<{ items: WebhookOut[] }>('/api/v1/webhooks');
export const createWebhook = (body: z.input<typeof createWebhookBody>) =>
  api.post<CreatedWebhook>('/api/v1/webhooks', body);
export const updateWebhook = (webhookId: string, body: z.input<typeof updateWebhookBody>) =>
  api.patch<WebhookOut>(`/api/v1/webhooks/${id(webhookId)}`, body);
export const deleteWebhook = (webhookId: string) =>
  api.delete<unknown>(`/api/v1/webhooks/${id(webhookId)}`);
export const listDeliveries = (webhookId: string) =>
  api.get<Page<DeliveryOut>>(`/api/v1/webhooks/${id(webhookId)}/deliveries?limit=50`);
export const retryDelivery = (webhookId: string, deliveryId: string) =>
  api.post<DeliveryOut>(`/api/v1/webhooks/${id(webhookId)}/deliveries/${id(deliveryId)}/retry`);
