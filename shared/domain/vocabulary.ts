// The value lists of the domain, defined once. The zod schemas (shared/api), the row types
// (server/db/tables), the UI option lists (web/) and the i18n label keys derive from these.
// Migrations are history and keep their own copies; vocabulary.test.ts checks that every CHECK
// list of the migrated schema equals the list here, so a drift fails a test. Isomorphic: no zod.

// People and organisations
export const ROLES = ['admin', 'manager', 'analyst', 'viewer'] as const;
export type Role = (typeof ROLES)[number];
export const LANGUAGES = ['ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const ACTOR_TYPES = ['user', 'api_key', 'system'] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

// Clients and contacts
export const CLIENT_KINDS = ['company', 'person'] as const;
export type ClientKind = (typeof CLIENT_KINDS)[number];
export const CLIENT_STATUSES = ['active', 'prospect', 'paused', 'churned'] as const;
export type ClientStatus = (typeof CLIENT_STATUSES)[number];
export const CONTACT_ROLES = ['decision_maker', 'influencer', 'user', 'payer'] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];
export const PREFERRED_CHANNELS = ['email', 'phone', 'messenger', 'meeting'] as const;
export type PreferredChannel = (typeof PREFERRED_CHANNELS)[number];

// Feedback
export const CHANNELS = [
  'api',
  'survey',
  'email',
  'web',
  'manual',
  'phone',
  'import',
  'telegram',
] as const;
export type Channel = (typeof CHANNELS)[number];
export const SCORE_TYPES = ['nps', 'csat', 'ces', 'custom'] as const;
export type ScoreType = (typeof SCORE_TYPES)[number];
export const SENTIMENT_LABELS = ['positive', 'neutral', 'negative'] as const;
export type SentimentLabel = (typeof SENTIMENT_LABELS)[number];

// Surveys
export const SURVEY_METRICS = ['nps', 'csat', 'ces'] as const;
export type SurveyMetric = (typeof SURVEY_METRICS)[number];
export const SURVEY_STATUSES = ['active', 'closed'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];

