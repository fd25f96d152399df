// The event messaging emits when the mail server accepted a message, inside the transaction that
// marks it sent. Modules above messaging subscribe from their index.ts (ADR 008): feedback marks
// the record acknowledged and moves its case on.
import type { Ctx } from '../../context.ts';
import type { MessageKind } from '../../db/types.ts';
import { createHook } from '../../lib/hook.ts';

export type SentCtx = Pick<Ctx, 'db' | 'orgId' | 'clock' | 'jobs' | 'config'>;

export interface MessageSent {
  messageId: string;
  kind: MessageKind;
  feedbackId: string | null;
  caseId: string | null;
  sentAt: string;
}

export const messageSent = createHook<SentCtx, MessageSent>('messaging.sent');
