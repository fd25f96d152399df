import { describe, expect, it } from 'vitest';
import { decodeMonths, decodeMonthsInto, encodeMonths, updateMonths } from './month-set.ts';

describe('a set of months as text', () => {
  it('encodes by hand and decodes back', () => {
    // 24301 = 2025-02 (2025 × 12 + 1); bits from there: months 0, 1 and 5 → nibbles 0b0011, 0b0010.
    expect(encodeMonths([24306, 24301, 24302, 24301])).toBe(`${(24301).toString(36)}:32`);
    expect(decodeMonths(`${(24301).toString(36)}:32`)).toEqual([24301, 24302, 24306]);
    expect(encodeMonths([])).toBe('');
    expect(decodeMonths('')).toEqual([]);
  });

  it('round-trips any set and updates it', () => {
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let round = 0; round < 200; round++) {
      const months = Array.from({ length: Math.floor(next() * 40) }, () =>
        Math.floor(23_000 + next() * 300),
      );
      const expected = [...new Set(months)].sort((a, b) => a - b);
      expect(decodeMonths(encodeMonths(months))).toEqual(expected);
      const scratch = [99, 98, 97];
      const n = decodeMonthsInto(encodeMonths(months), scratch);
      expect(scratch.slice(0, n)).toEqual(expected);
    }
    const text = updateMonths(encodeMonths([10, 20]), [30], [10]);
    expect(decodeMonths(text)).toEqual([20, 30]);
  });
});
