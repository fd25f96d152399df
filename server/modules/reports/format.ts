// Numbers and dates as the reports print them, in the report's language. Units (METRIC_UNITS):
// `share` is a fraction 0–1 (on-time share, reopen rate), printed ×100 with %; `percent` is
// already 0–100 (CSAT, response rate) and printed as is with %; money carries 2 decimals and the
// currency code; minutes of an hour or more read as hours and minutes, as on the scorecard page.
import type { MetricUnit } from '../../../shared/api/scorecard-layers.ts';
import type { Language } from '../../../shared/domain/vocabulary.ts';
import { t } from '../../i18n/catalogue.ts';

export const DASH = '—';
const LOCALE: Record<Language, string> = { ru: 'ru-RU', en: 'en-GB' };

export function formatNumber(value: number, lang: Language, maxDecimals = 2, minDecimals = 0) {
  return new Intl.NumberFormat(LOCALE[lang], {
    minimumFractionDigits: minDecimals,
    maximumFractionDigits: maxDecimals,
  }).format(value);
}

/** A percentage already on the 0–100 scale: "42,5 %" in Russian, "42.5%" in English. */
export function formatPercent(value: number, lang: Language, decimals = 1): string {
  const number = formatNumber(value, lang, decimals);
  return lang === 'ru' ? `${number}\u00a0%` : `${number}%`;
}

export function formatShare(value: number | null, lang: Language, decimals = 1): string {
  return value === null ? DASH : formatPercent(value * 100, lang, decimals);
}

export function formatMoney(value: number | null, lang: Language, currency: string): string {
  return value === null ? DASH : `${formatNumber(value, lang, 2, 2)}\u00a0${currency}`;
}

export function formatCount(value: number | null, lang: Language): string {
  return value === null ? DASH : formatNumber(value, lang, 0);
}

function formatMinutes(value: number, lang: Language): string {
  // Decided on the printed value: 59.96 prints as "1 ч 00 мин", never as "60 мин".
  if (Math.abs(Math.round(value * 10) / 10) < 60) {
    return t(lang, 'reports.units.minutes', { v: formatNumber(value, lang, 1) });
  }
  const whole = Math.round(Math.abs(value));
  const sign = value < 0 ? '-' : '';
  return t(lang, 'reports.units.hoursMinutes', {
    h: `${sign}${formatNumber(Math.floor(whole / 60), lang, 0)}`,
    m: String(whole % 60).padStart(2, '0'),
  });
}

export interface UnitOf {
  unit: MetricUnit | null;
  /** A KPI's own unit (%, шт), used when `unit` is null. */
  unitLabel: string | null;
}

/** A metric's value (or previous, or target) by its unit. */
export function formatMetricValue(
  value: number | null,
  of: UnitOf,
  lang: Language,
  currency: string,
): string {
  if (value === null) return DASH;
  switch (of.unit) {
    case 'money':
      return formatMoney(value, lang, currency);
    case 'share':
      return formatShare(value, lang);
    case 'percent':
      return formatPercent(value, lang);
    case 'minutes':
      return formatMinutes(value, lang);
    case 'seconds':
      return t(lang, 'reports.units.seconds', { v: formatNumber(value, lang, 1) });
    case 'count':
      return formatNumber(value, lang, 0);
    case 'points':
      return formatNumber(value, lang, 1);
    case 'score':
      return formatNumber(value, lang, 2);
    case null:
      break;
  }
  const number = formatNumber(value, lang, 2);
  if (!of.unitLabel) return number;
  if (of.unitLabel === '%') return formatPercent(value, lang, 2);
  return `${number}\u00a0${of.unitLabel}`;
}

/** p of a test: "< 0,001" below a thousandth, else three decimals. */
export function formatP(p: number | null, lang: Language): string {
  if (p === null) return DASH;
  return p < 0.001 ? `<\u00a0${formatNumber(0.001, lang, 3)}` : formatNumber(p, lang, 3, 3);
}

const DAY = /^(\d{4})-(\d\d)-(\d\d)$/;

/** A calendar day YYYY-MM-DD: 31.03.2026 in Russian, 2026-03-31 in English. */
export function formatDay(day: string, lang: Language): string {
  const m = DAY.exec(day);
  if (!m) return day;
  return lang === 'ru' ? `${m[3]}.${m[2]}.${m[1]}` : day;
}

/** The day before an exclusive window end, so a window reads with its last day. */
export function dayBefore(day: string): string {
  if (!DAY.test(day)) return day;
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function partsIn(instant: Date, timeZone: string): Record<string, string> {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  return Object.fromEntries(parts.map((p) => [p.type, p.value]));
}

/** An instant's calendar day in a time zone, YYYY-MM-DD; text that is not an instant as it is. */
export function instantDay(iso: string, timeZone: string): string {
  if (DAY.test(iso)) return iso;
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  const p = partsIn(instant, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

export function formatInstantDay(iso: string, lang: Language, timeZone: string): string {
  return formatDay(instantDay(iso, timeZone), lang);
}

/** Day and time in a time zone, with the zone named: "31.03.2026 14:05 (Europe/Moscow)". */
export function formatDateTime(instant: Date, lang: Language, timeZone: string): string {
  const p = partsIn(instant, timeZone);
  return `${formatDay(`${p.year}-${p.month}-${p.day}`, lang)} ${p.hour}:${p.minute} (${timeZone})`;
}
