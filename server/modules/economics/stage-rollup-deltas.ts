// What transactions add to the stage-money rollup (ADR 014), pure: per (client, stage, period)
// the member sums, for months (span 1) and quarters (span 3); whether a client bought in a period
// from its sale months (ADR 011's economics_clients.sale_months); and a client's part of the
// group rows from its member rows and its sale months.
import { periodIndex } from './periods.ts';

export const SPANS = [
  { span: 1, unit: 'month' },
  { span: 3, unit: 'quarter' },
] as const;

export interface StageTx {
  client_id: string;
  kind: 'sale' | 'refund';
  date: string;
  amount_minor: number;
  stage: string | null;
  due_date: string | null;
  paid_at: string | null;
}

export interface MemberSums {
  revenue_minor: number;
  documents: number;
  sales: number;
  due: number;
  on_time: number;
}
export interface MemberKey {
  client_id: string;
  stage: string;
  span: number;
  period: number;
}
export interface BuyKey {
  client_id: string;
  span: number;
  period: number;
}

export const memberKey = (k: MemberKey) => `${k.client_id}|${k.span}|${k.period}|${k.stage}`;
export const buyKey = (k: BuyKey) => `${k.client_id}|${k.span}|${k.period}`;
const byKey = (a: [string, unknown], b: [string, unknown]) =>
  a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
const zero = (): MemberSums => ({ revenue_minor: 0, documents: 0, sales: 0, due: 0, on_time: 0 });

export class StageDelta {
  readonly members = new Map<string, MemberKey & MemberSums>();

  private member(k: MemberKey) {
    const key = memberKey(k);
    let m = this.members.get(key);
    if (!m) this.members.set(key, (m = { ...k, ...zero() }));
    return m;
  }

  /** Adds (sign 1) or takes away (sign −1) one transaction's part. */
  add(t: StageTx, sign: 1 | -1): void {
    const sale = t.kind === 'sale';
    for (const { span, unit } of SPANS) {
      const period = periodIndex(t.date, unit);
      if (t.stage !== null) {
        const m = this.member({ client_id: t.client_id, stage: t.stage, span, period });
        m.revenue_minor += sign * (sale ? 1 : -1) * Number(t.amount_minor);
        m.documents += sign;
        if (sale) m.sales += sign;
      }
      if (sale && t.stage !== null && t.due_date !== null) {
        const due = periodIndex(t.due_date, unit);
        const m = this.member({ client_id: t.client_id, stage: t.stage, span, period: due });
        m.due += sign;
        if (t.paid_at !== null && t.paid_at <= t.due_date) m.on_time += sign;
      }
    }
  }

  /**
   * The changes left once parts that cancel out are dropped, in key order: concurrent writers
   * then lock the rows they share in the same order (no deadlock on PostgreSQL).
   */
  changed(): (MemberKey & MemberSums)[] {
    return [...this.members]
      .sort(byKey)
      .map(([, m]) => m)
      .filter((m) => m.revenue_minor || m.documents || m.sales || m.due || m.on_time);
  }
}

/** Sums of a group row: the member sums, paying and retained clients. */
export interface GroupSums {
  revenue_minor: number;
  documents: number;
  paying: number;
  retained: number;
  due: number;
  on_time: number;
}
export interface GroupKey {
  stage: string;
  span: number;
  period: number;
  segment: string;
  manager: string;
}
export const groupKey = (k: GroupKey) =>
  `${k.span}|${k.period}|${k.stage}|${k.segment}|${k.manager}`;

/** Group deltas gathered by key; zero rows are dropped by `rows()`. */
export class GroupDelta {
  readonly map = new Map<string, GroupKey & GroupSums>();

  add(k: GroupKey, s: Partial<GroupSums>, sign: 1 | -1 = 1): void {
    const key = groupKey(k);
    let g = this.map.get(key);
    if (!g) {
      g = { ...k, revenue_minor: 0, documents: 0, paying: 0, retained: 0, due: 0, on_time: 0 };
      this.map.set(key, g);
    }
    g.revenue_minor += sign * Number(s.revenue_minor ?? 0);
    g.documents += sign * (s.documents ?? 0);
    g.paying += sign * (s.paying ?? 0);
    g.retained += sign * (s.retained ?? 0);
    g.due += sign * (s.due ?? 0);
    g.on_time += sign * (s.on_time ?? 0);
  }

  /** Non-zero rows in key order (see StageDelta.changed). */
  rows() {
    return [...this.map]
      .sort(byKey)
      .map(([, g]) => g)
      .filter(
        (g) => g.revenue_minor || g.documents || g.paying || g.retained || g.due || g.on_time,
      );
  }
}

/** The group key of a client's member row: '' stands for no segment or no manager. */
export const groupOf = (
  m: { stage: string; span: number; period: number },
  c: { segment: string | null; managerId: string | null } | undefined,
): GroupKey => ({
  stage: m.stage,
  span: m.span,
  period: m.period,
  segment: c?.segment ?? '',
  manager: c?.managerId ?? '',
});

/**
 * Whether a month set (sale months) holds a sale in the period: the month itself (span 1) or
 * one of the quarter's three months (span 3; month indexes are year × 12 + month − 1 and
 * quarter indexes year × 4 + quarter − 1, so quarter q is months 3q … 3q + 2).
 */
export function boughtIn(months: ReadonlySet<number>, span: number, period: number): boolean {
  if (span === 1) return months.has(period);
  for (let m = period * span; m < (period + 1) * span; m++) if (months.has(m)) return true;
  return false;
}

/** The (span, period) cells whose "bought" answer differs between two month sets. */
export function boughtFlips(
  clientId: string,
  old: ReadonlySet<number>,
  now: ReadonlySet<number>,
): BuyKey[] {
  const cells = new Map<string, BuyKey>();
  for (const m of [...old, ...now]) {
    if (old.has(m) === now.has(m)) continue;
    for (const { span } of SPANS) {
      const period = Math.floor(m / span);
      if (boughtIn(old, span, period) !== boughtIn(now, span, period))
        cells.set(`${span}|${period}`, { client_id: clientId, span, period });
    }
  }
  return [...cells.values()];
}

/** A client's whole part of the group rows from its member rows and its sale months. */
export function clientPart(
  members: readonly (MemberKey & MemberSums)[],
  saleMonths: (clientId: string) => ReadonlySet<number>,
): (MemberKey & GroupSums)[] {
  return members.map((m) => {
    const paying = Number(m.sales) > 0 ? 1 : 0;
    const next = { span: Number(m.span), period: Number(m.period) + 1 };
    const bought = boughtIn(saleMonths(String(m.client_id)), next.span, next.period);
    return {
      client_id: m.client_id,
      stage: m.stage,
      span: Number(m.span),
      period: Number(m.period),
      revenue_minor: Number(m.revenue_minor),
      documents: Number(m.documents),
      paying,
      retained: paying && bought ? 1 : 0,
      due: Number(m.due),
      on_time: Number(m.on_time),
    };
  });
}
