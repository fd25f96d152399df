// Hostile text (issue 19): a "word" of a million letters is cut before any per-word routine, so
// stemming and tokenizing stay bounded by the cap, whatever the input.
import { describe, expect, it } from 'vitest';
import { MAX_WORD_LENGTH, stem } from './stem.ts';
import { MAX_TOKEN_LENGTH, tokenize, words } from './tokens.ts';

describe('word length caps', () => {
  it('cuts a long word before stemming it, in both languages', () => {
    expect(stem('я'.repeat(1_000_000)).length).toBeLessThanOrEqual(MAX_WORD_LENGTH);
    expect(stem('s'.repeat(1_000_000)).length).toBeLessThanOrEqual(MAX_WORD_LENGTH);
    expect(stem('доставка')).toBe(stem('доставка')); // ordinary words untouched
  });

  it('cuts long tokens and keeps ordinary ones', () => {
    const text = `${'а'.repeat(2_000_000)} курьер опоздал ${'x'.repeat(500_000)}`;
    const got = words(text);
    expect(got.map((w) => w.length)).toEqual([MAX_TOKEN_LENGTH, 6, 7, MAX_TOKEN_LENGTH]);
    expect(tokenize(text).length).toBe(4);
  });
});
