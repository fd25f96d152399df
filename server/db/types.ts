// Row types of every table (defined by area in tables/), as both drivers return them after createDb's normalisation:
// ids and times are strings (ISO-8601 UTC), JSON is a string, flags are 0/1, counts are numbers.
import type { Kysely, Transaction } from 'kysely';
import type {
  ApiKeysTable,
  AuditLogTable,
  InstanceSettingsTable,
  JobsTable,
  LoginChallengesTable,
  PasswordResetsTable,
  RecoveryCodesTable,
  OrgsTable,
  SessionsTable,
  UsersTable,
} from './tables/foundation.ts';
import type {
  CaseEventsTable,
  CasesTable,
  ClientsTable,
  ContactsTable,
  FeedbackTable,
  IdempotencyKeysTable,
  ImportsTable,
  MessageTemplatesTable,
  MessagesTable,
  SlaPoliciesTable,
  SurveyInvitesTable,
  SurveysTable,
  WebhookDeliveriesTable,
  WebhooksTable,
} from './tables/closed-loop.ts';
import type { ResolutionCodesTable } from './tables/case-closing.ts';
import type { InboundAddressesTable, InboundMessagesTable } from './tables/inbound-mail.ts';
import type { TextCorrectionsTable, TextTopicsTable } from './tables/text-analytics.ts';
import type { LegacyStatusRefsTable, SurveyOpenAnswersTable } from './tables/trust.ts';
import type { SavedViewsTable } from './tables/saved-views.ts';
import type {
  ClientNotesTable,
  ImportantDatesTable,
  RequirementsTable,
  RequirementVersionsTable,
} from './tables/client-care.ts';
import type {
  CallRollupsTable,
  CallRollupZonesTable,
  CallSettingsTable,
  CallsTable,
} from './tables/telephony.ts';
import type { EmployeesTable } from './tables/employees.ts';
import type {
  PulseAnswersTable,
  PulseInvitationsTable,
  PulseLinksTable,
  PulsesTable,
} from './tables/pulse.ts';
import type {
  EconomicsClientsTable,
  EconomicsDueMonthsTable,
  EconomicsOrgMonthsTable,
  EconomicsSettingsTable,
  EconomicsVersionsTable,
  MarketingSpendTable,
  TransactionsTable,
} from './tables/economics.ts';
import type {
  EconomicsStageGroupsTable,
  EconomicsStageMembersTable,
} from './tables/stage-money.ts';
import type {
  CaseStatusNoticesTable,
  ContactUnsubscribesTable,
  ReminderSnoozesTable,
} from './tables/client-notifications.ts';
import type { StagesTable, StageTargetsTable } from './tables/stages.ts';
import type { NotificationMutesTable, PersonNotificationsTable } from './tables/notifications.ts';
import type { KpisTable, KpiValuesTable } from './tables/scorecard.ts';
import type { ArbiterReportsTable, ArbiterRulesTable } from './tables/arbiter.ts';
import type {
  PortfolioScoresTable,
  PortfolioSettingsTable,
  PortfolioSnapshotRowsTable,
  PortfolioSnapshotsTable,
  PortfolioStrategiesTable,
  PortfolioPlaybookActionsTable,
  PortfolioPlaybookDoneTable,
} from './tables/portfolio.ts';
import type { ReportRecipientsTable } from './tables/reports.ts';
import type {
  CaseRollupFiguresTable,
  CaseRollupMembersTable,
  CaseRollupZonesTable,
  FeedbackReportDaysTable,
  FeedbackReportMonthsTable,
  FeedbackReportSegmentsTable,
  FeedbackScoreGroupsTable,
  FeedbackScoreMonthsTable,
  FeedbackScoreZonesTable,
  SurveyInviteGroupsTable,
  SurveyInviteZonesTable,
} from './tables/rollups.ts';
import type { OpportunitiesTable, OpportunityTransactionsTable } from './tables/opportunities.ts';
import type {
  StrategyArrowsTable,
  StrategyGoalItemsTable,
  StrategyGoalsTable,
  StrategyKpisTable,
  StrategyKpiValuesTable,
} from './tables/strategy.ts';
import type {
  CompetenciesTable,
  CompetencyAssessmentsTable,
  CompetencySettingsTable,
  CompetencyTargetsTable,
  OnboardingChecklistItemsTable,
  OnboardingChecklistsTable,
  OnboardingTemplateItemsTable,
  TrainingItemsTable,
} from './tables/competencies.ts';
import type {
  InitiativeCasesTable,
  InitiativeClientsTable,
  InitiativeFeedbackTable,
  InitiativeNoticesTable,
  InitiativesTable,
} from './tables/backlog.ts';
import type { RetentionSettingsTable } from './tables/privacy.ts';

