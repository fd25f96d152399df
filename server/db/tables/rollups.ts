// Row types of the scorecard's rollups (migration 0027, ADR 013): feedback score counts per
// organisation month, and the time zone those months were counted in.
export interface FeedbackScoreMonthsTable {
  org_id: string;
  /** YYYY-MM in feedback_score_zones.time_zone. */
  month: string;
  stage: string;
  score_type: string;
  score_value: number;
  n: number;
}

/**
 * The same counts per client group (migration 0037, ADR 017): the segment and manager of the
 * record's client ('' for none, and for a record without a client), so a scorecard narrowed to
 * a segment or a manager reads them instead of the records.
 */
export interface FeedbackScoreGroupsTable extends FeedbackScoreMonthsTable {
  segment: string;
  manager: string;
}

/**
 * The satisfaction report's counts (migration 0048, ADR 020): records of a score type and score
 * per month of the organisation's zone (feedback_score_zones) and UTC month (the report's month
 * groups), stage ('' for none) and channel.
 */
export interface FeedbackReportMonthsTable {
  org_id: string;
  month: string;
  utc_month: string;
  stage: string;
  channel: string;
  score_type: string;
  score_value: number;
  n: number;
}

/** The same split by the client's segment ('' for none). */
export interface FeedbackReportSegmentsTable extends FeedbackReportMonthsTable {
  segment: string;
}

/** The same per day of the zone (YYYY-MM-DD) and UTC month, without the segment. */
export interface FeedbackReportDaysTable {
  org_id: string;
  day: string;
  utc_month: string;
  stage: string;
  channel: string;
  score_type: string;
  score_value: number;
  n: number;
}

export interface FeedbackScoreZonesTable {
  org_id: string;
  time_zone: string;
}

/** What one case counts for in one period (migration 0034, ADR 015). */
export interface CaseRollupMembersTable {
  org_id: string;
  case_id: string;
  stage: string;
  /** YYYY-MM or YYYY-Qn in case_rollup_zones.time_zone. */
  period: string;
  /** ack | resolve | reopen | sla | backlog (server/modules/cases/case-rollup.ts). */
  metric: string;
  value: number;
}

/** A figure of the members of one (stage, period, metric); `dirty` until computed again. */
export interface CaseRollupFiguresTable {
  org_id: string;
  stage: string;
  period: string;
  metric: string;
  /** The median (ack, resolve), the count of ones (reopen, sla), the sum (backlog). */
  value: number | null;
  n: number;
  dirty: number;
}

export interface CaseRollupZonesTable {
  org_id: string;
  time_zone: string;
}

/**
 * Personal survey invitations per client group (migration 0043): sent and answered per month of
 * their sending (in survey_invite_zones.time_zone) and the survey's stage, split by the segment
 * and manager of the contact's client ('' for none), so a scorecard narrowed to a segment or a
 * manager reads its response rate from them instead of the invitations.
 */
export interface SurveyInviteGroupsTable {
  org_id: string;
  segment: string;
  manager: string;
  /** YYYY-MM of created_at in survey_invite_zones.time_zone. */
  month: string;
  stage: string;
  sent: number;
  answered: number;
}

export interface SurveyInviteZonesTable {
  org_id: string;
  time_zone: string;
}
