// Issue 19's review findings (migration 0040).

/**
 * One answer through a survey's open link: who sent it (SHA-256 of the device cookie or, without
 * one, of the address, and of the address), for the per-device cooldown and the per-link and
 * per-address caps. Rows older than a day are deleted as new answers come in.
 */
export interface SurveyOpenAnswersTable {
  id: string;
  org_id: string;
  survey_id: string;
  device_hash: string;
  address_hash: string;
  answered_at: string;
}

/** References that existed before status links were tagged: their bare links keep working. */
export interface LegacyStatusRefsTable {
  ref: string;
}
