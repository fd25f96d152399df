// Money on the wire is a decimal number with at most 2 decimals (1234.5 = 1 234,50 ₽); it is
// stored as integer minor units so sums stay exact on both dialects. Used by clients (the
// estimated annual budget) and economics (transactions, marketing spend).

/**
 * A decimal amount → minor units, or the reason it is not one. At most 2 decimals: the number
 * must survive rounding to 2 decimals unchanged (1234.5 → 123450; 0.29 → 29; 0.001 refused).
 * `negativeReason` lets a caller say why a negative amount is wrong in its own terms.
 */
export function toMinorUnits(
  value: number,
  negativeReason = 'must not be negative',
): number | string {
  if (!Number.isFinite(value)) return 'not a number';
  if (value < 0) return negativeReason;
  if (Number(value.toFixed(2)) !== value) return 'at most 2 decimals';
  return Math.round(value * 100);
}

/** Minor units → the decimal number the API shows (123450 → 1234.5). */
export const fromMinorUnits = (minor: number): number => minor / 100;
