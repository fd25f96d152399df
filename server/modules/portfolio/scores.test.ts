// The pure parts of the scores, table-driven: percent ranks with ties, cells at their bounds,
// the weighted NPS of key contacts, the weights' validation and the period labels.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PORTFOLIO_WEIGHTS } from '../../../shared/api/portfolio.ts';
import { weightedNps } from './inputs.ts';
import { lastClosedPeriods, periodOf } from './periods.ts';
import { levelOf, percentRanks, scoreAxis, weightProblems, type Raw } from './scores.ts';

describe('percent ranks', () => {
  it.each([
    { values: [10, 20, 30, 40, 50], ranks: [0, 25, 50, 75, 100] },
    // Ties share the mean of their ranks: 20 and 20 hold ranks 2 and 3 of 4 → 1.5 / 3.
    { values: [20, 10, 20, 30], ranks: [50, 0, 50, 100] },
    { values: [5, 5, 5], ranks: [50, 50, 50] },
    { values: [7], ranks: [50] },
    // Absent values are left out of n and stay absent.
    { values: [null, 3, null, 1], ranks: [null, 100, null, 0] },
    { values: [], ranks: [] },
  ])('$values → $ranks', ({ values, ranks }) => {
    expect(percentRanks(values)).toEqual(ranks);
  });
});

describe('cells', () => {
  it.each([
    [0, 'low'],
    [33.2, 'low'],
    [33.3, 'medium'],
    [66.6, 'medium'],
    [66.7, 'high'],
    [100, 'high'],
  ] as const)('%d is %s', (score, level) => expect(levelOf(score)).toBe(level));
});

describe('weighted NPS of key contacts', () => {
  it.each([
    { voices: [], nps: null },
    { voices: [{ score: 10, key: true }], nps: 100 },
    // A decision maker's 10 weighs 1, a user's 0 weighs ½: (1 − ½) / 1.5.
    {
      voices: [
        { score: 10, key: true },
        { score: 0, key: false },
      ],
      nps: 100 / 3,
    },
    {
      voices: [
        { score: 8, key: true },
        { score: 9, key: false },
      ],
      nps: 100 / 3,
    },
    { voices: [{ score: 6, key: false }], nps: -100 },
  ])('$voices → $nps', ({ voices, nps }) => {
    const got = weightedNps(voices);
    if (nps === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(nps, 9);
  });
});

describe('an axis score', () => {
  const none = { revenue: null, marginRate: null, revenueGrowth: null, strategicFit: null };
  it('shares the weight of an absent input among the present ones', () => {
    const raw = { ...none, revenue: 1, marginRate: 0.5 } as unknown as Raw;
    const pct = { ...none, revenue: 100, marginRate: 0 } as unknown as Raw;
    const { score, items } = scoreAxis('attractiveness', raw, pct, DEFAULT_PORTFOLIO_WEIGHTS);
    // 40 and 25 present: revenue gets 40/65 of 100 points.
    expect(score).toBe(61.5);
    expect(items.map((i) => i.effectiveWeight)).toEqual([61.54, 38.46, 0, 0]);
  });
  it('is 0 when no input with a weight is present', () => {
    expect(
      scoreAxis('attractiveness', none as Raw, none as Raw, DEFAULT_PORTFOLIO_WEIGHTS).score,
    ).toBe(0);
  });
});

describe('weights', () => {
  it('accepts the defaults', () => expect(weightProblems(DEFAULT_PORTFOLIO_WEIGHTS)).toEqual([]));
  it('names a negative weight and an axis that does not sum to 100', () => {
    const bad = {
      attractiveness: { revenue: 50, marginRate: 25, revenueGrowth: 20, strategicFit: 15 },
      relationship: {
        keyNps: 40,
        coverage: -10,
        tenure: 40,
        shareOfWallet: 15,
        paymentDiscipline: 15,
      },
    };
    expect(weightProblems(bad).map((p) => p.name)).toEqual([
      'body.attractiveness',
      'body.relationship.coverage',
    ]);
  });
});

describe('snapshot periods', () => {
  it.each([
    ['2026-Q2', '2026-06-30', '2026-07-01'],
    ['2026-Q4', '2026-12-31', '2027-01-01'],
    ['2026-02', '2026-02-28', '2026-03-01'],
    ['2028-02', '2028-02-29', '2028-03-01'],
  ])('%s ends on %s', (label, asOf, nextDay) =>
    expect(periodOf(label)).toEqual({ label, asOf, nextDay }),
  );
  it('refuses what is neither a month nor a quarter', () => {
    for (const bad of ['2026-13', '2026-Q5', '2026', 'Q1-2026'])
      expect(periodOf(bad)).toBeUndefined();
  });
  it.each([
    ['2026-11-15', '2026-10', '2026-Q3'],
    ['2027-01-01', '2026-12', '2026-Q4'],
    ['2026-04-30', '2026-03', '2026-Q1'],
  ])('on %s the last closed are %s and %s', (today, month, quarter) =>
    expect(lastClosedPeriods(today)).toEqual({ month, quarter }),
  );
});
