import type { Ctx } from '../../context.ts';
import { newId } from '../../lib/ids.ts';
import { requestMeta } from '../../lib/request-meta.ts';
import { insertAudit } from './orgs.repo.ts';

/**
 * Appends to the organisation's audit log, in the caller's transaction, with the address and user
 * agent of the request that caused it (none from the worker or the CLI). Never put secrets in
 * details.
 */
export async function recordAudit(
  ctx: Pick<Ctx, 'db' | 'clock' | 'orgId' | 'actor'>,
  action: string,
  target?: { type: string; id: string },
  details?: Record<string, unknown>,
): Promise<void> {
  const now = ctx.clock.now();
  const meta = requestMeta();
  await insertAudit(ctx.db, {
    id: newId(now.getTime()),
    org_id: ctx.orgId,
    actor_type: ctx.actor.type,
    actor_id: ctx.actor.id,
    action,
    target_type: target?.type ?? null,
    target_id: target?.id ?? null,
    details: details ? JSON.stringify(details) : null,
    created_at: now.toISOString(),
    ip: meta.ip,
    user_agent: meta.userAgent,
  });
}
