// "Assigned to me" in the care inbox (issue 15, SPEC C2/C4): the open cases the signed-in person
// owns (routed to them when opened, or handed over), and the active special requirements that
// touch a journey stage they own, so a stage owner sees every client's special handling of it.
import type { Ctx } from '../../context.ts';
import { forbidden } from '../../http/errors.ts';
import type { ReminderOut } from '../../../shared/api/care.ts';
import { listOpenCasesOwnedBy } from '../cases/index.ts';
import { stageKeysOwnedBy } from '../stages/index.ts';
import * as repo from './care.repo.ts';
import * as reads from './reminders.repo.ts';

const LIMIT = 200;

/** The caller's own items; only a signed-in person has any (an API key is refused). */
export async function assignedToMe(ctx: Ctx): Promise<ReminderOut[]> {
  if (ctx.actor.type !== 'user' || !ctx.actor.id)
    throw forbidden('Only a signed-in person has cases assigned to them');
  const userId = ctx.actor.id;
  const cases = await listOpenCasesOwnedBy(ctx, userId, LIMIT);
  const stages = await stageKeysOwnedBy(ctx, userId);
  const requirements = stages.length
    ? await repo.searchRequirements(ctx.db, ctx.orgId, {
        status: 'active',
        stages,
        limit: LIMIT,
      })
    : [];
  const names = await reads.clientNames(ctx.db, ctx.orgId, [
    ...new Set(cases.map((c) => c.client_id).filter((id): id is string => id !== null)),
  ]);
  const items: ReminderOut[] = cases.map((c) => ({
    kind: 'assigned_case',
    clientId: c.client_id ?? '',
    clientName: (c.client_id && names.get(c.client_id)) || '',
    title: `${c.public_ref} ${c.title}`,
    at: c.due_at,
    daysUntil: null,
    ref: { type: 'case', id: c.id },
    link: `/cases/${c.id}`,
  }));
  for (const r of requirements)
    items.push({
      kind: 'stage_requirement',
      clientId: r.client_id,
      clientName: r.client_name,
      title: `${r.stage}: ${r.text}`,
      at: r.effective_to,
      daysUntil: null,
      ref: { type: 'requirement', id: r.id },
      link: `/clients/${r.client_id}?tab=requirements`,
    });
  return items;
}
