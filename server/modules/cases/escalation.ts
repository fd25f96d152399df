// Escalation when a case passes its resolution due time: mark it breached, raise its priority,
// put it in the timeline and mail its owner (or the admins when nobody owns it). Idempotent.
import { z } from 'zod';
import type { Ctx } from '../../context.ts';
import type { CasesTable } from '../../db/types.ts';
import type { Deps } from '../../deps.ts';
import { defineJob } from '../../jobs/queue.ts';
import type { Actor } from '../../lib/permissions.ts';
import { queueMessage } from '../messaging/index.ts';
import { findOrgUser, listActiveAdminsOf } from '../orgs/index.ts';
import { emitCaseEvent } from './case-events.ts';
import { tellPeople } from './case-notices.ts';
import * as repo from './cases.repo.ts';
import { OPEN_STATUSES } from './status-machine.ts';
import { slaRiskJobDefinition } from './sla-risk.ts';
import { caseMailWords } from './case-mail-words.ts';
import { caseUrl } from '../../lib/public-urls.ts';

export async function escalateIfBreached(
  deps: Deps,
  orgId: string,
  caseId: string,
): Promise<boolean> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const c = await repo.findCase(trx, orgId, caseId);
    if (
      !c ||
      c.breached_at ||
      !c.due_at ||
      c.due_at > now.toISOString() ||
      !OPEN_STATUSES.includes(c.status)
    )
      return false;
    const system: Actor = { type: 'system', id: null, orgId, role: 'admin' };
    const tx: Ctx = {
      db: trx,
      log: deps.log,
      clock: deps.clock,
      jobs: deps.jobs,
      config: deps.config,
      orgId,
      actor: system,
    };
    const at = now.toISOString();
    const priority = c.priority === 'urgent' ? 'urgent' : c.priority === 'high' ? 'urgent' : 'high';
    await repo.updateCase(trx, orgId, caseId, { breached_at: at, priority, updated_at: at });
    const next: CasesTable = { ...c, breached_at: at, priority };
    await emitCaseEvent(tx, next, { kind: 'sla_breached', body: c.due_at });
    const owner = c.owner_id ? await findOrgUser({ db: trx, orgId }, c.owner_id) : undefined;
    // The owner's bell too; a case nobody owns reaches the admins by mail only.
    if (owner && !owner.disabled_at)
      await tellPeople(tx, [
        { kind: 'sla_breached', caseId: c.id, userId: owner.id, actorId: null },
      ]);
    const recipients =
      owner && !owner.disabled_at ? [owner] : await listActiveAdminsOf({ db: trx, orgId });
    // The escalation mail names no stage: only the due time needs the organisation's zone.
    const words = await caseMailWords(tx, []);
    for (const user of recipients) {
      await queueMessage(tx, {
        kind: 'escalation',
        to: user.email,
        language: user.language,
        vars: {
          name: user.name,
          ref: c.public_ref,
          title: c.title,
          dueAt: words.due(c.due_at, user.language),
          caseUrl: caseUrl(deps.config, c.id),
        },
        caseId: c.id,
        dedupeKey: `escalation:${c.id}:${user.id}`,
      });
    }
    return true;
  });
}

export function caseJobs(deps: Deps) {
  return [
    slaRiskJobDefinition(deps),
    defineJob({
      name: 'cases.sla.check',
      payload: z.object({ caseId: z.uuid() }),
      handler: async (job, { caseId }) => {
        if (job.orgId) await escalateIfBreached(deps, job.orgId, caseId);
      },
    }),
    defineJob({
      name: 'cases.sla.sweep',
      payload: z.object({}),
      handler: async (job) => {
        const due = await repo.listNewlyBreached(deps.db, deps.clock.now().toISOString(), 500);
        let escalated = 0;
        for (const c of due) if (await escalateIfBreached(deps, c.org_id, c.id)) escalated += 1;
        if (escalated) job.log.info({ escalated }, 'SLA sweep escalated cases');
      },
    }),
  ];
}
