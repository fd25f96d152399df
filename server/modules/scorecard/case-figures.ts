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
import { caseOpenAt, caseStatusAt, median, reopenedAfter, type CaseFact } from '../cases/index.ts';

export interface Figure {
  value: number | null;
  n: number | null;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

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

/** One case counted by a metric: when it counted, what it gave and a word for it. */
export interface CaseMember {
  fact: CaseFact;
  at: string;
  /** Minutes (the medians), 1 or 0 (the shares), null (the backlog). */
  value: number | null;
  label: string;
}

/**
 * The cases each metric counts in the period — what caseFigures computes from and what the
 * drill-down lists; null for the backlog of a period that has not begun.
 */
export function caseMembers(
  facts: readonly CaseFact[],
  period: { from: string; to: string },
  now: string,
): Record<CaseMetricKey, CaseMember[] | null> {
  const { from, to } = period;
  const reopen: CaseMember[] = [];
  for (const c of facts) {
    const first = c.statuses.find((s) => s.status === 'resolved' && within(s.at, from, to));
    if (!first) continue;
    const again = reopenedAfter(c, first.at);
    reopen.push({
      fact: c,
      at: first.at,
      value: again ? 1 : 0,
      label: again ? 'reopened' : 'stayed_resolved',
    });
  }
  const due = facts.filter((c) => within(c.dueAt, from, to) && c.dueAt! <= now);
  const end = to < now ? to : now;
  return {
    'cases.ack_minutes': facts
      .filter((c) => within(c.firstRespondedAt, from, to))
      .map((c) => ({ fact: c, at: c.firstRespondedAt!, value: c.ackMinutes!, label: 'responded' })),
    'cases.resolve_minutes': facts
      .filter((c) => within(c.resolvedAt, from, to))
      .map((c) => ({ fact: c, at: c.resolvedAt!, value: c.resolveMinutes!, label: 'resolved' })),
    'cases.reopen_rate': reopen,
    'cases.sla_breach_share': due.map((c) => {
      const breached =
        c.breachedAt !== null || caseOpenAt(c, new Date(Date.parse(c.dueAt!) + 1).toISOString());
      return {
        fact: c,
        at: c.dueAt!,
        value: breached ? 1 : 0,
        label: breached ? 'breached' : 'met',
      };
    }),
    'cases.backlog':
      from < now
        ? facts
            .filter((c) => caseOpenAt(c, end))
            .map((c) => ({ fact: c, at: c.openedAt, value: null, label: caseStatusAt(c, end)! }))
        : null,
  };
}

export function caseFigures(
  facts: readonly CaseFact[],
  period: { from: string; to: string },
  now: string,
): Record<CaseMetricKey, Figure> {
  const m = caseMembers(facts, period, now);
  const ones = (members: CaseMember[]) => members.filter((x) => x.value === 1).length;
  const backlog = m['cases.backlog']?.length ?? null;
  return {
    'cases.ack_minutes': medianFigure(m['cases.ack_minutes']!.map((x) => x.value!)),
    'cases.resolve_minutes': medianFigure(m['cases.resolve_minutes']!.map((x) => x.value!)),
    'cases.reopen_rate': share(ones(m['cases.reopen_rate']!), m['cases.reopen_rate']!.length),
    'cases.sla_breach_share': share(
      ones(m['cases.sla_breach_share']!),
      m['cases.sla_breach_share']!.length,
    ),
    'cases.backlog': { value: backlog, n: backlog },
  };
}
