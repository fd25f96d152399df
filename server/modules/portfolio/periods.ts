// Snapshot periods (pure): the labels of server/modules/scorecard/periods.ts — a month 2026-05 or
// a quarter 2026-Q2 — with the day the snapshot is as of (the period's last day) and the first day
// of the next period (the period is closed once the organisation's today reaches it).
const pad = (n: number) => String(n).padStart(2, '0');
const firstDay = (m: number) => `${Math.floor(m / 12)}-${pad((m % 12) + 1)}-01`;
const dayBefore = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

export interface SnapshotPeriod {
  label: string;
  /** The period's last day, YYYY-MM-DD. */
  asOf: string;
  /** The first day of the next period. */
  nextDay: string;
}

/** The period of a label (2026-05, 2026-Q2); undefined when it is neither. */
export function periodOf(label: string): SnapshotPeriod | undefined {
  const q = /^(\d{4})-Q([1-4])$/.exec(label);
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(label);
  if (!q && !m) return undefined;
  const start = q
    ? Number(q[1]) * 12 + (Number(q[2]) - 1) * 3
    : Number(m![1]) * 12 + Number(m![2]) - 1;
  const next = firstDay(start + (q ? 3 : 1));
  return { label, asOf: dayBefore(next), nextDay: next };
}

/** The last closed month and quarter before `today` (YYYY-MM-DD). */
export function lastClosedPeriods(today: string): { month: string; quarter: string } {
  const current = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1;
  const month = current - 1;
  const quarterStart = current - (current % 3) - 3;
  return {
    month: `${Math.floor(month / 12)}-${pad((month % 12) + 1)}`,
    quarter: `${Math.floor(quarterStart / 12)}-Q${Math.floor((quarterStart % 12) / 3) + 1}`,
  };
}
