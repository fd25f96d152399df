// Operational metrics of the phone line per stage, employee or day. Pure: no I/O.
import type { OperationsGroupBy, OperationsGroupOut } from '../../../shared/api/telephony.ts';
import { isMissed } from './callbacks.ts';

export interface CallForMetrics {
  started_at: string;
  direction: 'in' | 'out';
  answered: 0 | 1;
  wait_seconds: number;
  employee: string | null;
  stage: string | null;
  callback_at: string | null;
}

const MINUTE = 60_000;

function keyOf(call: CallForMetrics, groupBy: OperationsGroupBy): string {
  if (groupBy === 'day') return new Date(call.started_at).toISOString().slice(0, 10);
  return (groupBy === 'stage' ? call.stage : call.employee) ?? 'none';
}

export const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
export const share = (part: number, whole: number) => (whole === 0 ? null : round(part / whole, 4));
const mean = (xs: number[]) =>
  xs.length === 0 ? null : round(xs.reduce((s, x) => s + x, 0) / xs.length, 2);

/** Nearest-rank percentile: the smallest value with at least p % of the values at or below it. */
export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * How a missed call was called back: within the target, late, not at all once the target has
 * passed, or `pending` — still inside its window at `now`, so it has not failed yet.
 */
export function callbackOutcome(
  call: Pick<CallForMetrics, 'started_at' | 'callback_at'>,
  opts: { targetMinutes: number; now: Date },
): 'within_target' | 'late' | 'not_called_back' | 'pending' {
  const target = opts.targetMinutes * MINUTE;
  const started = Date.parse(call.started_at);
  if (call.callback_at)
    return Date.parse(call.callback_at) - started <= target ? 'within_target' : 'late';
  return started + target <= opts.now.getTime() ? 'not_called_back' : 'pending';
}

/**
 * Groups sorted by key. A missed call still inside its call-back window at `now` is left out of
 * callbackWithinTargetShare: it has not failed yet.
 */
export function aggregateOperations(
  calls: readonly CallForMetrics[],
  groupBy: OperationsGroupBy,
  opts: { targetMinutes: number; now: Date },
): OperationsGroupOut[] {
  const groups = new Map<string, CallForMetrics[]>();
  for (const call of calls) {
    const key = keyOf(call, groupBy);
    const group = groups.get(key);
    if (group) group.push(call);
    else groups.set(key, [call]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, group]) => {
      const inbound = group.filter((c) => c.direction === 'in');
      const missed = inbound.filter(isMissed);
      const waits = inbound.map((c) => c.wait_seconds);
      const callbackMinutes = missed
        .filter((c) => c.callback_at)
        .map((c) => (Date.parse(c.callback_at!) - Date.parse(c.started_at)) / MINUTE);
      const outcomes = missed.map((c) => callbackOutcome(c, opts));
      const decided = outcomes.filter((o) => o !== 'pending');
      const inTime = outcomes.filter((o) => o === 'within_target');
      return {
        key,
        calls: group.length,
        answeredShare: share(group.filter((c) => c.answered === 1).length, group.length),
        missedShare: share(missed.length, inbound.length),
        avgWaitSeconds: mean(waits),
        p90WaitSeconds: percentile(waits, 90),
        avgCallbackMinutes: mean(callbackMinutes),
        callbackWithinTargetShare: share(inTime.length, decided.length),
      };
    });
}
