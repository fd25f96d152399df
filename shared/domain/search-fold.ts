// The one search folding of the code base: what the search columns store (clients, requirements),
// what queries are folded with before LIKE, and what header / keyword matching compares.
// SQLite's lower() and LIKE fold only ASCII, so the app folds Cyrillic itself. Isomorphic.

/**
 * Lower-cased, ё → е. toLowerCase gives the same result as toLocaleLowerCase('ru') for every code
 * point (Russian has no case tailoring; search-fold.test.ts checks them all) and is ~4× cheaper.
 */
export function foldForSearch(text: string): string {
  return text.toLowerCase().replace(/ё/g, 'е');
}
