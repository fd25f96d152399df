// The "Today" page (issue 21): one start page for a care manager, composed from the services
// that exist — my open cases (cases.owner_id = me) by SLA risk, the reminders due today (care's
// reminders, less what I snoozed), detractors and negative records without a case; for an admin,
// set-up health (outbound mail configured, last delivery error, inbound receiver).
import type { Ctx } from '../../context.ts';
import { forbidden } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import { assertCan, can } from '../../lib/permissions.ts';
import { wallClockToUtc } from '../../lib/tabular/cell-values.ts';
import type { TodayOut } from '../../../shared/api/today.ts';
import { allowedNext, listOpenCasesOwnedBy } from '../cases/index.ts';
import { findContact } from '../clients/index.ts';
import { lastDeliveryError } from '../messaging/index.ts';
import { orgOf, recordAudit } from '../orgs/index.ts';
import { reminders } from './care.reads.ts';
import { localDay } from './occurrence.ts';
import * as reads from './reminders.repo.ts';
import * as repo from './today.repo.ts';

const DAY = 86_400_000;
const RECORDS_LOOKBACK_MS = 30 * DAY;
const LIMIT = 200;
/** Care reminders that are due on a day; the page's own lists cover cases and detractors. */
const DUE_KINDS = new Set(['upcoming_date', 'missed_call']);

function personOf(ctx: Ctx): string {
  if (ctx.actor.type !== 'user' || !ctx.actor.id)
    throw forbidden('Only a signed-in person has a Today page');
  return ctx.actor.id;
}

const snippet = (s: string | null, n = 160) =>
  s && s.length > n ? `${s.slice(0, n - 1)}…` : (s ?? '');

export async function today(ctx: Ctx): Promise<TodayOut> {
  assertCan(ctx.actor, 'data.read');
  const me = personOf(ctx);
  const now = ctx.clock.now();
  const org = await orgOf(ctx);
  const timeZone = org.time_zone || 'Europe/Moscow';
  const snoozed = await repo.snoozedKeys(ctx.db, ctx.orgId, me, now.toISOString());
  const awake = (type: string, id: string) => !snoozed.has(`${type}:${id}`);

  // SLA risk: the earliest due first; cases without a due time last, newest first among them.
  const mine = (await listOpenCasesOwnedBy(ctx, me, LIMIT)).sort((a, b) =>
    a.due_at && b.due_at
      ? a.due_at.localeCompare(b.due_at) || a.id.localeCompare(b.id)
      : a.due_at
        ? -1
        : b.due_at
          ? 1
          : b.id.localeCompare(a.id),
  );
  const names = await reads.clientNames(ctx.db, ctx.orgId, [
    ...new Set(mine.map((c) => c.client_id).filter((id): id is string => id !== null)),
  ]);
  const reachable = new Set<string>();
  for (const id of new Set(mine.map((c) => c.contact_id).filter((x): x is string => x !== null)))
    if ((await findContact(ctx, id))?.email) reachable.add(id);
  const due = await reminders(ctx, { days: 0, silentDays: 3650, timeZone });
  const records = await repo.negativeWithoutCase(
    ctx.db,
    ctx.orgId,
    new Date(now.getTime() - RECORDS_LOOKBACK_MS).toISOString(),
    LIMIT,
  );
  return {
    date: localDay(now, timeZone),
    myCases: mine.map((c) => ({
      id: c.id,
      publicRef: c.public_ref,
      title: c.title,
      status: c.status,
      priority: c.priority,
      allowedNext: [...allowedNext(c.status)],
      dueAt: c.due_at,
      overdue: Boolean(c.due_at && Date.parse(c.due_at) < now.getTime()),
      clientId: c.client_id,
      clientName: (c.client_id && names.get(c.client_id)) || '',
      canNotify: c.contact_id !== null && reachable.has(c.contact_id),
    })),
    reminders: due.filter((r) => DUE_KINDS.has(r.kind) && awake(r.ref.type, r.ref.id)),
    records: records
      .filter((f) => awake('feedback', f.id))
      .map((f) => ({
        id: f.id,
        publicRef: f.public_ref,
        clientId: f.client_id,
        clientName: f.client_name ?? '',
        scoreType: f.score_type,
        scoreValue: f.score_value,
        sentiment: f.sentiment_label,
        text: snippet(f.text),
        receivedAt: String(f.received_at),
      })),
    health: can(ctx.actor, 'org.manage')
      ? {
          mailOut: Boolean(ctx.config.mail.smtpUrl),
          lastDeliveryError: await lastDeliveryError(ctx),
          inboundReceiver: ctx.config.mail.inboundPort !== undefined,
        }
      : null,
  };
}

/** Puts an item of my Today page off until `until`, or the start of the next local day. */
export async function snooze(
  ctx: Ctx,
  ref: { type: string; id: string },
  until?: string,
): Promise<{ until: string }> {
  assertCan(ctx.actor, 'data.read');
  const me = personOf(ctx);
  const now = ctx.clock.now();
  let at = until ? new Date(until) : undefined;
  if (!at) {
    const timeZone = (await orgOf(ctx)).time_zone || 'Europe/Moscow';
    const tomorrow = Date.parse(`${localDay(now, timeZone)}T00:00:00Z`) + DAY;
    at = new Date(wallClockToUtc(tomorrow, timeZone));
  }
  const row = {
    id: newId(now.getTime()),
    org_id: ctx.orgId,
    user_id: me,
    ref_type: ref.type,
    ref_id: ref.id,
    until: at.toISOString(),
    created_at: now.toISOString(),
  };
  await repo.upsertSnooze(ctx.db, row);
  await recordAudit(ctx, 'reminder.snoozed', { type: ref.type, id: ref.id }, { until: row.until });
  return { until: row.until };
}
