// Small display helpers: dates in the person's interface language (the server sends ISO-8601
// UTC), and which form field a validation error points at.
import { ApiError } from './api/client.ts';

export function formatDateTime(iso: string | null | undefined, lng: string): string | undefined {
  if (!iso) return undefined;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** True when a validation error names this body field, so the form can mark it. */
export function isInvalidField(error: unknown, field: string): boolean {
  if (!(error instanceof ApiError)) return false;
  return error.invalidParams.some((p) => p.name === `body.${field}`);
}

/**
 * An amount of money in the base currency (RUB until organisations have their own, see
 * shared/api/economics.ts BASE_CURRENCY), kopecks shown only when there are any.
 */
export function formatMoney(amount: number | null | undefined, lng: string): string {
  if (amount === null || amount === undefined) return '—';
  return new Intl.NumberFormat(lng, {
    style: 'currency',
    currency: 'RUB',
    minimumFractionDigits: Number.isInteger(amount) ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(amount);
}

/**
 * A period label of the API in words: "2026-12" → "декабрь 2026" / "December 2026", "2026-Q4" →
 * "4 кв. 2026" / "Q4 2026"; anything else (a year) as it is. Never a raw "2026-12" on a page.
 */
export function formatPeriod(
  label: string,
  lng: string,
  t: (key: string, vars: Record<string, unknown>) => string,
): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(label);
  if (quarter) return t('economics.quarter', { quarter: quarter[2], year: quarter[1] });
  const month = /^(\d{4})-(\d{2})$/.exec(label);
  if (!month) return label;
  const d = new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1));
  // The month's own name (nominative in Russian: "декабрь", not "декабря") and the year.
  const name = new Intl.DateTimeFormat(lng, { month: 'long', timeZone: 'UTC' }).format(d);
  return `${name} ${month[1]}`;
}
