// Row types of the closed-loop tables (migration 0002): clients, surveys, feedback, cases, messages, imports, webhooks.
import type {
  ActorType,
  CaseStatus,
  CaseType,
  Channel,
  ClientKind,
  ClientStatus,
  ContactRole,
  DeliveryStatus,
  ImportStatus,
  Language,
  MessageKind,
  MessageStatus,
  PreferredChannel,
  Priority,
  ScoreType,
  SentimentLabel,
  SurveyMetric,
  SurveyStatus,
} from '../../../shared/domain/vocabulary.ts';

export type {
  ActorType,
  CaseStatus,
  CaseType,
  Channel,
  ClientKind,
  ClientStatus,
  ContactRole,
  MessageKind,
  MessageStatus,
  PreferredChannel,
  Priority,
  ScoreType,
  SentimentLabel,
};

export interface ClientsTable {
  id: string;
  org_id: string;
  name: string;
  kind: ClientKind;
  external_id: string | null;
  segment: string | null;
  /** name, external id and segment lower-cased by the app: SQLite's lower() folds only ASCII. */
  search_text: string;
  created_at: string;
  updated_at: string;
  /** Card fields (migration 0005). */
  tier?: string | null;
  manager_id?: string | null;
  status?: ClientStatus;
  corporate_specifics?: string | null;
  /** INN, 10 or 12 digits (migration 0015). */
  inn?: string | null;
  /** Economics fields (migration 0016): integer minor units ≥ 0, and 0–100. */
  estimated_annual_budget_minor?: number | null;
  strategic_fit?: number | null;
}

export interface ContactsTable {
  id: string;
  org_id: string;
  client_id: string;
  name: string;
  email: string | null;
  phone: string | null;
  language: Language;
  /** JSON array of decision_maker | influencer | user | payer */
  roles: string;
  external_id: string | null;
  created_at: string;
  updated_at: string;
  /** Preferences (migration 0005): free text, and the preferred channel and time window. */
  preferences?: string | null;
  preferred_channel?: PreferredChannel | null;
  preferred_time?: string | null;
  /** When the contact was erased (migration 0039): personal fields and texts gone, never mailed. */
  erased_at?: string | null;
}

export interface SurveysTable {
  id: string;
  org_id: string;
  name: string;
  metric: SurveyMetric;
  /** JSON { ru, en } */
  question: string;
  /** JSON { ru, en } */
  comment_prompt: string;
  stage: string | null;
  status: SurveyStatus;
  open_token: string;
  created_at: string;
  updated_at: string;
}

export interface SurveyInvitesTable {
  id: string;
  org_id: string;
  survey_id: string;
  contact_id: string;
  /** SHA-256 of the link's token, what the public page looks up (migration 0042). */
  token_hash: string;
  /** The token sealed (server/lib/secret-box.ts), for the invitation list's copy link. */
  token_enc: string | null;
  feedback_id: string | null;
  answered_at: string | null;
  expires_at: string | null;
  created_at: string;
}

export interface FeedbackTable {
  id: string;
  org_id: string;
  /** The reference people see (CL-…), stored for display; looked up through ref_key. */
  public_ref: string;
  /** The unique lookup key of the reference: 'N' + the record number (public-ref.ts), or the
   * random reference itself for records stored before migration 0009. */
  ref_key: string;
  channel: Channel;
  client_id: string | null;
  contact_id: string | null;
  stage: string | null;
  survey_id: string | null;
  score_type: ScoreType | null;
  score_value: number | null;
  text: string | null;
  language: string | null;
  sentiment_label: SentimentLabel | null;
  sentiment_score: number | null;
  /** JSON array of topic keys */
  topics: string;
  source_id: string | null;
  raw: string | null;
  case_id: string | null;
  acknowledged_at: string | null;
  received_at: string;
  created_at: string;
  /** When the text sweep analysed the record; null = pending (when text is not null). The
   * intake leaves it out (optional here), so a new record is pending by default. */
  analysed_at?: string | null;
  /** JSON object {topic key: sentiment label}: each topic's own sentiment (migration 0041; the
   * text sweep writes it, the intake leaves it out). Null = the record's sentiment for all. */
  topic_sentiments?: string | null;
}

