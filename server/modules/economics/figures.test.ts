// Pure figure arithmetic, table-driven: periods, the churn default, payment discipline, and the
// rounding of money ratios. The HTTP example lives in economics-summary.test.ts.
import { describe, expect, it } from 'vitest';
import { churnedAt, figuresFor, paymentDiscipline, type TxRow } from './figures.ts';
import {
  churnAfterPeriods,
  daysBetween,
  isPeriodBoundary,
  median,
  periodIndex,
  periodLabel,
  periodStart,
  type PeriodUnit,
} from './periods.ts';

describe('periods', () => {
  it.each<[string, PeriodUnit, string, string]>([
    ['2026-01-15', 'month', '2026-01', '2026-01-01'],
    ['2026-12-31', 'month', '2026-12', '2026-12-01'],
    ['2026-05-20', 'quarter', '2026-Q2', '2026-04-01'],
    ['2026-12-31', 'quarter', '2026-Q4', '2026-10-01'],
    ['2026-07-01', 'year', '2026', '2026-01-01'],
  ])('%s in a %s is %s starting %s', (date, unit, label, start) => {
    const i = periodIndex(date, unit);
    expect(periodLabel(i, unit)).toBe(label);
    expect(periodStart(i, unit)).toBe(start);
    expect(periodStart(i + 1, unit) > date).toBe(true);
  });

  it.each<[string, PeriodUnit, boolean]>([
    ['2026-01-01', 'month', true],
    ['2026-01-02', 'month', false],
    ['2026-04-01', 'quarter', true],
    ['2026-05-01', 'quarter', false],
    ['2026-01-01', 'year', true],
    ['2026-07-01', 'year', false],
  ])('%s is a %s boundary: %s', (date, unit, yes) => {
    expect(isPeriodBoundary(date, unit)).toBe(yes);
  });

  it.each([
    ['2026-02-15', '2026-03-01', 14], // 2026 is not a leap year
    ['2024-02-15', '2024-03-01', 15],
    ['2026-03-20', '2026-03-25', 5],
    ['2025-12-31', '2026-01-01', 1],
  ])('%s → %s is %i days', (a, b, days) => expect(daysBetween(a, b)).toBe(days));

  it.each([
    [[3], 3],
    [[7, 2], 4.5],
    [[5, 1, 3], 3],
  ])('median of %j is %d', (xs, m) => expect(median(xs)).toBe(m));
});

describe('churn default: idle whole periods after the last sale > max(2, 3 × median gap)', () => {
  it.each<[string, number[], number]>([
    ['one paying period → 2', [10], 2],
    ['monthly buyer: gaps 1, 1 → 3', [1, 2, 3], 3],
    ['every other month: gaps 2, 2 → 6', [1, 3, 5], 6],
    ['an idle gap of 7 then 2: median 4.5 → 13.5', [0, 7, 9], 13.5],
  ])('%s', (_label, periods, threshold) => expect(churnAfterPeriods(periods)).toBe(threshold));

  const sale = (clientId: string, date: string): TxRow => ({
    clientId,
    kind: 'sale',
    date,
    amountMinor: 100,
    costMinor: null,
  });
  it.each([
    // a: Jan, Feb, Mar 2026 (threshold 3): idle Apr–Jun = 3 at 07-01, not churned; 4 at 08-01.
    ['2026-07-01', 0],
    ['2026-08-01', 1],
    // b: one sale in 2025-12 (threshold 2): idle Jan–Feb = 2 at 03-01, churned at 04-01.
    ['2026-03-01', 0],
    ['2026-04-01', 1],
  ])('at %s', (to, churned) => {
    const a = ['2026-01-10', '2026-02-10', '2026-03-10'].map((d) => sale('a', d));
    const b = [sale('b', '2025-12-05')];
    const rows = to < '2026-05-01' ? b : a;
    expect(churnedAt(rows, { from: '2026-01-01', to }, 'month')).toBe(churned);
  });
  it('ignores refunds and sales after the end of the window', () => {
    const rows: TxRow[] = [
      { ...sale('a', '2025-01-10'), kind: 'refund' },
      sale('b', '2025-01-10'),
      sale('b', '2026-06-10'),
    ];
    expect(churnedAt(rows, { from: '2026-01-01', to: '2026-02-01' }, 'month')).toBe(1);
  });
});

