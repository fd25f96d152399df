// eNPS per team and period (METRICS.md "Employee layer"), pure: % of 9–10 − % of 0–6 among the
// answers, with the 95 % margin of error of an NPS (each answer +1, 0 or −1), hidden below
// ENPS_MIN_ANSWERS answers. Rounding as every satisfaction figure of the API: one decimal, half
// away from zero, applied once at the end (metrics.present.ts round1).
import { ENPS_MIN_ANSWERS } from '../../../shared/api/pulse.ts';

export interface ScoreCount {
  score: number;
  count: number;
}

export interface Enps {
  answers: number;
  hidden: boolean;
  reason: 'fewer_than_5_answers' | null;
  enps: number | null;
  marginOfError: number | null;
}

export function round1(x: number): number {
  const r = (Math.sign(x) * Math.round(Math.abs(x) * 10)) / 10;
  return Object.is(r, -0) ? 0 : r;
}

/** Unrounded eNPS and margin from a histogram of 0–10 scores (no hiding). */
export function enpsOf(hist: readonly ScoreCount[]): {
  answers: number;
  value: number | null;
  margin: number | null;
} {
  let answers = 0;
  let promoters = 0;
  let detractors = 0;
  for (const { score, count } of hist) {
    if (!Number.isInteger(score) || score < 0 || score > 10 || !(count > 0)) continue;
    answers += count;
    if (score >= 9) promoters += count;
    else if (score <= 6) detractors += count;
  }
  if (answers === 0) return { answers, value: null, margin: null };
  const p = promoters / answers;
  const d = detractors / answers;
  const variance = p * (1 - p) + d * (1 - d) + 2 * p * d;
  return {
    answers,
    value: (p - d) * 100,
    margin: answers < 2 ? null : 1.96 * Math.sqrt(variance / answers) * 100,
  };
}

/** The published figure: rounded, or null with `hidden` below the anonymity threshold. */
export function publishedEnps(hist: readonly ScoreCount[]): Enps {
  const { answers, value, margin } = enpsOf(hist);
  if (answers < ENPS_MIN_ANSWERS)
    return {
      answers,
      hidden: true,
      reason: 'fewer_than_5_answers',
      enps: null,
      marginOfError: null,
    };
  return {
    answers,
    hidden: false,
    reason: null,
    enps: value === null ? null : round1(value),
    marginOfError: margin === null ? null : round1(margin),
  };
}

/** green at or above the target, amber within 10 points below it, red further below; null without a target. */
export function statusOf(
  value: number | null,
  target: number | null,
): 'green' | 'amber' | 'red' | null {
  if (value === null || target === null) return null;
  if (value >= target) return 'green';
  return value >= target - 10 ? 'amber' : 'red';
}
