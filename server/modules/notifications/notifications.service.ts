// A person's in-app notifications (issue 21). Written by the cases module's caseNotices hook in
// the transaction of the event (a hand-over, an SLA at risk or breached, a client's reply), less the kinds the
// person turned off; read, marked read and set only by the person they belong to — every query
// names the organisation AND the person, so another person's id is simply not found (404).
import { inTransaction, type Ctx } from '../../context.ts';
import type { DbOrTrx, PersonNotificationsTable } from '../../db/types.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import { assertCan } from '../../lib/permissions.ts';
import type { NotificationsOut, NotificationSettings } from '../../../shared/api/notifications.ts';
import { findCasesInOrg, type CaseNotice } from '../cases/index.ts';
import { findOrgUsers, recordAudit } from '../orgs/index.ts';
import * as repo from './notifications.repo.ts';

/** Read notifications older than this are pruned by the worker's maintenance round. */
export const NOTIFICATION_RETENTION_DAYS = 90;

function personOf(ctx: Ctx): string {
  if (ctx.actor.type !== 'user' || !ctx.actor.id)
    throw forbidden('Only a signed-in person has notifications');
  return ctx.actor.id;
}

/** The hook's handler: one row per notice, less muted kinds and once-only repeats, in the event's transaction. */
export async function writeNotifications(tx: Ctx, notices: readonly CaseNotice[]): Promise<void> {
  const muted = await repo.mutedPairs(tx.db, tx.orgId, [...new Set(notices.map((n) => n.userId))]);
  const told = new Set<CaseNotice>();
  for (const n of notices)
    if (
      n.onceSince &&
      (await repo.toldSince(tx.db, tx.orgId, n.userId, n.kind, n.caseId, n.onceSince))
    )
      told.add(n);
  const at = tx.clock.now();
  const rows: PersonNotificationsTable[] = notices
    .filter((n) => !muted.has(`${n.userId}:${n.kind}`) && !told.has(n))
    .map((n) => ({
      id: newId(at.getTime()),
      org_id: tx.orgId,
      user_id: n.userId,
      kind: n.kind,
      case_id: n.caseId,
      actor_id: n.actorId,
      created_at: at.toISOString(),
      read_at: null,
    }));
  await repo.insertNotifications(tx.db, rows);
}

export async function listMyNotifications(ctx: Ctx, limit: number): Promise<NotificationsOut> {
  assertCan(ctx.actor, 'data.read');
  const me = personOf(ctx);
  const [rows, unread] = await Promise.all([
    repo.listOfPerson(ctx.db, ctx.orgId, me, limit),
    repo.countUnread(ctx.db, ctx.orgId, me),
  ]);
  const [cases, actors] = await Promise.all([
    findCasesInOrg(ctx, [...new Set(rows.map((r) => r.case_id))]),
    findOrgUsers(ctx, {
      ids: [...new Set(rows.map((r) => r.actor_id).filter((x): x is string => x !== null))],
    }),
  ]);
  const caseOf = new Map(cases.map((c) => [c.id, c]));
  const nameOf = new Map(actors.map((u) => [u.id, u.name]));
  return {
    unread,
    items: rows.flatMap((r) => {
      const c = caseOf.get(r.case_id);
      if (!c) return [];
      return [
        {
          id: r.id,
          kind: r.kind,
          caseId: c.id,
          caseRef: c.public_ref,
          caseTitle: c.title,
          actorName: (r.actor_id && nameOf.get(r.actor_id)) || null,
          caseDueAt: c.due_at === null ? null : new Date(c.due_at).toISOString(),
          createdAt: String(r.created_at),
          readAt: r.read_at === null ? null : String(r.read_at),
        },
      ];
    }),
  };
}

export async function markNotificationRead(ctx: Ctx, id: string): Promise<void> {
  assertCan(ctx.actor, 'data.read');
  const me = personOf(ctx);
  const at = ctx.clock.now().toISOString();
  if (!(await repo.markRead(ctx.db, ctx.orgId, me, id, at))) throw notFound('Notification');
}

export async function markAllNotificationsRead(ctx: Ctx): Promise<number> {
  assertCan(ctx.actor, 'data.read');
  return repo.markAllRead(ctx.db, ctx.orgId, personOf(ctx), ctx.clock.now().toISOString());
}

export async function getNotificationSettings(ctx: Ctx): Promise<NotificationSettings> {
  assertCan(ctx.actor, 'data.read');
  return { off: await repo.mutedKinds(ctx.db, ctx.orgId, personOf(ctx)) };
}

export async function setNotificationSettings(
  ctx: Ctx,
  settings: NotificationSettings,
): Promise<NotificationSettings> {
  assertCan(ctx.actor, 'data.read');
  const me = personOf(ctx);
  const off = [...new Set(settings.off)].sort();
  await inTransaction(ctx, async (tx) => {
    await repo.replaceMutes(tx.db, tx.orgId, me, off, tx.clock.now().toISOString());
    await recordAudit(tx, 'notifications.settings_changed', { type: 'user', id: me }, { off });
  });
  return { off };
}

/** The worker's upkeep: read notifications older than the retention, in every organisation. */
export async function pruneReadNotifications(db: DbOrTrx, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - NOTIFICATION_RETENTION_DAYS * 86_400_000);
  return repo.pruneReadBefore(db, cutoff.toISOString());
}
