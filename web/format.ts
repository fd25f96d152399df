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
