// The events the stages module emits inside its own transaction for the records of the modules
// above it (ADR 008, ADR 012): core cannot write the loop's tables, so each module that keeps a
// `stage` column subscribes from its index.ts and handles its own rows in the same transaction.
import type { OrgScope } from '../../context.ts';
import { createHook } from '../../lib/hook.ts';

export interface StagesMerged {
  /** Every record with this key… */
  fromKey: string;
  /** …gets this one. */
  intoKey: string;
}

/** Two stages became one: rewrite `stage = fromKey` to `intoKey` on the module's rows. */
export const stagesMerged = createHook<OrgScope, StagesMerged>('stages.merged');

export interface StageDeleting {
  key: string;
}

/**
 * A stage is about to be deleted: a module whose rows still name the key throws
 * stageInUse() (409), so the registry never loses a key a record uses (merge it instead).
 */
export const stageDeleting = createHook<OrgScope, StageDeleting>('stages.deleting');
