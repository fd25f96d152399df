// E-mail in: the organisation's inbound address and the quarantine of mail from unknown senders.
import { z } from 'zod';
import { INBOUND_STATUSES } from '../domain/vocabulary.ts';

export const inboundAddressOut = z.object({
  /** Give this address to clients (or forward a support mailbox to it). */
  address: z.string(),
  token: z.string(),
  /** Whether the built-in receiver is running (INBOUND_SMTP_PORT set): mail to the address arrives. */
  receiving: z.boolean(),
});
export type InboundAddressOut = z.infer<typeof inboundAddressOut>;

export const inboundStatus = z.enum(INBOUND_STATUSES);

export const inboundMessageOut = z.object({
  id: z.string(),
  fromAddress: z.string(),
  fromName: z.string().nullable(),
  subject: z.string(),
  text: z.string(),
  status: inboundStatus,
  feedbackId: z.string().nullable(),
  receivedAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type InboundMessageOut = z.infer<typeof inboundMessageOut>;

export const listQuarantineQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
