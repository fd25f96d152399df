// Request and response shapes of outbound webhooks and their deliveries (server and UI).
import { z } from 'zod';
import { DELIVERY_STATUSES } from '../domain/vocabulary.ts';

export const WEBHOOK_EVENTS = [
  'feedback.created',
  'case.updated',
  'case.resolved',
  'initiative.done',
] as const;
export const webhookEvent = z.enum(WEBHOOK_EVENTS);
export type WebhookEvent = z.infer<typeof webhookEvent>;

// The SSRF guard in the service decides whether a URL may be called; here only its shape.
const webhookUrl = z.string().trim().min(1).max(2048);
// Retired (issue 19): exceptions to the SSRF guard are the operator's (OUTBOUND_ALLOWED_HOSTS).
// Only null is accepted; a host is refused with a 400 naming the setting.
const allowedHost = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(300)
  .regex(/^[^\s/?#@]+$/, 'host[:port] without scheme or path');
const events = z
  .array(webhookEvent)
  .min(1)
  .max(WEBHOOK_EVENTS.length)
  .transform((list) => [...new Set(list)]);

export const webhookIdParam = z.object({ id: z.uuid() });
export const deliveryIdParams = z.object({ id: z.uuid(), deliveryId: z.uuid() });

export const createWebhookBody = z.object({
  url: webhookUrl,
  events,
  /** Only admins; lets this exact host be private (an on-premises receiver). */
  allowedHost: allowedHost.nullable().optional(),
});

export const updateWebhookBody = z
  .object({ url: webhookUrl, events, active: z.boolean(), allowedHost: allowedHost.nullable() })
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: 'at least one field is required' });

export const webhookOut = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(webhookEvent),
  active: z.boolean(),
  allowedHost: z.string().nullable(),
  /** The start of the signing secret, to tell secrets apart; the whole secret is shown once. */
  secretPrefix: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type WebhookOut = z.infer<typeof webhookOut>;

export const createdWebhookOut = webhookOut.extend({ secret: z.string() });

export const deliveryStatus = z.enum(DELIVERY_STATUSES);
export const deliveryOut = z.object({
  id: z.string(),
  webhookId: z.string(),
  event: z.string(),
  eventId: z.string(),
  status: deliveryStatus,
  attempts: z.number().int(),
  responseStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
});
export type DeliveryOut = z.infer<typeof deliveryOut>;
