// The cases of bench/scorecard.ts's data set: opened through the 24 months; 85 % resolved (10 %
// of those reopened and resolved again), 60 % of the resolved closed later; due 2 days after.
import { newId } from '../server/lib/ids.ts';
import type { DB } from '../server/db/types.ts';

export const iso = (ms: number) => new Date(ms).toISOString();
/** The 24 months of the data set as instants: 2024-12-01 … 2026-12-01 00:00 in Moscow. */
export const START_MS = Date.parse('2024-11-30T21:00:00Z');
export const END_MS = Date.parse('2026-11-30T21:00:00Z');
const CASES = Number(process.env.BENCH_CASES ?? 300_000);

/** Cases with their status events (the operational layer reads both). */
export async function generateCases(
  chunked: (table: keyof DB, rows: unknown[]) => Promise<void>,
  orgId: string,
  { r, stage, client }: { r: () => number; stage: () => string; client: () => string },
) {
  let batch: unknown[] = [];
  // Cases: opened through the 24 months; 85 % resolved (10 % of those reopened and resolved
  // again), 60 % of the resolved closed later; due 2 days after opening.
  const t1 = Date.now();
  let events: unknown[] = [];
  const H = 3_600_000;
  for (let i = 0; i < CASES; i++) {
    const opened = START_MS + Math.floor(r() * (END_MS - START_MS));
    const id = newId();
    const moves: [number, string][] = [];
    const responded = opened + Math.floor(r() * 30 * H);
    moves.push([responded, 'in_progress']);
    let status = 'in_progress';
    let resolved: number | null = null;
    let closed: number | null = null;
    if (r() < 0.85) {
      resolved = responded + Math.floor(r() * 96 * H);
      moves.push([resolved, 'resolved']);
      status = 'resolved';
      if (r() < 0.1) {
        moves.push([resolved + 10 * H, 'in_progress']);
        resolved = resolved + 10 * H + Math.floor(r() * 48 * H);
        moves.push([resolved, 'resolved']);
      }
      if (r() < 0.6) {
        closed = resolved + 72 * H;
        moves.push([closed, 'closed']);
        status = 'closed';
      }
    }
    const due = opened + 48 * H;
    const last = moves.at(-1)![0];
    batch.push({
      id,
      org_id: orgId,
      public_ref: `C-B${i}`,
      title: 'Обращение',
      type: r() < 0.6 ? 'complaint' : 'request',
      priority: 'normal',
      status,
      stage: stage(),
      client_id: client(),
      contact_id: null,
      feedback_id: null,
      owner_id: null,
      sla_policy_id: null,
      opened_by: 'system',
      first_response_due_at: iso(opened + 4 * H),
      due_at: iso(due),
      first_responded_at: iso(responded),
      resolved_at: resolved === null ? null : iso(resolved),
      closed_at: closed === null ? null : iso(closed),
      breached_at: resolved === null || resolved > due ? iso(due) : null,
      resolution: null,
      followup_requested: 0,
      created_at: iso(opened),
      updated_at: iso(last),
    });
    for (const [at, to] of [[opened, 'new'] as [number, string], ...moves])
      events.push({
        id: newId(),
        org_id: orgId,
        case_id: id,
        kind: to === 'new' ? 'opened' : 'status',
        from_status: null,
        to_status: to,
        actor_type: 'system',
        actor_id: null,
        body: null,
        created_at: iso(at),
      });
    if (batch.length === 1000) {
      await chunked('cases', batch);
      await chunked('case_events', events);
      batch = [];
      events = [];
    }
  }
  if (batch.length) await chunked('cases', batch);
  if (events.length) await chunked('case_events', events);
  console.log(`  cases ${CASES}: ${((Date.now() - t1) / 1000).toFixed(0)} s`);
}
