// The built-in metric keys of the operational layer (what a stage target names).
import { CALL_METRICS, CASE_METRICS } from '../../../shared/api/scorecard.ts';

export type CaseMetricKey = keyof typeof CASE_METRICS;
export type CallMetricKey = keyof typeof CALL_METRICS;
export const CASE_METRIC_KEYS = Object.keys(CASE_METRICS) as CaseMetricKey[];
export const CALL_METRIC_KEYS = Object.keys(CALL_METRICS) as CallMetricKey[];
