// Calendar periods in UTC, as the economics API counts them: a window [from, to) of whole months,
// quarters or years, written as first days YYYY-MM-DD.
import type { TFunction } from 'i18next';
import type { PeriodUnit, Window } from '../../api/economics.ts';

export const PERIOD_UNITS: readonly PeriodUnit[] = ['month', 'quarter', 'year'];
const MONTHS: Record<PeriodUnit, number> = { month: 1, quarter: 3, year: 12 };

const iso = (d: Date) => d.toISOString().slice(0, 10);
const parse = (day: string) => new Date(`${day}T00:00:00Z`);

/** The first day of the period holding `day`. */
export function periodStart(day: Date, unit: PeriodUnit): string {
  const month = day.getUTCMonth();
  const first = unit === 'month' ? month : unit === 'quarter' ? month - (month % 3) : 0;
  return iso(new Date(Date.UTC(day.getUTCFullYear(), first, 1)));
}

/** `start` moved by `count` periods (negative: back). */
export function shiftPeriods(start: string, unit: PeriodUnit, count: number): string {
  const d = parse(start);
  return iso(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + count * MONTHS[unit], 1)));
}

export const windowOf = (start: string, unit: PeriodUnit): Window => ({
  from: start,
  to: shiftPeriods(start, unit, 1),
});

/** The last whole period before today, and the one before it (A, the earlier, then B). */
export function defaultWindows(unit: PeriodUnit, today = new Date()): { a: string; b: string } {
  const b = shiftPeriods(periodStart(today, unit), unit, -1);
  return { a: shiftPeriods(b, unit, -1), b };
}

/** The `count` most recent whole periods, newest first (choices for a window). */
export function recentPeriods(unit: PeriodUnit, count: number, today = new Date()): string[] {
  const current = periodStart(today, unit);
  return Array.from({ length: count }, (_, i) => shiftPeriods(current, unit, -(i + 1)));
}

/** "март 2026 г.", "1 кв. 2026" / "Q1 2026", "2026" — a period's name for people. */
export function periodLabel(
  start: string,
  unit: PeriodUnit,
  t: TFunction,
  lng: string,
  short = false,
): string {
  const d = parse(start);
  if (unit === 'year') return String(d.getUTCFullYear());
  if (unit === 'quarter')
    return t('economics.quarter', {
      quarter: Math.floor(d.getUTCMonth() / 3) + 1,
      year: d.getUTCFullYear(),
    });
  const month = short ? 'short' : 'long';
  const year = short ? '2-digit' : 'numeric';
  return new Intl.DateTimeFormat(lng, { month, year, timeZone: 'UTC' }).format(d);
}

/** The API's series label (2026-01, 2026-Q1, 2026) → the first day of that period. */
export function seriesStart(label: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(label);
  if (quarter)
    return `${quarter[1]}-${String((Number(quarter[2]) - 1) * 3 + 1).padStart(2, '0')}-01`;
  if (/^\d{4}$/.test(label)) return `${label}-01-01`;
  return `${label}-01`;
}