describe('payment discipline of sales due in [2026-03-01, 2026-04-01)', () => {
  const w = { from: '2026-03-01', to: '2026-04-01' };
  it.each<[string, { dueDate: string; paidAt: string | null }[], number | null, number | null]>([
    ['none due', [], null, null],
    ['paid on the due date', [{ dueDate: '2026-03-10', paidAt: '2026-03-10' }], 1, null],
    ['paid 3 days late', [{ dueDate: '2026-03-10', paidAt: '2026-03-13' }], 0, 3],
    ['unpaid: counted to 04-01', [{ dueDate: '2026-03-10', paidAt: null }], 0, 22],
    ['paid after W: counted to 04-01', [{ dueDate: '2026-03-30', paidAt: '2026-05-01' }], 0, 2],
    ['due outside W', [{ dueDate: '2026-04-01', paidAt: null }], null, null],
    [
      'one of two on time',
      [
        { dueDate: '2026-03-01', paidAt: '2026-02-20' },
        { dueDate: '2026-03-21', paidAt: '2026-03-31' },
      ],
      0.5,
      10,
    ],
  ])('%s', (_label, due, share, late) => {
    expect(paymentDiscipline(due, w)).toEqual({ onTimeShare: share, meanDaysLate: late });
  });
});

describe('money ratios round half away from zero to the kopeck', () => {
  const w = { from: '2026-01-01', to: '2026-02-01' };
  const tx = (clientId: string, kind: 'sale' | 'refund', amountMinor: number): TxRow => ({
    clientId,
    kind,
    date: '2026-01-10',
    amountMinor,
    costMinor: kind === 'sale' ? null : 0,
  });
  it.each<[string, TxRow[], number | null, number | null]>([
    // 100.00 / 3 = 33.333… → 33.33; 100.01 / 2 = 50.005 → 50.01
    [
      '10000 / 3 purchases',
      [tx('a', 'sale', 5000), tx('a', 'sale', 2500), tx('b', 'sale', 2500)],
      3333,
      5000,
    ],
    ['10001 / 2', [tx('a', 'sale', 5001), tx('b', 'sale', 5000)], 5001, 5001],
    // refunds above sales in W: −(1001 − 0) / 2 = −500.5 → −501 kopecks
    [
      'negative revenue',
      [tx('a', 'sale', 0), tx('b', 'sale', 0), tx('a', 'refund', 1001)],
      -501,
      -501,
    ],
    ['no sales', [], null, null],
  ])('%s', (_label, rows, appn, arppu) => {
    const f = figuresFor(w, 'month', { transactions: rows, due: [], feedback: [], spend: [] });
    expect([f.appnMinor, f.arppuMinor]).toEqual([appn, arppu]);
  });
  it('CAC is null with no spend, no new client or spend not attributable', () => {
    const rows = [tx('a', 'sale', 100)];
    const cac = (spend: { period: string; amountMinor: number }[] | null, sales = rows) =>
      figuresFor(w, 'month', { transactions: sales, due: [], feedback: [], spend }).cacMinor;
    expect(cac([{ period: '2026-01', amountMinor: 999 }])).toBe(999);
    expect(cac([{ period: '2026-01', amountMinor: 0 }])).toBeNull();
    expect(cac([])).toBeNull();
    expect(cac(null)).toBeNull();
    expect(cac([{ period: '2026-01', amountMinor: 999 }], [])).toBeNull();
    expect(cac([{ period: '2026-02', amountMinor: 999 }])).toBeNull();
  });
});
