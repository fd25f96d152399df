// Row types of migration 0046 (issue 21): a person's in-app notifications and the kinds they muted.
import type { NotificationKind } from '../../../shared/domain/vocabulary.ts';

export interface PersonNotificationsTable {
  id: string;
  org_id: string;
  user_id: string;
  kind: NotificationKind;
  case_id: string;
  actor_id: string | null;
  created_at: string;
  read_at: string | null;
}

/** A row = the person turned that kind off. */
export interface NotificationMutesTable {
  org_id: string;
  user_id: string;
  kind: NotificationKind;
  updated_at: string;
}
