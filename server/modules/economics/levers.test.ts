import { describe, expect, it } from 'vitest';
import { logMean, splitRevenueChange, type LeverInputs } from './levers.ts';

const w = (payingClients: number, q: number, appn: number): LeverInputs => ({
  payingClients,
  q,
  appn,
});

describe('the log-mean split of a revenue change (LMDI-I)', () => {
  it('splits a change where N grows and APPN falls, by hand', () => {
    // A: 100 paying clients × 2 purchases × 500,00 ₽ = 100 000,00 ₽ (10 000 000 kopecks).
    // B: 120 paying clients × 2 purchases × 450,00 ₽ = 108 000,00 ₽ (10 800 000 kopecks).
    // L = 800 000 / ln(1.08) = 10 394 869.77 kopecks;
    // N:    L · ln(120/100) = L · 0.1823216 =  1 895 208.84 →  1 895 209;
    // Q:    L · ln(1)       = 0;
    // APPN: L · ln(450/500) = L · −0.1053605 = −1 095 208.84 → −1 095 209;
    // 1 895 209 + 0 − 1 095 209 = 800 000 = the change, to the kopeck.
    const split = splitRevenueChange(w(100, 2, 50_000), w(120, 2, 45_000));
    expect(split).toEqual({
      change: 800_000,
      contributions: { payingClients: 1_895_209, q: 0, appn: -1_095_209 },
    });
  });

  it('gives the rounding remainder to the largest contribution, so the sum stays exact', () => {
    // A: 3 × 1.2 × 1001 = 3603.6 → 3604; B: 5 × 1.1 × 1333 = 7331.5 → 7332; change 3728.
    // Raw: N 2681.19, Q −456.70, APPN 1503.41 → rounded 2681 − 457 + 1503 = 3727, one short:
    // the kopeck goes to N, the largest.
    const split = splitRevenueChange(w(3, 1.2, 1001), w(5, 1.1, 1333));
    expect(split).toEqual({
      change: 3728,
      contributions: { payingClients: 2682, q: -457, appn: 1503 },
    });
  });

  it.each([
    ['all three fall', w(50, 3, 20_000), w(40, 3.5, 21_000)],
    ['a fall in revenue', w(11, 1.1, 777), w(13, 1.3, 555)],
    ['fractional means', w(7, 1.3, 3_333_333.33), w(9, 1.1, 3_000_000.01)],
    ['nothing changes', w(10, 2, 1000), w(10, 2, 1000)],
    ['the same revenue by other factors', w(10, 2, 1000), w(20, 1, 1000)],
    ['large sums', w(20_000, 14.7, 1_234_567.89), w(21_500, 13.9, 1_301_002.17)],
  ])('adds up to the change exactly: %s', (_name, a, b) => {
    const split = splitRevenueChange(a, b);
    expect(split.contributions).not.toBeNull();
    const c = split.contributions!;
    for (const v of Object.values(c)) expect(Number.isInteger(v)).toBe(true);
    expect(c.payingClients + c.q + c.appn).toBe(split.change);
  });

  it.each([
    ['no paying clients in A', w(0, 0, 0), w(5, 1, 100), 'payingClients is 0 in window A'],
    ['no purchases per client in B', w(5, 1, 100), w(5, 0, 100), 'q is 0 in window B'],
    ['a zero average purchase in B', w(5, 1, 100), w(5, 1, 0), 'appn is 0 in window B'],
  ])('is null with the reason when a factor is 0: %s', (_name, a, b, reason) => {
    const split = splitRevenueChange(a, b);
    expect(split.contributions).toBeNull();
    expect(split.reason).toContain(reason);
    expect(split.change).toBe(
      Math.round(b.payingClients * b.q * b.appn) - Math.round(a.payingClients * a.q * a.appn),
    );
  });

  it('takes the log mean of equal values as the value itself', () => {
    expect(logMean(5, 5)).toBe(5);
    expect(logMean(Math.E, 1)).toBeCloseTo(Math.E - 1, 12);
  });
});
