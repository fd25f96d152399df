// Row types of every table, as both drivers return them after createDb's normalisation:
// ids and times are strings (ISO-8601 UTC), JSON is a string, flags are 0/1, counts are numbers.
import type { Kysely, Transaction } from 'kysely';

export type Role = 'admin' | 'manager' | 'analyst' | 'viewer';
export type Language = 'ru' | 'en';

export interface OrgsTable {
  id: string;
  name: string;
  default_language: Language;
  created_at: string;
}

export interface UsersTable {
  id: string;
  org_id: string;
  email: string;
  name: string;
  password_hash: string;
  role: Role;
  language: Language;
  disabled_at: string | null;
  last_login_at: string | null;
  created_at: string;
}

export interface SessionsTable {
  id: string;
  org_id: string;
  user_id: string;
  token_hash: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface ApiKeysTable {
  id: string;
  org_id: string;
  name: string;
  prefix: string;
  key_hash: string;
  role: Role;
  created_by: string | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export type JobStatus = 'queued' | 'done' | 'failed';

export interface JobsTable {
  id: string;
  org_id: string | null;
  name: string;
  payload: string;
  status: JobStatus;
  run_at: string;
  attempts: number;
  max_attempts: number;
  locked_until: string | null;
  locked_by: string | null;
  last_error: string | null;
  dedupe_key: string | null;
  created_at: string;
  finished_at: string | null;
}

export interface AuditLogTable {
  id: string;
  org_id: string;
  actor_type: 'user' | 'api_key' | 'system';
  actor_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  details: string | null;
  created_at: string;
}

export type Channel = 'api' | 'survey' | 'email' | 'web' | 'manual' | 'phone' | 'import' | 'telegram';
export type ScoreType = 'nps' | 'csat' | 'ces' | 'custom';
export type CaseStatus = 'new' | 'acknowledged' | 'in_progress' | 'waiting_client' | 'resolved' | 'closed';
export type CaseType = 'complaint' | 'claim' | 'request' | 'idea' | 'praise';
export type Priority = 'low' | 'normal' | 'high' | 'urgent';
export type MessageKind = 'ack' | 'status' | 'closing' | 'followup' | 'survey_invite' | 'digest' | 'escalation';
export type MessageStatus = 'queued' | 'sent' | 'failed' | 'not_sent';

export interface ClientsTable {
  id: string;
  org_id: string;
  name: string;
  kind: 'company' | 'person';
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
}
export type ClientStatus = 'active' | 'prospect' | 'paused' | 'churned';

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
  preferred_channel?: 'email' | 'phone' | 'messenger' | 'meeting' | null;
  preferred_time?: string | null;
}

export interface SurveysTable {
  id: string;
  org_id: string;
  name: string;
  metric: 'nps' | 'csat' | 'ces';
  /** JSON { ru, en } */
  question: string;
  /** JSON { ru, en } */
  comment_prompt: string;
  stage: string | null;
  status: 'active' | 'closed';
  open_token: string;
  created_at: string;
  updated_at: string;
}

export interface SurveyInvitesTable {
  id: string;
  org_id: string;
  survey_id: string;
  contact_id: string;
  token: string;
  feedback_id: string | null;
  answered_at: string | null;
  expires_at: string | null;
  created_at: string;
}

export interface FeedbackTable {
  id: string;
  org_id: string;
  public_ref: string;
  channel: Channel;
  client_id: string | null;
  contact_id: string | null;
  stage: string | null;
  survey_id: string | null;
  score_type: ScoreType | null;
  score_value: number | null;
  text: string | null;
  language: string | null;
  sentiment_label: 'positive' | 'neutral' | 'negative' | null;
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
  actor_type: 'user' | 'api_key' | 'system';
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
  status: 'uploaded' | 'rejected' | 'committed';
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
  secret: string;
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
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  response_status: number | null;
  last_error: string | null;
  created_at: string;
  delivered_at: string | null;
}

export interface InstanceSettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface InboundAddressesTable {
  org_id: string;
  token: string;
  created_at: string;
}

export type InboundStatus = 'quarantined' | 'accepted' | 'discarded' | 'threaded';

export interface InboundMessagesTable {
  id: string;
  org_id: string;
  from_address: string;
  from_name: string | null;
  subject: string;
  text: string;
  message_id: string | null;
  status: InboundStatus;
  feedback_id: string | null;
  case_id: string | null;
  received_at: string;
  created_at: string;
  decided_at: string | null;
  decided_by: string | null;
}

export type ImportantDateKind = 'birthday' | 'company_anniversary' | 'contract_renewal' | 'custom';
export interface ImportantDatesTable {
  id: string;
  org_id: string;
  client_id: string;
  contact_id: string | null;
  kind: ImportantDateKind;
  /** YYYY-MM-DD */
  date: string;
  recurring: number;
  title: string;
  created_at: string;
  updated_at: string;
}

export interface RequirementsTable {
  id: string;
  org_id: string;
  client_id: string;
  category: 'purpose_of_use' | 'delivery' | 'technical' | 'packaging' | 'documents' | 'other';
  text: string;
  source: 'feedback' | 'meeting' | 'contract' | 'other';
  owner_id: string | null;
  stage: string | null;
  product: string | null;
  /** YYYY-MM-DD, inclusive */
  effective_from: string | null;
  effective_to: string | null;
  status: 'active' | 'retired';
  version: number;
  /** text, product and stage lower-cased with Russian rules and ё→е by the app */
  search_text: string;
  created_at: string;
  updated_at: string;
}

export interface RequirementVersionsTable {
  id: string;
  org_id: string;
  requirement_id: string;
  client_id: string;
  version: number;
  /** JSON snapshot of the requirement after this change */
  snapshot: string;
  actor_type: 'user' | 'api_key' | 'system';
  actor_id: string | null;
  created_at: string;
}

export interface ClientNotesTable {
  id: string;
  org_id: string;
  client_id: string;
  text: string;
  author_type: 'user' | 'api_key' | 'system';
  author_id: string | null;
  created_at: string;
}

export type CallDirection = 'in' | 'out';

/** A call record from a PBX export or webhook (telephony module). */
export interface CallsTable {
  id: string;
  org_id: string;
  started_at: string;
  direction: CallDirection;
  wait_seconds: number;
  answered: 0 | 1;
  duration_seconds: number;
  employee: string | null;
  user_id: string | null;
  /** Normalised by the app (+7XXXXXXXXXX), so matching is plain equality. */
  client_phone: string | null;
  contact_id: string | null;
  client_id: string | null;
  stage: string | null;
  external_id: string;
  called_back_call_id: string | null;
  callback_at: string | null;
  created_at: string;
}

export interface CallSettingsTable {
  org_id: string;
  callback_target_minutes: number;
  updated_at: string;
}

/** An organisation's topic taxonomy (text module); keywords is a JSON array of strings. */
export interface TextTopicsTable {
  org_id: string;
  key: string;
  label_ru: string;
  label_en: string;
  keywords: string;
  position: number;
  updated_at: string;
}

/** A person's correction of a record's analysis; null fields were not corrected. topics is JSON. */
export interface TextCorrectionsTable {
  org_id: string;
  feedback_id: string;
  sentiment_label: 'positive' | 'neutral' | 'negative' | null;
  topics: string | null;
  corrected_by: string | null;
  corrected_at: string;
}

export interface DB {
  text_topics: TextTopicsTable;
  text_corrections: TextCorrectionsTable;
  calls: CallsTable;
  call_settings: CallSettingsTable;
  important_dates: ImportantDatesTable;
  requirements: RequirementsTable;
  requirement_versions: RequirementVersionsTable;
  client_notes: ClientNotesTable;
  inbound_addresses: InboundAddressesTable;
  inbound_messages: InboundMessagesTable;
  instance_settings: InstanceSettingsTable;
  orgs: OrgsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_keys: ApiKeysTable;
  jobs: JobsTable;
  audit_log: AuditLogTable;
  clients: ClientsTable;
  contacts: ContactsTable;
  surveys: SurveysTable;
  survey_invites: SurveyInvitesTable;
  feedback: FeedbackTable;
  idempotency_keys: IdempotencyKeysTable;
  sla_policies: SlaPoliciesTable;
  cases: CasesTable;
  case_events: CaseEventsTable;
  message_templates: MessageTemplatesTable;
  messages: MessagesTable;
  imports: ImportsTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
}

export type Db = Kysely<DB>;
export type DbOrTrx = Kysely<DB> | Transaction<DB>;
