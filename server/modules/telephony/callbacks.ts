// Which later call answered a missed one. Pure: no I/O.
// A missed inbound call is called back by the first later call to the same number that reached
// the client: an outbound call (dialled back) or an answered call (the client got through).

export interface CallForLinking {
  id: string;
  started_at: string;
  direction: 'in' | 'out';
  answered: 0 | 1;
  called_back_call_id: string | null;
  callback_at: string | null;
}

export interface CallbackLink {
  id: string;
  called_back_call_id: string | null;
  callback_at: string | null;
}

export const isMissed = (c: Pick<CallForLinking, 'direction' | 'answered'>) =>
  c.direction === 'in' && c.answered === 0;
export const reachesClient = (c: Pick<CallForLinking, 'direction' | 'answered'>) =>
  c.direction === 'out' || c.answered === 1;

/**
 * The links of all calls of ONE number, whatever order they arrived in; returns only the
 * calls whose link changed (so a later import of an earlier call-back moves the link back).
 */
export function linkCallbacks(calls: readonly CallForLinking[]): CallbackLink[] {
  const sorted = [...calls].sort(
    (a, b) => Date.parse(a.started_at) - Date.parse(b.started_at) || a.id.localeCompare(b.id),
  );
  const wanted = new Map<string, { by: string | null; at: string | null }>();
  let waiting: CallForLinking[] = [];
  for (const call of sorted) {
    if (reachesClient(call)) {
      const at = Date.parse(call.started_at);
      waiting = waiting.filter((missed) => {
        if (Date.parse(missed.started_at) >= at) return true;
        wanted.set(missed.id, { by: call.id, at: call.started_at });
        return false;
      });
    }
    if (isMissed(call)) waiting.push(call);
  }
  for (const missed of waiting) wanted.set(missed.id, { by: null, at: null });
  const changes: CallbackLink[] = [];
  for (const call of sorted) {
    const w = wanted.get(call.id) ?? { by: null, at: null };
    if (w.by !== call.called_back_call_id || !sameInstant(w.at, call.callback_at))
      changes.push({ id: call.id, called_back_call_id: w.by, callback_at: w.at });
  }
  return changes;
}

function sameInstant(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  return Date.parse(a) === Date.parse(b);
}
