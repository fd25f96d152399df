// Numbered references: a keyed permutation of record numbers that looks like 50 random bits.
import { describe, expect, it } from 'vitest';
import { newPublicRef, PUBLIC_REF_RE, RefCipher, refKeyOf } from './public-ref.ts';

const KEY_A = '00112233445566778899aabbccddeeff';
const KEY_B = 'ffeeddccbbaa99887766554433221100';

describe('RefCipher', () => {
  const a = new RefCipher(KEY_A);

  it('gives every number one reference of the public form and reads the number back', () => {
    const numbers = [
      ...Array.from({ length: 2000 }, (_, i) => i + 1),
      2 ** 25,
      2 ** 25 + 1,
      123_456_789_012,
      2 ** 50 - 1,
    ];
    const refs = numbers.map((n) => a.refOf(n));
    expect(refs.every((r) => PUBLIC_REF_RE.test(r))).toBe(true);
    expect(new Set(refs).size).toBe(numbers.length);
    expect(refs.map((r) => a.refOf(a.numberOf(r)!))).toEqual(refs);
    expect(refs.map((r) => a.numberOf(r))).toEqual(numbers);
  });

  it('makes a group of references in one pass with the same result as one by one', () => {
    const numbers = Array.from({ length: 300 }, (_, i) => 5_000 + i);
    expect(a.refsOf(numbers)).toEqual(numbers.map((n) => a.refOf(n)));
    expect(a.refsOf([])).toEqual([]);
  });

  it('hides the order and the neighbours of consecutive numbers', () => {
    const refs = Array.from({ length: 1000 }, (_, i) => a.refOf(i + 1));
    // Consecutive numbers spread over the whole alphabet in every position…
    for (let pos = 3; pos < 13; pos++) expect(new Set(refs.map((r) => r[pos])).size).toBe(32);
    // …and neighbours share no more leading characters than random strings would.
    const shared = refs.slice(1).filter((r, i) => r.slice(0, 5) === refs[i]!.slice(0, 5)).length;
    expect(shared).toBeLessThan(5);
    expect([...refs].sort()).not.toEqual(refs);
  });

  it('depends on the key: another key gives other references and does not read these', () => {
    const b = new RefCipher(KEY_B);
    const numbers = Array.from({ length: 200 }, (_, i) => i + 1);
    const same = numbers.filter((n) => a.refOf(n) === b.refOf(n));
    expect(same).toEqual([]);
    expect(numbers.filter((n) => b.numberOf(a.refOf(n)) === n)).toEqual([]);
  });

  it('refuses what is not a reference or not a record number', () => {
    expect(a.numberOf('CL-0000000000')).toBeUndefined();
    expect(a.numberOf('cl-ABCDEFGHJK')).toBeUndefined();
    expect(a.numberOf('CL-ABCDEFGHJ')).toBeUndefined();
    expect(() => a.refOf(0)).toThrow(/out of range/);
    expect(() => a.refOf(2 ** 50)).toThrow(/out of range/);
    expect(() => a.refOf(1.5)).toThrow(/out of range/);
    expect(() => new RefCipher('abcd')).toThrow(/128-bit/);
  });
});

describe('refKeyOf', () => {
  it('sorts keys by number, after every random reference', () => {
    const keys = [1, 9, 10, 99, 100, 123_456_789].map(refKeyOf);
    expect([...keys].sort()).toEqual(keys);
    expect(refKeyOf(1) > newPublicRef()).toBe(true);
    expect(refKeyOf(2 ** 50 - 1)).toBe(`N${String(2 ** 50 - 1).padStart(16, '0')}`);
  });
});
