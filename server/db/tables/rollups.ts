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

export interface FeedbackScoreZonesTable {
  org_id: string;
  time_zone: string;
}