export interface IdempotencyKeysTable {
  org_id: string;
  key: string;
  request_hash: string;
  resource_id: string;
  created_at: string;
}

export interface SlaPoliciesTable {
  id: string;
  org_id: string;
  name: string;
  priority: Priority | null;
  first_response_minutes: number;
  resolution_minutes: number;
  time_zone: string;
  /** JSON { "1": [["09:00","18:00"]], … } by ISO weekday, or null for round the clock */
  business_hours: string | null;
  /** JSON array of YYYY-MM-DD */
  holidays: string;
  is_default: number;
  created_at: string;
  updated_at: string;
}

export interface CasesTable {
  id: string;
  org_id: string;
  public_ref: string;
  title: string;
  type: CaseType;
  priority: Priority;
  status: CaseStatus;
  stage: string | null;
  client_id: string | null;
  contact_id: string | null;
  feedback_id: string | null;
  owner_id: string | null;
  sla_policy_id: string | null;
  opened_by: string;
  first_response_due_at: string | null;
  due_at: string | null;
  first_responded_at: string | null;
  resolved_at: string | null;
  closed_at: string | null;
  breached_at: string | null;
  resolution: string | null;
  /** The organisation's resolution code (its key) a resolved case was closed with (issue 21). */
  resolution_code: string | null;
  /** A JSON array of lower-case labels (issue 21: bulk tagging, the board's filter). */
  tags: string;
  followup_requested: number;
  created_at: string;
  updated_at: string;
}

export interface CaseEventsTable {
  id: string;
  org_id: string;
  case_id: string;
  kind: string;
  from_status: string | null;
  to_status: string | null;
  actor_type: ActorType;
  actor_id: string | null;
  body: string | null;
  created_at: string;
}

export interface MessageTemplatesTable {
  id: string;
  org_id: string;
  kind: MessageKind;
  language: Language;
  subject: string;
  body: string;
  updated_at: string;
}

export interface MessagesTable {
  id: string;
  org_id: string;
  kind: MessageKind;
  channel: 'email';
  to_address: string;
  language: Language;
  subject: string;
  body_text: string;
  status: MessageStatus;
  attempts: number;
  last_error: string | null;
  provider_message_id: string | null;
  feedback_id: string | null;
  case_id: string | null;
  contact_id: string | null;
  client_id: string | null;
  dedupe_key: string;
  sent_at: string | null;
  created_at: string;
}

export interface ImportsTable {
  id: string;
  org_id: string;
  kind: string;
  filename: string;
  status: ImportStatus;
  /** JSON array of column names */
  columns: string;
  /** JSON array of row arrays (strings) */
  rows: string;
  row_count: number;
  mapping: string | null;
  errors: string | null;
  created_by: string | null;
  created_at: string;
  committed_at: string | null;
}

export interface WebhooksTable {
  id: string;
  org_id: string;
  url: string;
  /** The signing secret, sealed (server/lib/secret-box.ts; migration 0042). */
  secret_enc: string;
  /** Its masked start (`whsec_abcd…`), to tell secrets apart in a list. */
  secret_prefix: string;
  /** JSON array of event names */
  events: string;
  active: number;
  /** A private host an admin allowed explicitly (SSRF guard exception) */
  allowed_host: string | null;
  created_at: string;
  updated_at: string;
}

export interface WebhookDeliveriesTable {
  id: string;
  org_id: string;
  webhook_id: string;
  event: string;
  event_id: string;
  payload: string;
  status: DeliveryStatus;
  attempts: number;
  response_status: number | null;
  last_error: string | null;
  created_at: string;
  delivered_at: string | null;
}
