// The event feedback emits when new records are stored, inside the intake transaction (one emit
// per organisation group). Modules above feedback subscribe from their index.ts (ADR 008):
// economics marks the months in which each client spoke (active clients, ADR 011).
import type { OrgScope } from '../../context.ts';
import { createHook } from '../../lib/hook.ts';

export interface FeedbackRecorded {
  records: readonly { clientId: string | null; receivedAt: string }[];
}

export const feedbackRecorded = createHook<OrgScope, FeedbackRecorded>('feedback.recorded');

export interface FeedbackDeleted {
  records: readonly {
    id: string;
    clientId: string | null;
    receivedAt: string;
    /** The client has another record in the same UTC calendar month. */
    monthStillSpoken: boolean;
  }[];
}

/** Records an admin deleted (issue 19), emitted in the deleting transaction before the rows go. */
export const feedbackDeleted = createHook<OrgScope, FeedbackDeleted>('feedback.deleted');
