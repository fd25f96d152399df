import { describe, expect, it } from 'vitest';
import { linkCallbacks, type CallForLinking } from './callbacks.ts';
import { aggregateOperations, percentile, type CallForMetrics } from './operations.ts';

const call = (
  id: string,
  at: string,
  direction: 'in' | 'out',
  answered: 0 | 1,
  link: Partial<CallForLinking> = {},
): CallForLinking => ({
  id,
  started_at: `2026-11-20T${at}:00.000Z`,
  direction,
  answered,
  called_back_call_id: null,
  callback_at: null,
  ...link,
});

describe('linkCallbacks', () => {
  it('links a missed inbound call to the first later outbound or answered call of the number', () => {
    const changes = linkCallbacks([
      call('m1', '10:00', 'in', 0),
      call('m2', '10:05', 'in', 0),
      call('o1', '10:20', 'out', 0),
      call('o2', '10:40', 'out', 1),
    ]);
    expect(changes).toEqual([
      { id: 'm1', called_back_call_id: 'o1', callback_at: '2026-11-20T10:20:00.000Z' },
      { id: 'm2', called_back_call_id: 'o1', callback_at: '2026-11-20T10:20:00.000Z' },
    ]);
  });

  it('counts an answered inbound call as the call-back, but not another missed one', () => {
    const changes = linkCallbacks([
      call('m1', '10:00', 'in', 0),
      call('m2', '10:10', 'in', 0),
      call('a1', '10:30', 'in', 1),
    ]);
    expect(changes.map((c) => [c.id, c.called_back_call_id])).toEqual([
      ['m1', 'a1'],
      ['m2', 'a1'],
    ]);
  });

  it('moves a link to an earlier call-back that arrived later, and reports nothing when links are right', () => {
    const linked = call('m1', '10:00', 'in', 0, {
      called_back_call_id: 'o2',
      callback_at: '2026-11-20T11:00:00.000Z',
    });
    expect(
      linkCallbacks([linked, call('o2', '11:00', 'out', 1), call('o1', '10:15', 'out', 0)]),
    ).toEqual([{ id: 'm1', called_back_call_id: 'o1', callback_at: '2026-11-20T10:15:00.000Z' }]);
    const right = call('m1', '10:00', 'in', 0, {
      called_back_call_id: 'o1',
      callback_at: '2026-11-20T10:15:00.000Z',
    });
    expect(linkCallbacks([right, call('o1', '10:15', 'out', 0)])).toEqual([]);
  });

  it('leaves a call made before the missed one unlinked', () => {
    expect(linkCallbacks([call('o1', '09:00', 'out', 1), call('m1', '10:00', 'in', 0)])).toEqual(
      [],
    );
  });
});

describe('percentile', () => {
  it.each([
    [[], 90, null],
    [[5], 90, 5],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90, 9],
    [[10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 100], 90, 10],
  ])('%j p%i → %s', (values, p, expected) => {
    expect(percentile(values, p)).toBe(expected);
  });
});

describe('aggregateOperations', () => {
  const m = (
    at: string,
    direction: 'in' | 'out',
    answered: 0 | 1,
    wait: number,
    stage: string | null,
    employee: string | null,
    callbackAt: string | null = null,
  ): CallForMetrics => ({
    started_at: `2026-11-${at}:00.000Z`,
    direction,
    answered,
    wait_seconds: wait,
    stage,
    employee,
    callback_at: callbackAt ? `2026-11-${callbackAt}:00.000Z` : null,
  });
  const calls = [
    m('20T10:00', 'in', 1, 10, 'sales', 'Анна'),
    m('20T10:10', 'in', 1, 20, 'sales', 'Анна'),
    m('20T10:20', 'in', 0, 60, 'sales', null, '20T10:40'), // called back after 20 min: in target
    m('20T11:00', 'in', 0, 90, 'sales', null, '20T12:00'), // after 60 min: late
    m('20T11:30', 'out', 0, 0, 'sales', 'Анна'),
    m('21T09:00', 'in', 0, 30, null, null), // not called back, target long past
    m('21T09:50', 'in', 0, 5, null, null), // 10 minutes ago: still inside its window
    m('21T09:55', 'out', 1, 0, 'delivery', 'Борис'),
  ];
  const now = new Date('2026-11-21T10:00:00Z');

  it('computes the shares, waits and call-back times of each stage (checked by hand)', () => {
    const groups = aggregateOperations(calls, 'stage', { targetMinutes: 30, now });
    expect(groups).toEqual([
      {
        key: 'delivery',
        calls: 1,
        answeredShare: 1,
        missedShare: null,
        avgWaitSeconds: null,
        p90WaitSeconds: null,
        avgCallbackMinutes: null,
        callbackWithinTargetShare: null,
      },
      // 2 of 5 answered; 2 of 4 inbound missed; waits 10,20,60,90 → mean 45, p90 90; call-backs 20 and 60 min → 40; 1 of 2 in time
      {
        key: 'none',
        calls: 2,
        answeredShare: 0,
        missedShare: 1,
        avgWaitSeconds: 17.5,
        p90WaitSeconds: 30,
        avgCallbackMinutes: null,
        callbackWithinTargetShare: 0,
      },
      {
        key: 'sales',
        calls: 5,
        answeredShare: 0.4,
        missedShare: 0.5,
        avgWaitSeconds: 45,
        p90WaitSeconds: 90,
        avgCallbackMinutes: 40,
        callbackWithinTargetShare: 0.5,
      },
    ]);
  });

  it('groups by employee and by UTC day', () => {
    expect(
      aggregateOperations(calls, 'employee', { targetMinutes: 30, now }).map((g) => [
        g.key,
        g.calls,
      ]),
    ).toEqual([
      ['none', 4],
      ['Анна', 3],
      ['Борис', 1],
    ]);
    const days = aggregateOperations(calls, 'day', { targetMinutes: 30, now });
    expect(days.map((g) => [g.key, g.calls, g.missedShare])).toEqual([
      ['2026-11-20', 5, 0.5],
      ['2026-11-21', 3, 1],
    ]);
  });

  it('counts a late missed call once its window has passed', () => {
    const later = new Date('2026-11-21T10:30:00Z');
    expect(
      aggregateOperations(calls, 'stage', { targetMinutes: 30, now: later }).find(
        (g) => g.key === 'none',
      ),
    ).toMatchObject({ callbackWithinTargetShare: 0 });
    const generous = aggregateOperations(calls, 'stage', { targetMinutes: 60, now });
    expect(generous.find((g) => g.key === 'sales')).toMatchObject({ callbackWithinTargetShare: 1 });
  });
});
