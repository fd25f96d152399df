import { describe, expect, it } from 'vitest';
import { foldForSearch } from './search-fold.ts';

describe('foldForSearch', () => {
  it.each([
    ['', ''],
    ['ООО Ромашка', 'ооо ромашка'],
    ['Ёлка и ёж', 'елка и еж'],
    ['ЁЁ', 'ее'],
    ['ACME Corp', 'acme corp'],
    ['Счёт-фактура №5', 'счет-фактура №5'],
    ['  Пробелы  остаются ', '  пробелы  остаются '],
    ['Mixed Смесь 42', 'mixed смесь 42'],
    ['ΣΟΦΟΣ', 'σοφος'],
  ])('folds %j to %j', (input, expected) => {
    expect(foldForSearch(input)).toBe(expected);
  });

  it('lower-cases every code point as Russian rules do', () => {
    for (let c = 0; c < 0x110000; c += 1) {
      if (c >= 0xd800 && c < 0xe000) continue;
      const s = String.fromCodePoint(c);
      if (s.toLowerCase() !== s.toLocaleLowerCase('ru')) throw new Error(`U+${c.toString(16)}`);
    }
  });

  it('is idempotent', () => {
    const once = foldForSearch('ЁЖИК Ёлкин');
    expect(foldForSearch(once)).toBe(once);
  });
});
