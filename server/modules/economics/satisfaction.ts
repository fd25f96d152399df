// Satisfaction ↔ behaviour (METRICS.md; pure, no I/O). The active clients of W (a sale or a
// feedback record in W) are grouped by the latest NPS answer of any of their contacts in W;
// per group: paying clients, revenue per paying client, the on-time share of the sales due in W
// and retention — the share of the group's paying clients who buy again in the window of the
// same length right after W. Each figure has its count and a 95 % interval (intervals.ts).
import type { NpsGroup } from '../../../shared/api/economics-figures.ts';
import type { DueRow, FeedbackRow, TxRow, Window } from './figures.ts';
import {
  meanDifferenceInterval,
  meanInterval,
  proportionDifferenceInterval,
  proportionInterval,
  type Interval,
} from './intervals.ts';

export interface SatisfactionData {
  /** Transactions dated in W or in the next window. */
  transactions: readonly TxRow[];
  /** Sales due in W, with their client. */
  due: readonly (DueRow & { clientId: string })[];
  feedback: readonly FeedbackRow[];
  /** The latest NPS score in W per client. */
  nps: ReadonlyMap<string, number>;
}

export interface GroupFigures {
  group: NpsGroup;
  clients: number;
  payingClients: number;
  /** Minor units per paying client, one entry per paying client (for the intervals). */
  revenues: number[];
  revenuePerPayingClient: number | null;
  revenuePerPayingClientInterval: Interval;
  dueSales: number;
  onTime: number;
  onTimeShare: number | null;
  onTimeShareInterval: Interval;
  retained: number;
  retention: number | null;
  retentionInterval: Interval;
}

export const npsGroup = (score: number | undefined): NpsGroup =>
  score === undefined ? 'none' : score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';

const inWindow = (date: string, w: Window) => date >= w.from && date < w.to;
const share = (a: number, n: number) => (n ? a / n : null);

export function bySatisfaction(w: Window, next: Window, data: SatisfactionData) {
  const revenue = new Map<string, number>();
  const paying = new Set<string>();
  const buysNext = new Set<string>();
  for (const t of data.transactions) {
    if (inWindow(t.date, w)) {
      revenue.set(
        t.clientId,
        (revenue.get(t.clientId) ?? 0) + (t.kind === 'sale' ? 1 : -1) * t.amountMinor,
      );
      if (t.kind === 'sale') paying.add(t.clientId);
    } else if (inWindow(t.date, next) && t.kind === 'sale') buysNext.add(t.clientId);
  }
  const active = new Set(paying);
  for (const f of data.feedback) if (inWindow(f.date, w)) active.add(f.clientId);
  const groupOf = new Map([...active].map((c) => [c, npsGroup(data.nps.get(c))]));

  const groups = (['promoter', 'passive', 'detractor', 'none'] as const).map((group) => {
    const members = [...active].filter((c) => groupOf.get(c) === group);
    const payers = members.filter((c) => paying.has(c));
    const revenues = payers.map((c) => revenue.get(c)!);
    const due = data.due.filter((d) => inWindow(d.dueDate, w) && groupOf.get(d.clientId) === group);
    const onTime = due.filter((d) => d.paidAt !== null && d.paidAt <= d.dueDate).length;
    const retained = payers.filter((c) => buysNext.has(c)).length;
    const total = revenues.reduce((s, r) => s + r, 0);
    return {
      group,
      clients: members.length,
      payingClients: payers.length,
      revenues,
      revenuePerPayingClient: share(total, payers.length),
      revenuePerPayingClientInterval: meanInterval(revenues),
      dueSales: due.length,
      onTime,
      onTimeShare: share(onTime, due.length),
      onTimeShareInterval: proportionInterval(onTime, due.length),
      retained,
      retention: share(retained, payers.length),
      retentionInterval: proportionInterval(retained, payers.length),
    } satisfies GroupFigures;
  });

  const p = groups[0]!;
  const d = groups[2]!;
  const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);
  return {
    groups,
    differences: {
      revenuePerPayingClient: {
        value: diff(p.revenuePerPayingClient, d.revenuePerPayingClient),
        interval: meanDifferenceInterval(p.revenues, d.revenues),
      },
      onTimeShare: {
        value: diff(p.onTimeShare, d.onTimeShare),
        interval: proportionDifferenceInterval(p.onTime, p.dueSales, d.onTime, d.dueSales),
      },
      retention: {
        value: diff(p.retention, d.retention),
        interval: proportionDifferenceInterval(
          p.retained,
          p.payingClients,
          d.retained,
          d.payingClients,
        ),
      },
    },
  };
}
