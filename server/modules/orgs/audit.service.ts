// The audit log as admins read it (issue 19): filtered by action, actor and UTC days.
import type { AuditQuery } from '../../../shared/api/access.ts';
import type { Ctx } from '../../context.ts';
import { unknownReference } from '../../http/errors.ts';
import { decodeKeyCursor, toKeyPage } from '../../lib/paging.ts';
import { assertCan } from '../../lib/permissions.ts';
import * as repo from './audit.repo.ts';

export type AuditFilters = Omit<AuditQuery, 'cursor' | 'limit'>;

const DAY_MS = 86_400_000;

function toFilter(q: AuditFilters): repo.AuditFilter {
  return {
    action: q.action,
    actorId: q.actor,
    fromIso: q.from ? `${q.from}T00:00:00.000Z` : undefined,
    // `to` is a whole day, included: up to the start of the next one.
    untilIso: q.to
      ? new Date(Date.parse(`${q.to}T00:00:00.000Z`) + DAY_MS).toISOString()
      : undefined,
  };
}

export async function listAuditLog(ctx: Ctx, q: AuditFilters & { cursor?: string; limit: number }) {
  assertCan(ctx.actor, 'audit.read');
  // An actor of another organisation is the same 404 as none, never an empty page (SECURITY.md).
  if (q.actor !== undefined && !(await repo.isOrgActor(ctx.db, ctx.orgId, q.actor)))
    throw unknownReference('query.actor', 'person or API key');
  const rows = await repo.listAudit(
    ctx.db,
    ctx.orgId,
    toFilter(q),
    decodeKeyCursor(q.cursor),
    q.limit,
  );
  return toKeyPage(rows, q.limit, (r) => r.created_at);
}

export async function listAuditActions(ctx: Ctx): Promise<string[]> {
  assertCan(ctx.actor, 'audit.read');
  return repo.listAuditActions(ctx.db, ctx.orgId);
}
