// Clients and revenue per cell (pure): computed with the stored scores — of all clients, per
// segment and per manager — and kept as JSON beside them (portfolio_settings.totals), so the
// matrix answers its nine cells without grouping every client per request. A filter by segment
// and manager together is the rare case: it groups the rows in SQL (portfolio.repo.ts).
import type { PortfolioLevel } from '../../../shared/domain/vocabulary.ts';

export interface CellTotal {
  cellA: PortfolioLevel;
  cellR: PortfolioLevel;
  clients: number;
  revenueMinor: number;
}

interface Scoredish {
  segment: string | null;
  managerId: string | null;
  cellA: PortfolioLevel;
  cellR: PortfolioLevel;
  revenueMinor: number;
}

export interface StoredTotals {
  all: CellTotal[];
  segment: Record<string, CellTotal[]>;
  manager: Record<string, CellTotal[]>;
}

/** Totals per cell of `rows` (only cells with clients). */
export function totalsOf(rows: readonly Scoredish[]): CellTotal[] {
  const byCell = new Map<string, CellTotal>();
  for (const s of rows) {
    const k = `${s.cellA}|${s.cellR}`;
    const t = byCell.get(k) ?? { cellA: s.cellA, cellR: s.cellR, clients: 0, revenueMinor: 0 };
    t.clients += 1;
    t.revenueMinor += s.revenueMinor;
    byCell.set(k, t);
  }
  return [...byCell.values()];
}

export function storedTotalsOf(rows: readonly Scoredish[]): StoredTotals {
  const group = (key: (s: Scoredish) => string | null) => {
    const groups = new Map<string, Scoredish[]>();
    for (const s of rows) {
      const k = key(s);
      if (k === null) continue;
      const list = groups.get(k) ?? [];
      list.push(s);
      groups.set(k, list);
    }
    return Object.fromEntries([...groups].map(([k, list]) => [k, totalsOf(list)]));
  };
  return {
    all: totalsOf(rows),
    segment: group((s) => s.segment),
    manager: group((s) => s.managerId),
  };
}

/** The stored totals for a filter by segment or manager (or none); undefined for both at once. */
export function storedTotalsFor(
  t: StoredTotals,
  f: { segment?: string; managerId?: string },
): CellTotal[] | undefined {
  if (f.segment !== undefined && f.managerId !== undefined) return undefined;
  if (f.segment !== undefined) return t.segment[f.segment] ?? [];
  if (f.managerId !== undefined) return t.manager[f.managerId] ?? [];
  return t.all;
}
