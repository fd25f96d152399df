// The text finder agrees with String.prototype.includes on folded text, and stays linear on the
// inputs that make backtracking matchers quadratic: it counts its own comparisons, so the bound
// is checked without a clock.
import { describe, expect, it } from 'vitest';
import { snippetAround, textFinder } from './find-text.ts';
import { foldForSearch } from './search-fold.ts';

describe('textFinder', () => {
  it('finds what includes finds, in any case, Cyrillic and ё too', () => {
    const cases: [string, string, number][] = [
      ['Курьер опоздал, ЗАКАЗ помят', 'заказ', 16],
      ['Курьер опоздал, ЗАКАЗ помят', 'ЗАКАЗ ПОМЯТ', 16],
      ['Ёлка в ЁЛКИНО', 'елкино', 7],
      ['abcabd', 'abd', 3],
      ['aaa', 'aaaa', -1],
      ['', 'a', -1],
    ];
    for (const [text, q, at] of cases) expect(textFinder(q).indexIn(foldForSearch(text))).toBe(at);
  });

  it('agrees with includes on many random strings over a small alphabet', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const word = (n: number) =>
      Array.from({ length: n }, () => 'ab'[Math.floor(rnd() * 2)]).join('');
    for (let i = 0; i < 2000; i++) {
      const text = word(Math.floor(rnd() * 40));
      const q = word(1 + Math.floor(rnd() * 6));
      expect(textFinder(q).indexIn(text), `${q} in ${text}`).toBe(text.indexOf(q));
    }
  });

  it('makes at most 2 comparisons per character of text on hostile input', () => {
    const q = `${'a'.repeat(199)}b`;
    const text = 'a'.repeat(20_000);
    const finder = textFinder(q);
    expect(finder.indexIn(text)).toBe(-1);
    expect(finder.comparisons).toBeLessThanOrEqual(2 * text.length);
    // A naive matcher would make about |text| × |q| = 4 000 000 here.
    expect(finder.comparisons).toBeGreaterThanOrEqual(text.length);
  });
});

describe('snippetAround', () => {
  it('keeps short texts whole and cuts long ones around the match', () => {
    expect(snippetAround('коротко', 0)).toBe('коротко');
    const long = `${'x'.repeat(300)}НАЙДИ${'y'.repeat(300)}`;
    const s = snippetAround(long, 300, 60);
    expect(s).toContain('НАЙДИ');
    expect(s.startsWith('…') && s.endsWith('…')).toBe(true);
  });
});
