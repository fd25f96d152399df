// The zone's day and month of an instant remember the last one found per zone (issue 20: intake
// asks for today again and again). A remembered day or month must never answer for an instant
// outside it: instants on both sides of Moscow's midnight, Berlin's 23-hour day, and random
// instants in random order give the hand-computed day and month.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monthIndexOf, monthLabel } from '../cases/index.ts';
import { dayLabel, dayOf } from './zone-days.ts';

const at = (iso: string) => Date.parse(iso);
const day = (iso: string, zone: string) => dayLabel(dayOf(at(iso), zone));
const month = (iso: string, zone: string) => monthLabel(monthIndexOf(at(iso), zone));

describe('days and months of a zone, remembered', () => {
  it('gives each instant its own day and month on either side of a boundary, in any order', () => {
    const moscow = [
      ['2026-03-31T20:59:59.999Z', '2026-03-31', '2026-03'],
      ['2026-03-31T21:00:00.000Z', '2026-04-01', '2026-04'],
      ['2026-03-31T20:59:59.999Z', '2026-03-31', '2026-03'],
      ['2026-03-30T21:00:00.000Z', '2026-03-31', '2026-03'],
      ['2026-03-30T20:59:59.999Z', '2026-03-30', '2026-03'],
      ['2026-04-01T20:59:59.999Z', '2026-04-01', '2026-04'],
    ] as const;
    for (const [iso, d, m] of moscow) {
      expect(day(iso, 'Europe/Moscow'), iso).toBe(d);
      expect(month(iso, 'Europe/Moscow'), iso).toBe(m);
    }
    // Berlin, 29 March 2026: clocks go 02:00 → 03:00, the day runs 23:00Z (28th) to 22:00Z.
    const berlin = [
      ['2026-03-29T00:30:00Z', '2026-03-29'],
      ['2026-03-29T21:59:59Z', '2026-03-29'],
      ['2026-03-29T22:00:00Z', '2026-03-30'],
      ['2026-03-28T22:59:59Z', '2026-03-28'],
      ['2026-03-28T23:00:00Z', '2026-03-29'],
    ] as const;
    for (const [iso, d] of berlin) expect(day(iso, 'Europe/Berlin'), iso).toBe(d);
    // Another zone asked in between does not disturb Moscow's remembered day.
    expect(day('2026-03-31T20:00:00Z', 'Asia/Yekaterinburg')).toBe('2026-04-01');
    expect(day('2026-03-31T20:00:00Z', 'Europe/Moscow')).toBe('2026-03-31');
  });

  it('agrees with Moscow’s fixed UTC+3 for random instants in random order', () => {
    const from = at('2025-12-25T00:00:00Z');
    const to = at('2026-04-05T00:00:00Z');
    fc.assert(
      fc.property(fc.array(fc.integer({ min: from, max: to }), { minLength: 1 }), (ts) => {
        for (const t of ts) {
          const local = new Date(t + 3 * 3_600_000).toISOString();
          expect(dayLabel(dayOf(t, 'Europe/Moscow'))).toBe(local.slice(0, 10));
          expect(monthLabel(monthIndexOf(t, 'Europe/Moscow'))).toBe(local.slice(0, 7));
        }
      }),
    );
  });
});
