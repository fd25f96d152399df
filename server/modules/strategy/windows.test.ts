// The windows bound KPIs read (pure), by hand: on 2026-12-10 in Moscow the running month is
// 2026-12, the last closed 2026-11, the one before 2026-10; the running quarter 2026-Q4, then Q3
// and Q2. At 2026-11-30T21:30Z it is already 1 December in Moscow (UTC+3) but not in UTC.
import { describe, expect, it } from 'vitest';
import { windowOf } from './windows.ts';

const at = new Date('2026-12-10T09:00:00.000Z');

describe('the window of a bound KPI', () => {
  it.each([
    ['current_month', '2026-12', '2026-12-01', '2027-01-01'],
    ['last_month', '2026-11', '2026-11-01', '2026-12-01'],
    ['month_before_last', '2026-10', '2026-10-01', '2026-11-01'],
    ['current_quarter', '2026-Q4', '2026-10-01', '2027-01-01'],
    ['last_quarter', '2026-Q3', '2026-07-01', '2026-10-01'],
    ['quarter_before_last', '2026-Q2', '2026-04-01', '2026-07-01'],
  ] as const)('%s is %s', (window, label, fromDate, toDate) => {
    expect(windowOf(window, 'Europe/Moscow', at)).toMatchObject({ label, fromDate, toDate });
  });

  it('starts at local midnight of the organisation’s time zone', () => {
    const edge = new Date('2026-11-30T21:30:00.000Z');
    expect(windowOf('current_month', 'Europe/Moscow', edge)).toEqual({
      period: 'month',
      label: '2026-12',
      fromDate: '2026-12-01',
      toDate: '2027-01-01',
      from: '2026-11-30T21:00:00.000Z',
      to: '2026-12-31T21:00:00.000Z',
    });
    expect(windowOf('current_month', 'UTC', edge).label).toBe('2026-11');
  });
});
