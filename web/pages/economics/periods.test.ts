// Calendar periods as the economics API counts them (UTC first days), and the waterfall's bars.
import { describe, expect, it } from 'vitest';
import type { LeversOut } from '../../api/economics.ts';
import { waterfallSteps } from './LeversWaterfall.tsx';
import { defaultWindows, periodStart, seriesStart, shiftPeriods } from './periods.ts';

describe('periods', () => {
  const today = new Date('2026-12-03T08:00:00Z');
  it.each([
    ['month', '2026-12-01', { a: '2026-10-01', b: '2026-11-01' }],
    ['quarter', '2026-10-01', { a: '2026-04-01', b: '2026-07-01' }],
    ['year', '2026-01-01', { a: '2024-01-01', b: '2025-01-01' }],
  ] as const)(
    '%s: the current period starts %s; A and B are the two last whole ones',
    (unit, start, windows) => {
      expect(periodStart(today, unit)).toBe(start);
      expect(defaultWindows(unit, today)).toEqual(windows);
    },
  );

  it('shifts across year ends and reads the API series labels', () => {
    expect(shiftPeriods('2026-11-01', 'quarter', 1)).toBe('2027-02-01');
    expect(shiftPeriods('2026-01-01', 'month', -1)).toBe('2025-12-01');
    expect(seriesStart('2026-Q3')).toBe('2026-07-01');
    expect(seriesStart('2026-02')).toBe('2026-02-01');
    expect(seriesStart('2025')).toBe('2025-01-01');
  });
});

describe('waterfallSteps', () => {
  it('floats each lever from the running sum: 2000 → +0 → +1169.93 → +830.07 → 4000', () => {
    const levers = {
      a: { revenue: 2000 },
      b: { revenue: 4000 },
      contributions: { payingClients: 0, q: 1169.93, appn: 830.07 },
    } as unknown as LeversOut;
    const steps = waterfallSteps(levers, {
      a: 'A',
      b: 'B',
      levers: { payingClients: 'N', q: 'Q', appn: 'APPN' },
    });
    expect(steps).toEqual([
      { label: 'A', base: 0, up: 0, down: 0, total: 2000 },
      { label: 'N', base: 2000, up: 0, down: 0, total: 0 },
      { label: 'Q', base: 2000, up: 1169.93, down: 0, total: 0 },
      { label: 'APPN', base: 3169.93, up: 830.07, down: 0, total: 0 },
      { label: 'B', base: 0, up: 0, down: 0, total: 4000 },
    ]);
    const falling = waterfallSteps(
      {
        ...levers,
        b: { revenue: 1500 },
        contributions: { payingClients: -500, q: 0, appn: 0 },
      } as unknown as LeversOut,
      { a: 'A', b: 'B', levers: { payingClients: 'N', q: 'Q', appn: 'APPN' } },
    );
    expect(falling[1]).toEqual({ label: 'N', base: 1500, up: 0, down: 500, total: 0 });
  });
});
