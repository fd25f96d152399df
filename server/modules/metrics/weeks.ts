// The weeks of "what moved" (issue 21): Monday 00:00 in the organisation's time zone. Pure.
import { localParts, zonedTimeToInstant } from '../cases/index.ts';
import type { Window } from './period.ts';

export type WeekChoice = 'current' | 'last';

/** Midnight of the Monday `weeksBack` weeks before the week of `now`, as an instant. */
export function mondayStart(now: Date, timeZone: string, weeksBack: number): number {
  const p = localParts(now.getTime(), timeZone);
  const mondayOffset = (new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay() + 6) % 7;
  const d = new Date(Date.UTC(p.year, p.month - 1, p.day - mondayOffset - 7 * weeksBack));
  return zonedTimeToInstant(
    d.getUTCFullYear(),
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    0,
    0,
    timeZone,
  );
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * `current`: this week so far against the same span of last week (counts compare like with like
 * on a Wednesday too); `last`: last week against the week before, both whole.
 */
export function weekWindows(
  now: Date,
  timeZone: string,
  week: WeekChoice,
): { current: Window; previous: Window } {
  const thisMonday = mondayStart(now, timeZone, 0);
  const lastMonday = mondayStart(now, timeZone, 1);
  if (week === 'last') {
    const before = mondayStart(now, timeZone, 2);
    return {
      current: { from: iso(lastMonday), to: iso(thisMonday) },
      previous: { from: iso(before), to: iso(lastMonday) },
    };
  }
  const span = now.getTime() - thisMonday;
  return {
    current: { from: iso(thisMonday), to: iso(now.getTime()) },
    previous: { from: iso(lastMonday), to: iso(lastMonday + span) },
  };
}
