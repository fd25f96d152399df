// Finding a typed query inside free text (feedback records, case titles) in time linear in the
// text plus the query, whatever either holds: Knuth–Morris–Pratt, never a RegExp built from
// input and never a backtracking matcher (SQL LIKE '%…%' is O(text × query) on hostile input
// such as "aaaa…ab"). Both sides are compared folded (search-fold.ts). Isomorphic, pure.
import { foldForSearch } from './search-fold.ts';

/** The KMP failure table of a needle: for each prefix, its longest proper border. */
function failureTable(needle: string): Int32Array {
  const fail = new Int32Array(needle.length);
  let k = 0;
  for (let i = 1; i < needle.length; i++) {
    while (k > 0 && needle[i] !== needle[k]) k = fail[k - 1]!;
    if (needle[i] === needle[k]) k++;
    fail[i] = k;
  }
  return fail;
}

/** A compiled needle, reused across many texts (one search over many records). */
export interface TextFinder {
  /** Where the needle starts in `haystack` (already folded), or -1. */
  indexIn(haystack: string): number;
  /** Character comparisons made so far: what the linear-time test counts. */
  readonly comparisons: number;
}

/** `needle` is folded here; the texts given to indexIn must be folded by the caller. */
export function textFinder(needle: string): TextFinder {
  const n = foldForSearch(needle);
  const fail = failureTable(n);
  let comparisons = 0;
  return {
    get comparisons() {
      return comparisons;
    },
    indexIn(haystack: string): number {
      if (n.length === 0) return 0;
      let k = 0;
      for (let i = 0; i < haystack.length; i++) {
        // Each step either advances i or shrinks k, which grew by at most one per i: ≤ 2·|text|.
        while (k > 0 && haystack[i] !== n[k]) {
          comparisons++;
          k = fail[k - 1]!;
        }
        comparisons++;
        if (haystack[i] === n[k]) k++;
        if (k === n.length) return i - n.length + 1;
      }
      return -1;
    },
  };
}

/** Up to `width` characters of `text` around position `at` (…-marked where cut). */
export function snippetAround(text: string, at: number, width = 160): string {
  if (text.length <= width) return text;
  const start = Math.max(0, Math.min(at - Math.floor(width / 3), text.length - width));
  const end = start + width;
  return `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`;
}
