// What one case counts for in the scorecard's case metrics, per month and quarter of the
// organisation's zone (ADR 015). Pure: the same definitions as the scorecard's live computation
// (scorecard/case-figures.ts, docs/scorecard.md), cut into pieces that only change when the case
// does, so they can be kept in the transaction that changes it:
//   ack      the case's business minutes to the first response, in the period of that response
//   resolve  business minutes to the resolution that stands, in the period of that resolution
//   reopen   1 or 0 in each period holding a resolution: reopened after its first one in it
//   sla      1 or 0 in the period of the due time: breached, or still open just after it (a due
//            time not yet reached is taken away at reading time, see case-rollup.service.ts)
//   backlog  month by month, opened minus closed plus reopened: the open count at the end of a
//            month is the sum of the months up to it.
import type { CaseFact } from './case-facts.ts';
import { caseOpenAt } from './case-facts.ts';
import { OPEN_CASE_STATUSES } from '../../../shared/domain/vocabulary.ts';
import { monthIndexOf, monthLabel, quarterLabel } from './zone-months.ts';

export const ROLLUP_METRICS = ['ack', 'resolve', 'reopen', 'sla', 'backlog'] as const;
export type RollupMetric = (typeof ROLLUP_METRICS)[number];

export interface RollupMember {
  stage: string;
  period: string;
  metric: RollupMetric;
  value: number;
}

const OPEN = new Set<string>(OPEN_CASE_STATUSES);

/** True when the case went from resolved back to work after `after`. */
export function reopenedAfter(c: CaseFact, after: string): boolean {
  let previous: string = 'new';
  for (const s of c.statuses) {
    if (s.at > after && previous === 'resolved' && s.status !== 'closed' && s.status !== 'resolved')
      return true;
    previous = s.status;
  }
  return false;
}

/** The median (the mean of the two middle values for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Every piece the case counts for; none for a case without a stage. */
export function caseRollupMembers(c: CaseFact, timeZone: string): RollupMember[] {
  const stage = c.stage;
  if (stage === null) return [];
  const out: RollupMember[] = [];
  const month = (at: string) => monthIndexOf(Date.parse(at), timeZone);
  const both = (at: string, metric: RollupMetric, value: number) => {
    const m = month(at);
    out.push({ stage, period: monthLabel(m), metric, value });
    out.push({ stage, period: quarterLabel(m), metric, value });
  };
  if (c.firstRespondedAt !== null && c.ackMinutes !== null)
    both(c.firstRespondedAt, 'ack', c.ackMinutes);
  if (c.resolvedAt !== null && c.resolveMinutes !== null)
    both(c.resolvedAt, 'resolve', c.resolveMinutes);
  // Reopen: per period, the first resolution in it decides.
  const seen = new Set<string>();
  for (const s of c.statuses) {
    if (s.status !== 'resolved') continue;
    const m = month(s.at);
    const value = reopenedAfter(c, s.at) ? 1 : 0;
    for (const period of [monthLabel(m), quarterLabel(m)]) {
      if (seen.has(period)) continue;
      seen.add(period);
      out.push({ stage, period, metric: 'reopen', value });
    }
  }
  if (c.dueAt !== null) {
    const after = new Date(Date.parse(c.dueAt) + 1).toISOString();
    both(c.dueAt, 'sla', c.breachedAt !== null || caseOpenAt(c, after) ? 1 : 0);
  }
  // Backlog: +1 in the month it opened (a case opens as `new`), then ±1 per change of openness.
  const deltas = new Map<number, number>();
  const add = (m: number, d: number) => deltas.set(m, (deltas.get(m) ?? 0) + d);
  add(month(c.openedAt), 1);
  let open = true;
  for (const s of c.statuses) {
    const now = OPEN.has(s.status);
    if (now !== open) add(month(s.at), now ? 1 : -1);
    open = now;
  }
  for (const [m, d] of deltas)
    if (d !== 0) out.push({ stage, period: monthLabel(m), metric: 'backlog', value: d });
  return out;
}
