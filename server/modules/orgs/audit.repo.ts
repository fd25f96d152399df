// SQL of the audit log's list (issue 19): newest first, keyset-paged, filtered by action, actor
// and a range of time. Always within one organisation.
import type { AuditLogTable, DbOrTrx } from '../../db/types.ts';
import { before } from '../../db/keyset.ts';
import type { KeyCursor } from '../../lib/paging.ts';

export interface AuditFilter {
  action?: string;
  actorId?: string;
  /** Inclusive lower bound, ISO instant. */
  fromIso?: string;
  /** Exclusive upper bound, ISO instant. */
  untilIso?: string;
}

export async function listAudit(
  db: DbOrTrx,
  orgId: string,
  filter: AuditFilter,
  cursor: KeyCursor | undefined,
  limit: number,
): Promise<AuditLogTable[]> {
  let q = db.selectFrom('audit_log').selectAll().where('org_id', '=', orgId);
  if (filter.action) q = q.where('action', '=', filter.action);
  if (filter.actorId) q = q.where('actor_id', '=', filter.actorId);
  if (filter.fromIso) q = q.where('created_at', '>=', filter.fromIso);
  if (filter.untilIso) q = q.where('created_at', '<', filter.untilIso);
  if (cursor) q = q.where(before('created_at', cursor));
  return q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
}

/** The distinct actions this organisation's log holds (the UI's filter choices). */
export async function listAuditActions(db: DbOrTrx, orgId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('audit_log')
    .select('action')
    .distinct()
    .where('org_id', '=', orgId)
    .orderBy('action')
    .execute();
  return rows.map((r) => r.action);
}

/** Whether `id` is one of the organisation's people or API keys (the actors a filter may name). */
export async function isOrgActor(db: DbOrTrx, orgId: string, id: string): Promise<boolean> {
  const [user, key] = await Promise.all([
    db
      .selectFrom('users')
      .select('id')
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .executeTakeFirst(),
    db
      .selectFrom('api_keys')
      .select('id')
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .executeTakeFirst(),
  ]);
  return user !== undefined || key !== undefined;
}