// Cases
export const CASE_STATUSES = [
  'new',
  'acknowledged',
  'in_progress',
  'waiting_client',
  'resolved',
  'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
/** What a person's bell tells them about (issue 21, migration 0046). */
export const NOTIFICATION_KINDS = [
  'case_assigned',
  'sla_risk',
  'sla_breached',
  'client_reply',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
/** The statuses of a case still being worked on (not resolved, not closed). */
export const OPEN_CASE_STATUSES = [
  'new',
  'acknowledged',
  'in_progress',
  'waiting_client',
] as const satisfies readonly CaseStatus[];
export const CASE_TYPES = ['complaint', 'claim', 'request', 'idea', 'praise'] as const;
export type CaseType = (typeof CASE_TYPES)[number];
/** Shared by SLA policies (which priority a policy covers) and cases. */
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

// Messaging
export const MESSAGE_KINDS = [
  'ack',
  'status',
  'closing',
  'followup',
  'survey_invite',
  'digest',
  'escalation',
  'case_assigned',
  'pulse_invite',
  /** A person's free-text reply to the client from the case page (issue 21): transactional. */
  'reply',
  'password_reset',
  /** The monthly scorecard and arbiter summary to the chosen people (issue 16). */
  'monthly_report',
  /** "You said, we did" (issue 18): an initiative answering the contact's feedback is done. */
  'you_said_we_did',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];
export const MESSAGE_STATUSES = ['queued', 'sent', 'failed', 'not_sent'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];
/** The kinds of message that go to a client's contact: each carries an unsubscribe link. */
export const CLIENT_MESSAGE_KINDS = [
  'ack',
  'status',
  'closing',
  'followup',
  'survey_invite',
  'you_said_we_did',
] as const satisfies readonly MessageKind[];
/**
 * What an unsubscribed contact no longer gets: every message we start. The acknowledgement of a
 * message the contact has just sent us is the one exception (a receipt, not a notification).
 */
export const SUPPRESSIBLE_MESSAGE_KINDS = [
  'status',
  'closing',
  'followup',
  'survey_invite',
  'you_said_we_did',
] as const satisfies readonly MessageKind[];
/** One scope for now: all client notifications (the list leaves room for finer ones). */
export const UNSUBSCRIBE_SCOPES = ['all'] as const;
export type UnsubscribeScope = (typeof UNSUBSCRIBE_SCOPES)[number];
/** The confirm form of the unsubscribe page, or a mail client's RFC 8058 one-click POST. */
export const UNSUBSCRIBE_SOURCES = ['link', 'one_click'] as const;
export type UnsubscribeSource = (typeof UNSUBSCRIBE_SOURCES)[number];

// Inbound mail, imports, webhooks, jobs
export const INBOUND_STATUSES = ['quarantined', 'accepted', 'discarded', 'threaded'] as const;
export type InboundStatus = (typeof INBOUND_STATUSES)[number];
export const IMPORT_STATUSES = ['uploaded', 'rejected', 'committed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
export const JOB_STATUSES = ['queued', 'done', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

// Client care
export const DATE_KINDS = [
  'birthday',
  'company_anniversary',
  'contract_renewal',
  'custom',
] as const;
export type DateKind = (typeof DATE_KINDS)[number];
export const REQUIREMENT_CATEGORIES = [
  'purpose_of_use',
  'delivery',
  'technical',
  'packaging',
  'documents',
  'other',
] as const;
export type RequirementCategory = (typeof REQUIREMENT_CATEGORIES)[number];
export const REQUIREMENT_SOURCES = ['feedback', 'meeting', 'contract', 'other'] as const;
export type RequirementSource = (typeof REQUIREMENT_SOURCES)[number];
export const REQUIREMENT_STATUSES = ['active', 'retired'] as const;
export type RequirementStatus = (typeof REQUIREMENT_STATUSES)[number];

// Employees
export const EMPLOYEE_STATUSES = ['active', 'on_leave', 'left'] as const;
export type EmployeeStatus = (typeof EMPLOYEE_STATUSES)[number];
/** eNPS pulses: one an admin sends, or the organisation's early-tenure pulse (new hires). */
export const PULSE_KINDS = ['manual', 'early_tenure'] as const;
export type PulseKind = (typeof PULSE_KINDS)[number];
export const PULSE_STATUSES = ['open', 'closed'] as const;
export type PulseStatus = (typeof PULSE_STATUSES)[number];

// Telephony
export const CALL_DIRECTIONS = ['in', 'out'] as const;
export type CallDirection = (typeof CALL_DIRECTIONS)[number];

// Economics
export const TRANSACTION_KINDS = ['sale', 'refund'] as const;
export type TransactionKind = (typeof TRANSACTION_KINDS)[number];
/** The periods of the economics figures (calendar month, quarter, year). */
export const ECONOMICS_PERIODS = ['month', 'quarter', 'year'] as const;
export type EconomicsPeriod = (typeof ECONOMICS_PERIODS)[number];

// Journey stages
/** Whether a stage's metric is better higher (NPS, CSAT) or lower (CES, time to resolve). */
export const TARGET_DIRECTIONS = ['up', 'down'] as const;
export type TargetDirection = (typeof TARGET_DIRECTIONS)[number];
/** When an arbiter suggestion rule fires (migration 0025). */
export const ARBITER_RULE_WHEN = ['top_driver', 'red', 'off_target'] as const;
export type ArbiterRuleWhen = (typeof ARBITER_RULE_WHEN)[number];
/** The levels of each axis of the portfolio matrix (migration 0028). */
export const PORTFOLIO_LEVELS = ['low', 'medium', 'high'] as const;
export type PortfolioLevel = (typeof PORTFOLIO_LEVELS)[number];

// Opportunities (migration 0029)
/** idea → offered → won | lost (lost may be reopened as an idea); server/modules/opportunities/stages.ts. */
export const OPPORTUNITY_STAGES = ['idea', 'offered', 'won', 'lost'] as const;
export type OpportunityStage = (typeof OPPORTUNITY_STAGES)[number];
/** The four perspectives of the strategy map, bottom to top of the drawing (migration 0033). */
export const STRATEGY_PERSPECTIVES = [
  'financial',
  'clients',
  'processes',
  'learning_growth',
] as const;
export type StrategyPerspective = (typeof STRATEGY_PERSPECTIVES)[number];
/** A strategy KPI's values: entered by people, or read from a live metric (migration 0033). */
export const STRATEGY_KPI_SOURCES = ['manual', 'bound'] as const;
export type StrategyKpiSource = (typeof STRATEGY_KPI_SOURCES)[number];
/** What hangs under a strategic goal: backlog initiatives, training plan items (migration 0033). */
export const STRATEGY_ITEM_KINDS = ['initiative', 'training'] as const;
export type StrategyItemKind = (typeof STRATEGY_ITEM_KINDS)[number];
/** The roles NPS is split by: a contact's roles, or `none` for a contact without one. */
export const NPS_ROLE_GROUPS = ['decision_maker', 'influencer', 'user', 'payer', 'none'] as const;
export type NpsRoleGroup = (typeof NPS_ROLE_GROUPS)[number];

// Competencies and training (migration 0032)
/** Who assessed: the employee, their manager, or a peer (a 360 answer, anonymous). */
export const ASSESSMENT_KINDS = ['self', 'manager', 'peer'] as const;
export type AssessmentKind = (typeof ASSESSMENT_KINDS)[number];
export const TRAINING_KINDS = ['course', 'mentoring', 'on_the_job'] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];
export const TRAINING_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export type TrainingStatus = (typeof TRAINING_STATUSES)[number];
// Improvement backlog (migration 0031)
/** idea → planned → in_progress → done | dropped; server/modules/backlog/transitions.ts. */
export const INITIATIVE_STATUSES = ['idea', 'planned', 'in_progress', 'done', 'dropped'] as const;
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];
/** The four quadrants of value × effort (METRICS.md "Improvement backlog"). */
export const QUADRANTS = ['quick_win', 'big_bet', 'fill_in', 'money_pit'] as const;
export type Quadrant = (typeof QUADRANTS)[number];
