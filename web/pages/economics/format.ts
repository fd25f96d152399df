// Numbers of the economics pages in the reader's language: money in the organisation's base
// currency, shares as percents, counts and ratios; null is "—".
/**
 * The organisation's base currency (GET /economics/settings; RUB until it has loaded). One per
 * organisation and signed-in session, so a module-level value rather than a prop everywhere.
 */
let baseCurrency = 'RUB';
export function setBaseCurrency(code: string): void {
  if (/^[A-Z]{3}$/.test(code)) baseCurrency = code;
}
const DASH = '—';

export function money(value: number | null | undefined, lng: string, decimals = 2): string {
  if (value === null || value === undefined) return DASH;
  return new Intl.NumberFormat(lng, {
    style: 'currency',
    currency: baseCurrency,
    currencyDisplay: 'narrowSymbol',
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(value);
}

/** Money on a chart axis: short ("1,2 млн"), no currency sign. */
export function compactMoney(value: number, lng: string): string {
  return new Intl.NumberFormat(lng, { notation: 'compact', maximumFractionDigits: 1 }).format(
    value,
  );
}

export function percent(share: number | null | undefined, lng: string, decimals = 0): string {
  if (share === null || share === undefined) return DASH;
  return new Intl.NumberFormat(lng, {
    style: 'percent',
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(share);
}

export function num(value: number | null | undefined, lng: string, decimals = 2): string {
  if (value === null || value === undefined) return DASH;
  return new Intl.NumberFormat(lng, { maximumFractionDigits: decimals }).format(value);
}

/** "+12 %" / "−3 %" relative change, or "—" when there is nothing to compare with. */
export function relativeChange(a: number | null, b: number | null, lng: string): string {
  if (a === null || b === null || a === 0) return DASH;
  const share = (b - a) / Math.abs(a);
  return new Intl.NumberFormat(lng, {
    style: 'percent',
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(share);
}

export const signed = (text: string, value: number) => (value > 0 ? `+${text}` : text);

export function formatFigure(
  kind: 'money' | 'count' | 'ratio' | 'percent',
  value: number | null,
  lng: string,
): string {
  if (kind === 'money') return money(value, lng);
  if (kind === 'percent') return percent(value, lng, 1);
  return num(value, lng, kind === 'count' ? 0 : 2);
}

/** B − A in the figure's own unit: "+1 234,00 ₽", "−2"; shares in percentage points. */
export function formatChange(
  kind: 'money' | 'count' | 'ratio' | 'percent',
  a: number | null,
  b: number | null,
  lng: string,
  points: string,
): string {
  if (a === null || b === null) return DASH;
  if (kind === 'percent') {
    const pp = Math.round((b - a) * 1000) / 10;
    return signed(`${num(pp, lng, 1)} ${points}`, pp);
  }
  const d = kind === 'money' ? Math.round((b - a) * 100) / 100 : b - a;
  return signed(formatFigure(kind, d, lng), d);
}

/** A calendar date YYYY-MM-DD (no time zone) in the reader's language. */
export function calendarDate(day: string | null | undefined, lng: string): string {
  if (!day) return DASH;
  const d = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return day;
  return new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}
