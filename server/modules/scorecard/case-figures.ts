// The case metrics of one stage in one period [from, to) (docs/scorecard.md has the choices). Pure.
//   cases.ack_minutes      median business minutes from opening to the first response, over the
//                          cases first responded to in the period
//   cases.resolve_minutes  median business minutes from opening to the resolution that stands,
//                          over the cases whose standing resolution falls in the period
//   cases.reopen_rate      of the cases resolved in the period (a status change to resolved in
//                          it), the share reopened after that resolution (up to now)
//   cases.sla_breach_share of the cases due in the period (resolution due time, already passed),
//                          the share not resolved by it (or marked breached by the SLA timer)
//   cases.backlog          cases open at the end of the period (at now for the current period)
import type { CaseMetricKey } from './metric-keys.ts';
import { caseOpenAt, type CaseFact } from '../cases/index.ts';

export interface Figure {
  value: number | null;
  n: number | null;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** The median (the mean of the two middle values for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const within = (at: string | null, from: string, to: string) =>
  at !== null && at >= from && at < to;

const share = (part: number, whole: number): Figure => ({
  value: whole === 0 ? null : round(part / whole, 4),
  n: whole,
});

const medianFigure = (values: number[]): Figure => {
  const m = median(values);
  return { value: m === null ? null : round(m, 2), n: values.length };
};

/** True when the case went from resolved back to work after `after`. */
function reopenedAfter(c: CaseFact, after: string): boolean {
  let previous: string = 'new';
  for (const s of c.statuses) {
    if (s.at > after && previous === 'resolved' && s.status !== 'closed' && s.status !== 'resolved')
      return true;
    previous = s.status;
  }
  return false;
}

export function caseFigures(
  facts: readonly CaseFact[],
  period: { from: string; to: string },
  now: string,
): Record<CaseMetricKey, Figure> {
  const { from, to } = period;
  const acknowledged = facts.filter((c) => within(c.firstRespondedAt, from, to));
  const resolved = facts.filter((c) => within(c.resolvedAt, from, to));
  let resolvedInPeriod = 0;
  let reopened = 0;
  for (const c of facts) {
    const first = c.statuses.find((s) => s.status === 'resolved' && within(s.at, from, to));
    if (!first) continue;
    resolvedInPeriod += 1;
    if (reopenedAfter(c, first.at)) reopened += 1;
  }
  const due = facts.filter((c) => within(c.dueAt, from, to) && c.dueAt! <= now);
  const breached = due.filter(
    (c) => c.breachedAt !== null || caseOpenAt(c, new Date(Date.parse(c.dueAt!) + 1).toISOString()),
  );
  const end = to < now ? to : now;
  const backlog = from < now ? facts.filter((c) => caseOpenAt(c, end)).length : null;
  return {
    'cases.ack_minutes': medianFigure(acknowledged.map((c) => c.ackMinutes!)),
    'cases.resolve_minutes': medianFigure(resolved.map((c) => c.resolveMinutes!)),
    'cases.reopen_rate': share(reopened, resolvedInPeriod),
    'cases.sla_breach_share': share(breached.length, due.length),
    'cases.backlog': { value: backlog, n: backlog },
  };
}
