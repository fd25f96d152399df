// "SLA at risk" (issue 21): a warning to a case's owner before its deadline, so there is still
// time to act — the breach itself is told by escalation.ts (`sla_breached`).
import { z } from 'zod';
import { ctxFor, type Ctx } from '../../context.ts';
import type { CasesTable } from '../../db/types.ts';
import type { Deps } from '../../deps.ts';
import { defineJob } from '../../jobs/queue.ts';
import type { Actor } from '../../lib/permissions.ts';
import { findOrgUser } from '../orgs/index.ts';
import { tellPeople } from './case-notices.ts';
import * as repo from './cases.repo.ts';
import { OPEN_STATUSES } from './status-machine.ts';

/** The share of a case's time (opening → resolution due) after which its SLA is "at risk". */
export const SLA_RISK_SHARE = 0.75;

/**
 * The moment a case's SLA is at risk: three quarters of the time from its opening (created_at)
 * to its resolution due moment (due_at) has passed — a case opened at 10:00 and due at 18:00 is
 * at risk from 16:00. Null for a case with no due time.
 */
export function slaRiskAt(row: Pick<CasesTable, 'created_at' | 'due_at'>): Date | null {
  if (!row.due_at) return null;
  const opened = Date.parse(row.created_at);
  const due = Date.parse(row.due_at);
  return new Date(opened + Math.max(0, due - opened) * SLA_RISK_SHARE);
}

/** The risk timer of a case, beside its SLA timer; one per due time (a new due time, a new one). */
export function slaRiskJob(row: CasesTable) {
  return {
    name: 'cases.sla.risk',
    orgId: row.org_id,
    payload: { caseId: row.id, dueAt: row.due_at! },
    runAt: slaRiskAt(row)!,
    dedupeKey: `sla-risk:${row.id}:${row.due_at}`,
  };
}

/**
 * Tells the owner that the case is due soon, when it still is: open, not breached, the due time
 * the timer was set for (a changed one has its own timer) and not yet passed (then the breach
 * speaks), an active owner. Once per risk window: a second run writes nothing.
 */
export async function warnIfAtRisk(
  deps: Deps,
  orgId: string,
  caseId: string,
  dueAt: string,
): Promise<boolean> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const c = await repo.findCase(trx, orgId, caseId);
    if (
      !c ||
      c.breached_at ||
      !c.due_at ||
      Date.parse(c.due_at) !== Date.parse(dueAt) ||
      Date.parse(c.due_at) <= now.getTime() ||
      !OPEN_STATUSES.includes(c.status) ||
      !c.owner_id
    )
      return false;
    const owner = await findOrgUser({ db: trx, orgId }, c.owner_id);
    if (!owner || owner.disabled_at) return false;
    const system: Actor = { type: 'system', id: null, orgId, role: 'admin' };
    const tx: Ctx = { ...ctxFor(deps, system), db: trx };
    const since = slaRiskAt(c)!.toISOString();
    await tellPeople(tx, [
      { kind: 'sla_risk', caseId: c.id, userId: owner.id, actorId: null, onceSince: since },
    ]);
    return true;
  });
}

export function slaRiskJobDefinition(deps: Deps) {
  return defineJob({
    name: 'cases.sla.risk',
    payload: z.object({ caseId: z.uuid(), dueAt: z.string() }),
    handler: async (job, { caseId, dueAt }) => {
      if (job.orgId) await warnIfAtRisk(deps, job.orgId, caseId, dueAt);
    },
  });
}
