import { describe, expect, it } from 'vitest';
import {
  computeCes,
  computeCsat,
  computeNps,
  meanMarginOfError,
  npsMarginOfError,
  proportionMarginOfError,
  type ScoreCount,
} from './satisfaction.ts';

/** [score, count] pairs → a histogram. */
const h = (...pairs: Array<[number, number]>): ScoreCount[] =>
  pairs.map(([score, count]) => ({ score, count }));

describe('computeNps', () => {
  it.each([
    // name, histogram, value, promoters, passives, detractors, margin (hand-computed)
    ['no answers', h(), null, 0, 0, 0, null],
    ['one promoter: no margin below two answers', h([10, 1]), 100, 1, 0, 0, null],
    ['only passives: 0 with no spread', h([7, 2], [8, 3]), 0, 0, 5, 0, 0],
    ['only detractors', h([0, 1], [6, 3]), -100, 0, 0, 4, 0],
    // n=10, p=.5, d=.2: var = .25 + .16 + .2 = .61; 1.96·√(.061)·100 = 48.408…
    [
      '5 promoters, 3 passives, 2 detractors',
      h([10, 3], [9, 2], [8, 3], [3, 1], [6, 1]),
      30,
      5,
      3,
      2,
      48.408,
    ],
    // n=4, p=.5, d=.5: var = .25 + .25 + .5 = 1; 1.96·√(1/4)·100 = 98
    ['half promoters, half detractors', h([9, 2], [0, 2]), 0, 2, 0, 2, 98],
    [
      'scores outside 0–10 and zero counts are ignored',
      h([11, 5], [-1, 5], [9, 0], [10, 2]),
      100,
      2,
      0,
      0,
      0,
    ],
    ['duplicate scores are merged', h([10, 1], [10, 1], [0, 2]), 0, 2, 0, 2, 98],
  ])('%s', (_name, hist, value, promoters, passives, detractors, margin) => {
    const r = computeNps(hist);
    expect(r).toMatchObject({
      promoters,
      passives,
      detractors,
      responses: promoters + passives + detractors,
    });
    if (value === null) expect(r.value).toBeNull();
    else expect(r.value).toBeCloseTo(value, 9);
    if (margin === null) expect(r.marginOfError).toBeNull();
    else expect(r.marginOfError).toBeCloseTo(margin, 3);
  });
});

describe('npsMarginOfError', () => {
  it.each([
    // p, d, n, expected: 1.96·√((p(1−p) + d(1−d) + 2pd)/n)·100
    [0.5, 0.2, 10, 48.408],
    [0.6, 0.1, 100, 13.148], // var = .24 + .09 + .12 = .45
    [0.3, 0.3, 400, 7.591], // var = .21 + .21 + .18 = .60
    [1, 0, 50, 0],
    [0.5, 0.2, 1, null],
    [0.5, 0.2, 0, null],
  ])('p=%s d=%s n=%s → %s', (p, d, n, expected) => {
    const m = npsMarginOfError(p, d, n);
    if (expected === null) expect(m).toBeNull();
    else expect(m).toBeCloseTo(expected, 3);
  });

  it('equals the margin of the mean of +1/0/−1 answers', () => {
    // 6 promoters, 3 passives, 1 detractor as +1/0/−1: the generic mean margin × 100, but with
    // the population variance (the NPS formula divides by n, the sample one by n − 1).
    const n = 10;
    const viaMean = meanMarginOfError(h([1, 6], [0, 3], [-1, 1]))! * 100 * Math.sqrt((n - 1) / n);
    expect(npsMarginOfError(0.6, 0.1, n)).toBeCloseTo(viaMean, 9);
  });
});

describe('computeCsat', () => {
  it.each([
    // name, histogram, value (% of 4–5), mean, margin
    ['no answers', h(), null, null, null],
    ['one 5', h([5, 1]), 100, 5, null],
    // 6 of 10 satisfied: 1.96·√(.6·.4/10)·100 = 30.364…; mean = (5·4+4·2+3·2+1·2)/10 = 3.6
    ['6 of 10 satisfied', h([5, 4], [4, 2], [3, 2], [1, 2]), 60, 3.6, 30.364],
    ['only 1–3', h([1, 1], [2, 1], [3, 2]), 0, 2.25, 0],
    ['scores outside 1–5 are ignored', h([0, 3], [6, 3], [4, 2]), 100, 4, 0],
  ])('%s', (_name, hist, value, mean, margin) => {
    const r = computeCsat(hist);
    for (const [actual, expected] of [
      [r.value, value],
      [r.mean, mean],
      [r.marginOfError, margin],
    ] as const) {
      if (expected === null) expect(actual).toBeNull();
      else expect(actual).toBeCloseTo(expected, 3);
    }
  });
});

describe('proportionMarginOfError', () => {
  it.each([
    [0.5, 100, 9.8],
    [0.6, 10, 30.364],
    [0.9, 1000, 1.8594],
    [0.5, 1, null],
  ])('p=%s n=%s → %s', (p, n, expected) => {
    const m = proportionMarginOfError(p, n);
    if (expected === null) expect(m).toBeNull();
    else expect(m).toBeCloseTo(expected, 3);
  });
});

describe('computeCes', () => {
  it.each([
    // name, histogram, mean (value), easy share, margin = 1.96·s/√n
    ['no answers', h(), null, null, null],
    ['one answer', h([2, 1]), 2, 100, null],
    // 1..5 once each: mean 3, s² = 10/4, margin = 1.96·1.5811/√5 = 1.3859
    ['one each of 1–5', h([1, 1], [2, 1], [3, 1], [4, 1], [5, 1]), 3, 60, 1.3859],
    ['all the same', h([7, 4]), 7, 0, 0],
    // 1,1,7,7: mean 4, s² = 4·9/3 = 12, margin = 1.96·√12/2 = 3.3948
    ['split between extremes', h([1, 2], [7, 2]), 4, 50, 3.3948],
    ['scores outside 1–7 are ignored', h([0, 5], [8, 5], [3, 2]), 3, 100, 0],
  ])('%s', (_name, hist, mean, easyShare, margin) => {
    const r = computeCes(hist);
    for (const [actual, expected] of [
      [r.value, mean],
      [r.easyShare, easyShare],
      [r.marginOfError, margin],
    ] as const) {
      if (expected === null) expect(actual).toBeNull();
      else expect(actual).toBeCloseTo(expected, 3);
    }
  });
});
