// What one transaction adds to the economics rollups (pure): its month's sums and, for a sale
// with a due date, its payment-discipline cell. A change is the new row's part minus the old
// row's part, so inserts, updates and deletes keep the rollups exact in the same transaction.
import { daysBetween, periodIndex } from './periods.ts';

export interface RollupTx {
  client_id: string;
  kind: 'sale' | 'refund';
  date: string;
  amount_minor: number;
  cost_minor: number | null;
  due_date: string | null;
  paid_at: string | null;
}

/** Sums of one organisation month. cost is net: sales' cost − refunds' cost. */
export interface MonthSums {
  sales: number;
  sales_minor: number;
  refunds_minor: number;
  cost_minor: number;
  costed_minor: number;
}

/** Sales due in `due_month`, paid in `paid_month` (0: unpaid). Days are days since 1970-01-01. */
export interface DueSums {
  sales: number;
  on_time: number;
  late_due_days: number;
  late_paid_days: number;
}

export const epochDay = (date: string) => daysBetween('1970-01-01', date);
export const monthOf = (date: string) => periodIndex(date, 'month');

export class RollupDelta {
  readonly months = new Map<number, MonthSums>();
  readonly due = new Map<string, DueSums & { due_month: number; paid_month: number }>();

  /** Adds (sign 1) or takes away (sign −1) one transaction's part. */
  add(t: RollupTx, sign: 1 | -1): void {
    const month = monthOf(t.date);
    const m = this.months.get(month) ?? {
      sales: 0,
      sales_minor: 0,
      refunds_minor: 0,
      cost_minor: 0,
      costed_minor: 0,
    };
    const amount = Number(t.amount_minor);
    const cost = t.cost_minor === null ? 0 : Number(t.cost_minor);
    if (t.kind === 'sale') {
      m.sales += sign;
      m.sales_minor += sign * amount;
      m.cost_minor += sign * cost;
      if (t.cost_minor !== null) m.costed_minor += sign * amount;
    } else {
      m.refunds_minor += sign * amount;
      m.cost_minor -= sign * cost;
    }
    this.months.set(month, m);
    if (t.kind !== 'sale' || t.due_date === null) return;
    const dueMonth = monthOf(t.due_date);
    const paidMonth = t.paid_at === null ? 0 : monthOf(t.paid_at);
    const key = `${dueMonth}:${paidMonth}`;
    const d = this.due.get(key) ?? {
      due_month: dueMonth,
      paid_month: paidMonth,
      sales: 0,
      on_time: 0,
      late_due_days: 0,
      late_paid_days: 0,
    };
    d.sales += sign;
    if (t.paid_at !== null && t.paid_at <= t.due_date) d.on_time += sign;
    else {
      d.late_due_days += sign * epochDay(t.due_date);
      if (t.paid_at !== null) d.late_paid_days += sign * epochDay(t.paid_at);
    }
    this.due.set(key, d);
  }
}