// The single import point: each area's row types live in tables/, grouped as the migrations introduce them.
export type * from './tables/foundation.ts';
export type * from './tables/closed-loop.ts';
export type * from './tables/case-closing.ts';
export type * from './tables/inbound-mail.ts';
export type * from './tables/text-analytics.ts';
export type * from './tables/client-care.ts';
export type * from './tables/telephony.ts';
export type * from './tables/economics.ts';
export type * from './tables/client-notifications.ts';
export type * from './tables/employees.ts';
export type * from './tables/stages.ts';
export type * from './tables/pulse.ts';
export type * from './tables/scorecard.ts';
export type * from './tables/arbiter.ts';
export type * from './tables/portfolio.ts';
export type * from './tables/reports.ts';
export type * from './tables/opportunities.ts';
export type * from './tables/strategy.ts';
export type * from './tables/competencies.ts';
export type * from './tables/backlog.ts';
export type * from './tables/privacy.ts';
export type * from './tables/notifications.ts';
export type * from './tables/trust.ts';
export type * from './tables/saved-views.ts';

export interface DB {
  retention_settings: RetentionSettingsTable;
  competencies: CompetenciesTable;
  competency_targets: CompetencyTargetsTable;
  competency_assessments: CompetencyAssessmentsTable;
  competency_settings: CompetencySettingsTable;
  training_items: TrainingItemsTable;
  onboarding_template_items: OnboardingTemplateItemsTable;
  onboarding_checklists: OnboardingChecklistsTable;
  onboarding_checklist_items: OnboardingChecklistItemsTable;
  kpis: KpisTable;
  kpi_values: KpiValuesTable;
  arbiter_rules: ArbiterRulesTable;
  arbiter_reports: ArbiterReportsTable;
  portfolio_settings: PortfolioSettingsTable;
  portfolio_strategies: PortfolioStrategiesTable;
  portfolio_scores: PortfolioScoresTable;
  portfolio_snapshots: PortfolioSnapshotsTable;
  portfolio_snapshot_rows: PortfolioSnapshotRowsTable;
  portfolio_playbook_actions: PortfolioPlaybookActionsTable;
  portfolio_playbook_done: PortfolioPlaybookDoneTable;
  report_recipients: ReportRecipientsTable;
  feedback_score_months: FeedbackScoreMonthsTable;
  feedback_score_groups: FeedbackScoreGroupsTable;
  feedback_score_zones: FeedbackScoreZonesTable;
  feedback_report_months: FeedbackReportMonthsTable;
  feedback_report_segments: FeedbackReportSegmentsTable;
  feedback_report_days: FeedbackReportDaysTable;
  survey_invite_groups: SurveyInviteGroupsTable;
  survey_invite_zones: SurveyInviteZonesTable;
  case_rollup_members: CaseRollupMembersTable;
  case_rollup_figures: CaseRollupFiguresTable;
  case_rollup_zones: CaseRollupZonesTable;
  opportunities: OpportunitiesTable;
  opportunity_transactions: OpportunityTransactionsTable;
  strategy_goals: StrategyGoalsTable;
  strategy_arrows: StrategyArrowsTable;
  strategy_kpis: StrategyKpisTable;
  strategy_kpi_values: StrategyKpiValuesTable;
  strategy_goal_items: StrategyGoalItemsTable;
  initiatives: InitiativesTable;
  initiative_feedback: InitiativeFeedbackTable;
  initiative_clients: InitiativeClientsTable;
  initiative_cases: InitiativeCasesTable;
  initiative_notices: InitiativeNoticesTable;
  reminder_snoozes: ReminderSnoozesTable;
  person_notifications: PersonNotificationsTable;
  notification_mutes: NotificationMutesTable;
  recovery_codes: RecoveryCodesTable;
  login_challenges: LoginChallengesTable;
  password_resets: PasswordResetsTable;
  stages: StagesTable;
  stage_targets: StageTargetsTable;
  pulses: PulsesTable;
  pulse_invitations: PulseInvitationsTable;
  pulse_links: PulseLinksTable;
  pulse_answers: PulseAnswersTable;
  employees: EmployeesTable;
  contact_unsubscribes: ContactUnsubscribesTable;
  case_status_notices: CaseStatusNoticesTable;
  transactions: TransactionsTable;
  marketing_spend: MarketingSpendTable;
  economics_settings: EconomicsSettingsTable;
  economics_org_months: EconomicsOrgMonthsTable;
  economics_due_months: EconomicsDueMonthsTable;
  economics_clients: EconomicsClientsTable;
  economics_versions: EconomicsVersionsTable;
  economics_stage_members: EconomicsStageMembersTable;
  economics_stage_groups: EconomicsStageGroupsTable;
  text_topics: TextTopicsTable;
  text_corrections: TextCorrectionsTable;
  calls: CallsTable;
  call_settings: CallSettingsTable;
  call_rollups: CallRollupsTable;
  call_rollup_zones: CallRollupZonesTable;
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
  survey_open_answers: SurveyOpenAnswersTable;
  saved_views: SavedViewsTable;
  legacy_status_refs: LegacyStatusRefsTable;
  feedback: FeedbackTable;
  idempotency_keys: IdempotencyKeysTable;
  sla_policies: SlaPoliciesTable;
  resolution_codes: ResolutionCodesTable;
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
