// Migrations are history and keep their own copies of the value lists; this reads every CHECK
// constraint of the migrated schema and compares its values with shared/domain/vocabulary.ts, so a
// list changed in one place and not the other fails here.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as v from '../shared/domain/vocabulary.ts';
import { createTestDb, type TestDb } from '../tests/support/db.ts';

/** Every CHECK of the form `col = 'a' or col = 'b' …`, by constraint name → the vocabulary list. */
const EXPECTED: Record<string, readonly string[]> = {
  orgs_language_check: v.LANGUAGES,
  users_role_check: v.ROLES,
  users_language_check: v.LANGUAGES,
  api_keys_role_check: v.ROLES,
  jobs_status_check: v.JOB_STATUSES,
  audit_actor_check: v.ACTOR_TYPES,
  clients_kind_check: v.CLIENT_KINDS,
  contacts_language_check: v.LANGUAGES,
  surveys_metric_check: v.SURVEY_METRICS,
  surveys_status_check: v.SURVEY_STATUSES,
  feedback_channel_check: v.CHANNELS,
  feedback_score_type_check: v.SCORE_TYPES,
  cases_status_check: v.CASE_STATUSES,
  cases_type_check: v.CASE_TYPES,
  cases_priority_check: v.PRIORITIES,
  message_templates_kind_check: v.MESSAGE_KINDS,
  messages_kind_check: v.MESSAGE_KINDS,
  messages_status_check: v.MESSAGE_STATUSES,
  imports_status_check: v.IMPORT_STATUSES,
  webhook_deliveries_status_check: v.DELIVERY_STATUSES,
  inbound_messages_status_check: v.INBOUND_STATUSES,
  text_corrections_sentiment_check: v.SENTIMENT_LABELS,
  important_dates_kind_check: v.DATE_KINDS,
  requirements_category_check: v.REQUIREMENT_CATEGORIES,
  requirements_source_check: v.REQUIREMENT_SOURCES,
  requirements_status_check: v.REQUIREMENT_STATUSES,
  calls_direction_check: v.CALL_DIRECTIONS,
  transactions_kind_check: v.TRANSACTION_KINDS,
  economics_settings_period_check: v.ECONOMICS_PERIODS,
  contact_unsubscribes_scope_check: v.UNSUBSCRIBE_SCOPES,
  contact_unsubscribes_source_check: v.UNSUBSCRIBE_SOURCES,
  case_status_notices_status_check: v.CASE_STATUSES,
  employees_status_check: v.EMPLOYEE_STATUSES,
  stage_targets_direction_check: v.TARGET_DIRECTIONS,
  pulses_kind_check: v.PULSE_KINDS,
  pulses_status_check: v.PULSE_STATUSES,
  pulses_language_check: v.LANGUAGES,
  kpis_direction_check: v.TARGET_DIRECTIONS,
  arbiter_rules_fires_when_check: v.ARBITER_RULE_WHEN,
  portfolio_strategies_attractiveness_check: v.PORTFOLIO_LEVELS,
  portfolio_strategies_relationship_check: v.PORTFOLIO_LEVELS,
  portfolio_playbook_actions_attractiveness_check: v.PORTFOLIO_LEVELS,
  portfolio_playbook_actions_relationship_check: v.PORTFOLIO_LEVELS,
  opportunities_sales_stage_check: v.OPPORTUNITY_STAGES,
  strategy_goals_perspective_check: v.STRATEGY_PERSPECTIVES,
  strategy_kpis_direction_check: v.TARGET_DIRECTIONS,
  strategy_kpis_source_check: v.STRATEGY_KPI_SOURCES,
  strategy_goal_items_kind_check: v.STRATEGY_ITEM_KINDS,
  competency_assessments_kind_check: v.ASSESSMENT_KINDS,
  training_items_kind_check: v.TRAINING_KINDS,
  training_items_status_check: v.TRAINING_STATUSES,
  initiatives_status_check: v.INITIATIVE_STATUSES,
  person_notifications_kind_check: v.NOTIFICATION_KINDS,
  notification_mutes_kind_check: v.NOTIFICATION_KINDS,
};
/** CHECKs that are not value lists of text. */
const NOT_LISTS = new Set([
  'calls_answered_check',
  'transactions_amount_check',
  'transactions_cost_check',
  'marketing_spend_amount_check',
  'pulse_answers_score_check',
  'opportunities_value_check',
  'initiatives_value_check',
  'initiatives_effort_check',
  'portfolio_playbook_actions_every_days_check',
  'strategy_goals_owner_check',
  'strategy_arrows_self_check',
  'strategy_kpis_binding_check',
  'competency_targets_level_check',
  'competency_assessments_level_check',
  'competency_settings_threshold_check',
]);

/** Constraint name → the quoted values of its CHECK, from the tables' CREATE statements. */
function checkLists(createStatements: readonly string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const text of createStatements) {
    const re = /constraint "(\w+)" check \(/g;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      let depth = 1;
      let end = re.lastIndex;
      while (depth > 0 && end < text.length) {
        if (text[end] === '(') depth += 1;
        else if (text[end] === ')') depth -= 1;
        end += 1;
      }
      const body = text.slice(re.lastIndex, end - 1);
      out[m[1]!] = [...body.matchAll(/'((?:[^']|'')*)'/g)].map((q) => q[1]!.replace(/''/g, "'"));
    }
  }
  return out;
}

describe('CHECK lists of the migrated schema', () => {
  let t: TestDb;
  let lists: Record<string, string[]>;
  beforeAll(async () => {
    t = await createTestDb('sqlite');
    const rows = await sql<{ sql: string }>`
      select sql from sqlite_master where type = 'table' and sql is not null`.execute(t.db);
    lists = checkLists(rows.rows.map((r) => r.sql));
  });
  afterAll(async () => {
    await t.drop();
  });

  it('finds every named value-list check and no unnamed one', () => {
    const found = Object.keys(lists).filter((name) => !NOT_LISTS.has(name));
    expect(found.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s holds exactly the vocabulary list', (name, list) => {
    expect(lists[name]).toEqual([...list]);
  });

  it('notices a list that drifted from the vocabulary', () => {
    const drifted = checkLists([
      `create table x (c text, constraint "x_check" check ((c = 'a' or c = 'it''s')))`,
    ]);
    expect(drifted).toEqual({ x_check: ['a', "it's"] });
    expect(drifted.x_check).not.toEqual(['a']);
  });
});
