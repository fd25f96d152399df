// The migration sequence, listed statically so it works the same under tsx, tests and bundles.
// Append new files here in order; never edit a migration that has shipped.
import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation.ts';
import * as m0002 from './0002_closed_loop.ts';
import * as m0003 from './0003_inbound_mail.ts';
import * as m0004 from './0004_text_analytics.ts';
import * as m0005 from './0005_client_care.ts';
import * as m0006 from './0006_telephony.ts';
import * as m0007 from './0007_text_sweep.ts';
import * as m0008 from './0008_fast_checks.ts';
import * as m0009 from './0009_numbered_refs.ts';
import * as m0010 from './0010_date_order.ts';
import * as m0011 from './0011_transactions.ts';
import * as m0012 from './0012_marketing_spend.ts';
import * as m0013 from './0013_economics_settings.ts';
import * as m0014 from './0014_economics_rollups.ts';
import * as m0015 from './0015_client_inn.ts';
import * as m0016 from './0016_client_budget_and_org_zone.ts';
import * as m0017 from './0017_economics_client_versions.ts';
import * as m0018 from './0018_client_notifications.ts';
import * as m0019 from './0019_employees.ts';
import * as m0020 from './0020_stages.ts';
import * as m0021 from './0021_pulses.ts';
import * as m0022 from './0022_kpis.ts';
import * as m0023 from './0023_case_reply_today.ts';
import * as m0024 from './0024_two_factor_and_reset.ts';
import * as m0025 from './0025_arbiter.ts';
import * as m0026 from './0026_monthly_report.ts';
import * as m0027 from './0027_feedback_score_months.ts';
import * as m0028 from './0028_portfolio.ts';
import * as m0029 from './0029_opportunities.ts';
import * as m0030 from './0030_portfolio_playbooks.ts';
import * as m0031 from './0031_backlog.ts';
import * as m0032 from './0032_competencies.ts';
import * as m0033 from './0033_strategy.ts';
import * as m0034 from './0034_case_rollup.ts';
import * as m0035 from './0035_stage_money_rollup.ts';
import * as m0036 from './0036_call_rollup.ts';
import * as m0037 from './0037_feedback_score_groups.ts';
import * as m0038 from './0038_sessions_scopes_audit.ts';
import * as m0039 from './0039_data_subject_rights.ts';
import * as m0040 from './0040_trust_findings.ts';
import * as m0041 from './0041_topic_sentiments.ts';
import * as m0042 from './0042_secrets_at_rest.ts';
import * as m0043 from './0043_survey_invite_groups.ts';
import * as m0044 from './0044_resolution_codes_and_tags.ts';
import * as m0045 from './0045_saved_views.ts';
import * as m0046 from './0046_person_notifications.ts';
import * as m0047 from './0047_work_page_indexes.ts';
import * as m0048 from './0048_feedback_report_counts.ts';
import * as m0049 from './0049_drop_client_buys.ts';

export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_closed_loop': m0002,
  '0003_inbound_mail': m0003,
  '0004_text_analytics': m0004,
  '0005_client_care': m0005,
  '0006_telephony': m0006,
  '0007_text_sweep': m0007,
  '0008_fast_checks': m0008,
  '0009_numbered_refs': m0009,
  '0010_date_order': m0010,
  '0011_transactions': m0011,
  '0012_marketing_spend': m0012,
  '0013_economics_settings': m0013,
  '0014_economics_rollups': m0014,
  '0015_client_inn': m0015,
  '0016_client_budget_and_org_zone': m0016,
  '0017_economics_client_versions': m0017,
  '0018_client_notifications': m0018,
  '0019_employees': m0019,
  '0020_stages': m0020,
  '0021_pulses': m0021,
  '0022_kpis': m0022,
  '0023_case_reply_today': m0023,
  '0024_two_factor_and_reset': m0024,
  '0025_arbiter': m0025,
  '0026_monthly_report': m0026,
  '0027_feedback_score_months': m0027,
  '0028_portfolio': m0028,
  '0029_opportunities': m0029,
  '0030_portfolio_playbooks': m0030,
  '0031_backlog': m0031,
  '0032_competencies': m0032,
  '0033_strategy': m0033,
  '0034_case_rollup': m0034,
  '0035_stage_money_rollup': m0035,
  '0036_call_rollup': m0036,
  '0037_feedback_score_groups': m0037,
  '0038_sessions_scopes_audit': m0038,
  '0039_data_subject_rights': m0039,
  '0040_trust_findings': m0040,
  '0041_topic_sentiments': m0041,
  '0042_secrets_at_rest': m0042,
  '0043_survey_invite_groups': m0043,
  '0044_resolution_codes_and_tags': m0044,
  '0045_saved_views': m0045,
  '0046_person_notifications': m0046,
  '0047_work_page_indexes': m0047,
  '0048_feedback_report_counts': m0048,
  '0049_drop_client_buys': m0049,
};
