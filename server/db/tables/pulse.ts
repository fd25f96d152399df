// Row types of the eNPS pulse tables (migration 0021). pulse_answers has no column that leads to
// an employee or an invitation: that is the anonymity of the pulse, tested in pulse-anonymity.test.ts.
import type { Language, PulseKind, PulseStatus } from '../../../shared/domain/vocabulary.ts';

export type { PulseKind, PulseStatus };

export interface PulsesTable {
  id: string;
  org_id: string;
  kind: PulseKind;
  name: string;
  /** JSON array of stage keys; null = every team. */
  stages: string | null;
  /** The language of the invitations. */
  language: Language;
  status: PulseStatus;
  created_at: string;
  updated_at: string;
}

/** One personal invitation; the token is only in the e-mail, here its SHA-256. */
export interface PulseInvitationsTable {
  id: string;
  org_id: string;
  pulse_id: string;
  employee_id: string;
  stage_key: string | null;
  token_hash: string;
  /** 0/1; no time of use is kept. */
  used: number;
  created_at: string;
}

/** A shared link of one team (one answer per browser, by a cookie). */
export interface PulseLinksTable {
  id: string;
  org_id: string;
  pulse_id: string;
  stage_key: string;
  token: string;
  created_at: string;
}

/** One anonymous answer: random id, team, score, comment, local day — nothing else. */
export interface PulseAnswersTable {
  id: string;
  org_id: string;
  pulse_id: string;
  stage_key: string | null;
  score: number;
  comment: string | null;
  /** YYYY-MM-DD in the organisation's time zone. */
  day: string;
}
