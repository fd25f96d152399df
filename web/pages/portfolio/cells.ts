// The matrix's geometry and words (pure): the three levels, the nine cells top row first, where a
// score sits inside its cell, and the translated problem a portfolio request may answer with.
import type { TFunction } from 'i18next';
import { ApiError, errorKey } from '../../api/client.ts';
import type { PortfolioCell, PortfolioLevel, SnapshotHead } from '../../api/portfolio.ts';
import { PORTFOLIO_LEVELS } from '../../../shared/domain/vocabulary.ts';

export { PORTFOLIO_LEVELS };
/** METRICS.md: below LOW_BELOW low, from HIGH_FROM on high (shared/api/portfolio.ts). */
const LOW_BELOW = 33.3;
const HIGH_FROM = 66.7;

/** Rows top to bottom: high attractiveness first. */
export const ROWS: readonly PortfolioLevel[] = ['high', 'medium', 'low'];
/** Columns left to right: weak relationship first. */
export const COLUMNS: readonly PortfolioLevel[] = PORTFOLIO_LEVELS;

export const cellKey = (c: PortfolioCell) => `${c.attractiveness}|${c.relationship}`;
export const sameCell = (a: PortfolioCell, b: PortfolioCell) =>
  a.attractiveness === b.attractiveness && a.relationship === b.relationship;

export function isLevel(value: string | undefined): value is PortfolioLevel {
  return (PORTFOLIO_LEVELS as readonly string[]).includes(value ?? '');
}

/** Where a 0–100 score sits inside its level's band, 0 (band start) … 1 (band end). */
export function withinBand(score: number): number {
  const [lo, hi] =
    score < LOW_BELOW
      ? [0, LOW_BELOW]
      : score < HIGH_FROM
        ? [LOW_BELOW, HIGH_FROM]
        : [HIGH_FROM, 100];
  return Math.min(1, Math.max(0, (score - lo) / (hi - lo)));
}

/** A bubble's diameter in px: its area grows with revenue, the largest of the page is `max`. */
export function bubbleSize(revenue: number, largest: number, min = 10, max = 34): number {
  if (largest <= 0 || revenue <= 0) return min;
  return Math.round(min + (max - min) * Math.sqrt(revenue / largest));
}

/** Each cell's tint: greener up and right (invest and deepen), greyer down and left. */
export function cellColor(c: PortfolioCell): string {
  const a = PORTFOLIO_LEVELS.indexOf(c.attractiveness);
  const r = PORTFOLIO_LEVELS.indexOf(c.relationship);
  if (a === 2) return r === 0 ? 'var(--mantine-color-orange-0)' : 'var(--mantine-color-teal-0)';
  if (a === 1) return 'var(--mantine-color-blue-0)';
  return 'var(--mantine-color-gray-0)';
}

export function cellName(t: TFunction, c: PortfolioCell): string {
  return t('portfolio.cellName', {
    a: t(`portfolio.levels.attractiveness.${c.attractiveness}`),
    r: t(`portfolio.levels.relationship.${c.relationship}`),
  });
}

export function cellShort(t: TFunction, c: PortfolioCell): string {
  return t('portfolio.cellShort', {
    a: t(`portfolio.levels.attractiveness.${c.attractiveness}`),
    r: t(`portfolio.levels.relationship.${c.relationship}`),
  });
}

/**
 * The i18n key of a portfolio request's failure: the module's own words where it has them (a 404
 * of the moves is a missing snapshot; elsewhere it stays the generic "not found").
 */
export function portfolioErrorKey(error: unknown, moves = false): string {
  if (error instanceof ApiError) {
    const names = error.invalidParams.map((p) => p.name);
    if (names.includes('query.asOf')) return 'portfolio.errors.asOf';
    if (names.includes('body.period')) return 'portfolio.errors.periodOpen';
    if (moves && error.code === 'not_found') return 'portfolio.errors.noSnapshot';
  }
  return errorKey(error);
}

export const score = (value: number, lng: string) =>
  new Intl.NumberFormat(lng, { maximumFractionDigits: 1 }).format(value);

const isQuarter = (period: string) => period.includes('Q');

/** The moves view's default: the newest snapshot and the one before it of the same kind. */
export function defaultPair(snapshots: readonly SnapshotHead[]): { from?: string; to?: string } {
  const sorted = [...snapshots].sort((a, b) => (a.asOf < b.asOf ? 1 : -1));
  const to = sorted[0]?.period;
  if (!to) return {};
  const from = sorted.find((s) => s.period !== to && isQuarter(s.period) === isQuarter(to));
  return { from: from?.period, to };
}
