// Key drivers as the stage page shows them: the ranked ones by their share of R², strongest
// first; those with too few periods apart, never ranked. Pure.
import type { DriverOut } from '../../api/scorecard-layers.ts';
import { num } from '../economics/format.ts';

export function splitDrivers(drivers: readonly DriverOut[]): {
  ranked: DriverOut[];
  notEnough: DriverOut[];
} {
  const ranked = drivers
    .filter((d) => d.status === 'ranked')
    .sort(
      (a, b) =>
        (b.importance ?? -1) - (a.importance ?? -1) || Math.abs(b.r ?? 0) - Math.abs(a.r ?? 0),
    );
  const notEnough = drivers.filter((d) => d.status === 'not_enough_data');
  return { ranked, notEnough };
}

/** "p < 0,001", "p = 0,042", "p —" in the reader's language. */
export function formatP(p: number | null, lng: string): string {
  if (p === null) return 'p —';
  if (p < 0.001) return `p < ${num(0.001, lng, 3)}`;
  return `p = ${num(p, lng, 3)}`;
}

/** "r = 0,62", always two decimals (r = 1,00 is not r = 1). */
export const formatR = (r: number | null, lng: string) =>
  r === null
    ? 'r —'
    : `r = ${new Intl.NumberFormat(lng, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(r)}`;
