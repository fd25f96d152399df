// A set of calendar months (month indexes, periods.ts) as one short text: "<first in base 36>:<hex
// bitmap from that month on>", e.g. three years of monthly purchases in about 14 characters. The
// economics rollups keep one per client (months with a sale, months with feedback), so the
// figures that are not sums — paying, active, new and churned clients — come from one row per
// client instead of every transaction. Linear in the span of months; '' is the empty set.
export function encodeMonths(months: Iterable<number>): string {
  const sorted = [...new Set(months)].sort((a, b) => a - b);
  if (sorted.length === 0) return '';
  const first = sorted[0]!;
  const nibbles = new Uint8Array(Math.floor((sorted[sorted.length - 1]! - first) / 4) + 1);
  for (const m of sorted) nibbles[(m - first) >> 2]! |= 1 << ((m - first) & 3);
  let hex = '';
  for (const n of nibbles) hex += n.toString(16);
  return `${first.toString(36)}:${hex}`;
}

/** The months of an encoded set, ascending. */
export function decodeMonths(text: string): number[] {
  if (text === '') return [];
  const colon = text.indexOf(':');
  const first = parseInt(text.slice(0, colon), 36);
  const months: number[] = [];
  for (let i = colon + 1; i < text.length; i++) {
    const n = parseInt(text[i]!, 16);
    if (n === 0) continue;
    const base = first + (i - colon - 1) * 4;
    for (let bit = 0; bit < 4; bit++) if (n & (1 << bit)) months.push(base + bit);
  }
  return months;
}

/** The set with `add` months added and `remove` months taken out. */
export function updateMonths(
  text: string,
  add: Iterable<number>,
  remove: Iterable<number> = [],
): string {
  const set = new Set(decodeMonths(text));
  for (const m of add) set.add(m);
  for (const m of remove) set.delete(m);
  return encodeMonths(set);
}

const HEX = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i++) HEX['0123456789abcdef'.charCodeAt(i)] = i;

/**
 * Decodes into `out` (reused, so reading 20 000 clients allocates nothing per client) and returns
 * how many months it holds; `out[0 … n)` ascending.
 */
export function decodeMonthsInto(text: string, out: number[]): number {
  if (text === '') return 0;
  const colon = text.indexOf(':');
  const first = parseInt(text.slice(0, colon), 36);
  let n = 0;
  for (let i = colon + 1; i < text.length; i++) {
    const nibble = HEX[text.charCodeAt(i)]!;
    if (nibble <= 0) continue;
    const base = first + (i - colon - 1) * 4;
    if (nibble & 1) out[n++] = base;
    if (nibble & 2) out[n++] = base + 1;
    if (nibble & 4) out[n++] = base + 2;
    if (nibble & 8) out[n++] = base + 3;
  }
  return n;
}
