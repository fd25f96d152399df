// The closed set of error codes on the wire. The UI translates `errors.<code>`; never branch on text.
export const ERROR_STATUS = {
  validation_failed: 400,
  malformed_json: 400,
  bad_request: 400,
  reset_token_invalid: 400,
  unauthorized: 401,
  invalid_credentials: 401,
  challenge_invalid: 401,
  /** An API key past its expiry (issue 19). */
  api_key_expired: 401,
  /** An API key whose creator was demoted below it or disabled (issue 19). */
  api_key_exceeds_creator: 401,
  csrf_failed: 403,
  forbidden: 403,
  two_factor_required: 403,
  /** The API key lacks the scope the route needs (server/modules/orgs/api-scopes.ts). */
  insufficient_scope: 403,
  /** First-run set-up beyond loopback without the one-time set-up token (issue 19). */
  setup_token_invalid: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  already_set_up: 409,
  email_taken: 409,
  idempotency_conflict: 409,
  invalid_transition: 409,
  stage_key_taken: 409,
  stage_in_use: 409,
  /** The action would tell a client, and the case has no contact e-mail to tell (issue 21). */
  cannot_notify: 409,
  /** A done initiative is history (on-time share, messages sent): re-open it, never delete it. */
  initiative_done: 409,
  two_factor_enabled: 409,
  two_factor_not_set_up: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  currency_mismatch: 422,
  /** A won opportunity names a transaction of another client (issue 17). */
  transaction_not_of_client: 422,
  /** Transactions linked to an opportunity that is not won (issue 17). */
  transactions_need_won: 422,
  invalid_code: 422,
  /** An API key asked with a scope its role may not hold (issue 19). */
  scope_beyond_role: 422,
  /** An export would hold more rows than one file may (issue 16): narrow the filters. */
  too_many_rows: 422,
  /** Portfolio weights: negative, or an axis that does not sum to 100 (issue 17). */
  invalid_weights: 422,
  /** A cell playbook with a bad action: a title empty or too long, everyDays outside 1–3650 (issue 17). */
  invalid_playbook: 422,
  /** A strategy arrow from a goal to itself, or one that would close a cycle (issue 18). */
  invalid_arrow: 422,
  /** A strategy KPI bound to an unknown metric or without a parameter it needs (issue 18). */
  invalid_binding: 422,
  /** Values entered on a strategy KPI that follows a live metric (issue 18). */
  kpi_is_bound: 409,
  /** A journey stage key the organisation does not have (issue 18: an initiative's stage). */
  unknown_stage: 422,
  /** Issue 21: resolving a case needs one of the organisation's active resolution codes. */
  resolution_code_required: 422,
  unknown_resolution_code: 422,
  resolution_code_retired: 422,
  /** Issue 21: a case tag of 1–40 letters, digits, spaces or hyphens, at most 10 per case. */
  invalid_tag: 422,
  /** Issue 19: an erased contact is never changed, resubscribed or written to again. */
  contact_erased: 409,
  /** Issue 19: a client with records (feedback, cases, transactions, calls) is not deleted. */
  client_in_use: 409,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

export interface InvalidParam {
  name: string;
  reason: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  requestId: string;
  instance?: string;
  invalidParams?: InvalidParam[];
}
