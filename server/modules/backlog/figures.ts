// The backlog's figures (pure; METRICS.md "Improvement backlog", docs/backlog.md): the value
// computed from reach × revenue at stake, the quadrant of value × effort (threshold 5.5), whether
// a done initiative was on time, the on-time share and the ranking of the list.
import type { InitiativeStatus, Quadrant } from '../../../shared/domain/vocabulary.ts';
import { QUADRANT_THRESHOLD } from '../../../shared/api/backlog.ts';

export interface ScoreInput {
  id: string;
  /** Value given by a person (1–10), or null. */
  manualValue: number | null;
  reach: number;
  /** Revenue at stake in minor units (≥ 0). */
  revenueMinor: number;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * The value of each initiative: the given one, else 1 + 9 × p / pMax, p = reach × revenue at
 * stake, pMax the largest p among the organisation's initiatives (so the best-reaching one scores
 * 10), rounded to 0.1. When no initiative has revenue at stake (pMax = 0) reach alone is scaled
 * the same way. An initiative reaching nobody has no computed value (null).
 */
export function computeValues(rows: readonly ScoreInput[]): Map<string, number | null> {
  const product = (r: ScoreInput) => r.reach * Math.max(0, r.revenueMinor);
  const pMax = Math.max(0, ...rows.map(product));
  const reachMax = Math.max(0, ...rows.map((r) => r.reach));
  const out = new Map<string, number | null>();
  for (const r of rows) {
    if (r.manualValue !== null) out.set(r.id, r.manualValue);
    else if (r.reach === 0) out.set(r.id, null);
    else if (pMax > 0) out.set(r.id, round1(1 + (9 * product(r)) / pMax));
    else out.set(r.id, reachMax > 0 ? round1(1 + (9 * r.reach) / reachMax) : null);
  }
  return out;
}

/** quick win: high value, low effort; big bet: both high; fill-in: both low; money pit: low value, high effort. */
export function quadrantOf(value: number | null, effort: number | null): Quadrant | null {
  if (value === null || effort === null) return null;
  const highValue = value >= QUADRANT_THRESHOLD;
  const highEffort = effort >= QUADRANT_THRESHOLD;
  if (highValue) return highEffort ? 'big_bet' : 'quick_win';
  return highEffort ? 'money_pit' : 'fill_in';
}

/** The calendar day (YYYY-MM-DD) of an instant in an IANA time zone. */
export function localDay(instant: string | Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(instant));
}

/** Done by the due date: the day it was done, in the organisation's zone, is ≤ the due date. */
export function onTimeOf(
  status: InitiativeStatus,
  doneAt: string | null,
  dueDate: string | null,
  timeZone: string,
): boolean | null {
  if (status !== 'done' || !doneAt || !dueDate) return null;
  return localDay(doneAt, timeZone) <= dueDate;
}

/** On-time share = done on time / done with a due date (null when there is none). */
export function onTimeShare(onTime: readonly (boolean | null)[], doneCount: number) {
  const judged = onTime.filter((x): x is boolean => x !== null);
  const doneOnTime = judged.filter(Boolean).length;
  return {
    done: doneCount,
    doneWithDueDate: judged.length,
    doneOnTime,
    onTimeShare: judged.length ? doneOnTime / judged.length : null,
  };
}

const OPEN: readonly InitiativeStatus[] = ['idea', 'planned', 'in_progress'];

export interface RankInput {
  id: string;
  status: InitiativeStatus;
  value: number | null;
  effort: number | null;
  dueDate: string | null;
  createdAt: string;
}

/**
 * The ranked order: open initiatives first (idea, planned, in progress), then done, then dropped;
 * within each, by value ÷ effort (highest first; unscored last), then value, then the nearer due
 * date, then the older one.
 */
export function rankOrder<T extends RankInput>(rows: readonly T[]): T[] {
  const group = (s: InitiativeStatus) => (OPEN.includes(s) ? 0 : s === 'done' ? 1 : 2);
  const ratio = (r: T) => (r.value !== null && r.effort !== null ? r.value / r.effort : -1);
  return [...rows].sort(
    (a, b) =>
      group(a.status) - group(b.status) ||
      ratio(b) - ratio(a) ||
      (b.value ?? -1) - (a.value ?? -1) ||
      (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') ||
      a.createdAt.localeCompare(b.createdAt) ||
      a.id.localeCompare(b.id),
  );
}
