// The clock is the one thing tests may fake: every "now" in the server comes from here.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests can move by hand. */
export function fixedClock(
  start: Date | string,
): Clock & { advance(ms: number): void; set(d: Date | string): void } {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    advance: (ms) => {
      t += ms;
    },
    set: (d) => {
      t = new Date(d).getTime();
    },
  };
}

/** ISO-8601 UTC with milliseconds: the one text form times take in the database. */
export function iso(d: Date): string {
  return d.toISOString();
}
