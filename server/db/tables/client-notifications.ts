// Row types of migration 0018 (issue 15): the unsubscribe list and the status last told a client.
import type {
  CaseStatus,
  UnsubscribeScope,
  UnsubscribeSource,
} from '../../../shared/domain/vocabulary.ts';

export interface ContactUnsubscribesTable {
  id: string;
  org_id: string;
  contact_id: string;
  scope: UnsubscribeScope;
  source: UnsubscribeSource;
  created_at: string;
}

/** One row per case: the last status message queued for its contact, and when. */
export interface CaseStatusNoticesTable {
  case_id: string;
  org_id: string;
  status: CaseStatus;
  notified_at: string;
}

/** Migration 0023 (issue 21): a reminder one person put off on their "Today" page, until a time. */
export interface ReminderSnoozesTable {
  id: string;
  org_id: string;
  user_id: string;
  ref_type: string;
  ref_id: string;
  until: string;
  created_at: string;
}
