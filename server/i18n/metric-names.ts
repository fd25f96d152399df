// Display names of the stages and metrics the reports print. Built-in keys read from the server catalogue
// (reports.metrics.*); a KPI (`kpi:<key>`) carries its own name and English name in the data.
// A key neither built in nor named (a metric added later) prints as its key, never as nothing.
import type { Language } from '../../shared/domain/vocabulary.ts';
import { t, type TextKey } from './catalogue.ts';

const BUILT_IN: Readonly<Record<string, TextKey>> = {
  nps: 'reports.metrics.nps',
  csat: 'reports.metrics.csat',
  ces: 'reports.metrics.ces',
  response_rate: 'reports.metrics.response_rate',
  revenue: 'reports.metrics.revenue',
  arppu: 'reports.metrics.arppu',
  on_time_share: 'reports.metrics.on_time_share',
  retention: 'reports.metrics.retention',
  'cases.ack_minutes': 'reports.metrics.cases_ack_minutes',
  'cases.resolve_minutes': 'reports.metrics.cases_resolve_minutes',
  'cases.reopen_rate': 'reports.metrics.cases_reopen_rate',
  'cases.sla_breach_share': 'reports.metrics.cases_sla_breach_share',
  'cases.backlog': 'reports.metrics.cases_backlog',
  'calls.answered_share': 'reports.metrics.calls_answered_share',
  'calls.missed_share': 'reports.metrics.calls_missed_share',
  'calls.avg_wait_seconds': 'reports.metrics.calls_avg_wait_seconds',
  'calls.callback_within_target_share': 'reports.metrics.calls_callback_within_target_share',
  enps: 'reports.metrics.enps',
  competency_coverage: 'reports.metrics.competency_coverage',
};

/** The keys with a name in the catalogue (for tests and for whoever adds a metric). */
export const NAMED_METRICS = Object.keys(BUILT_IN);

export interface NamedMetric {
  metric: string;
  name: string | null;
  nameEn: string | null;
}

export function metricName(m: NamedMetric, lang: Language): string {
  // A KPI's name is in the organisation's language; English readers get nameEn when there is one.
  const own = lang === 'en' ? (m.nameEn ?? m.name) : (m.name ?? m.nameEn);
  if (own) return own;
  const key = Object.hasOwn(BUILT_IN, m.metric) ? BUILT_IN[m.metric] : undefined;
  return key ? t(lang, key) : m.metric;
}

/** A stage's name in the report's language, the other one when that one is empty. */
export function stageName(stage: { nameRu: string; nameEn: string }, lang: Language): string {
  return lang === 'en' ? stage.nameEn || stage.nameRu : stage.nameRu || stage.nameEn;
}
