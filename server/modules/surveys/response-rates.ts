// Response rate per journey stage and period (the scorecard's satisfaction layer, issue 16): of
// the personal invitations a stage's surveys sent in the period, the share answered so far.
// Narrowed to a segment or a manager over whole months of the rollup's zone, the counts come from
// the invitations per client group (ADR 018); otherwise from one grouped scan of the invitations.
import type { Ctx } from '../../context.ts';
import { assertCan } from '../../lib/permissions.ts';
import { inviteGroupsOf } from './invite-groups.ts';
import * as repo from './surveys.repo.ts';

export interface InviteCount {
  sent: number;
  answered: number;
}

export interface ResponseRateQuery {
  bounds: readonly string[];
  stage?: string;
  segment?: string;
  managerId?: string;
  /** When the periods are whole months of the zone: each period's months (YYYY-MM). */
  months?: { timeZone: string; periods: readonly (readonly string[])[] };
}

type Counted = { stage: string; bucket: number; sent: number; answered: number };

const nextMonth = (month: string) => {
  const m = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7));
  return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
};

/** The grouped counts from the rollup, bucketed like the scan's; null when it cannot answer. */
async function fromRollup(ctx: Ctx, q: ResponseRateQuery): Promise<Counted[] | null> {
  if (!q.months || (q.segment === undefined && q.managerId === undefined)) return null;
  const bucketOf = new Map<string, number>();
  q.months.periods.forEach((months, i) => months.forEach((m) => bucketOf.set(m, i)));
  const all = q.months.periods.flat();
  const rows = await inviteGroupsOf(ctx, {
    fromMonth: all[0]!,
    toMonth: nextMonth(all.at(-1)!),
    timeZone: q.months.timeZone,
    stage: q.stage,
    segment: q.segment,
    managerId: q.managerId,
  });
  if (rows === null) return null;
  const out = new Map<string, Counted>();
  for (const r of rows) {
    const bucket = bucketOf.get(r.month);
    if (bucket === undefined) continue;
    const c = out.get(`${r.stage}|${bucket}`);
    if (c) {
      c.sent += r.sent;
      c.answered += r.answered;
    } else
      out.set(`${r.stage}|${bucket}`, {
        stage: r.stage,
        bucket,
        sent: r.sent,
        answered: r.answered,
      });
  }
  return [...out.values()].filter((c) => c.sent !== 0);
}

/** Per stage key, one count per period of the window (oldest first); `bounds` are instants. */
export async function stageResponseRates(
  ctx: Ctx,
  q: ResponseRateQuery,
): Promise<Map<string, InviteCount[]>> {
  assertCan(ctx.actor, 'data.read');
  const out = new Map<string, InviteCount[]>();
  const rows =
    (await fromRollup(ctx, q)) ?? (await repo.countStageInvitesByPeriod(ctx.db, ctx.orgId, q));
  for (const r of rows) {
    let counts = out.get(r.stage);
    if (!counts) {
      counts = Array.from({ length: q.bounds.length - 1 }, () => ({ sent: 0, answered: 0 }));
      out.set(r.stage, counts);
    }
    counts[r.bucket] = { sent: r.sent, answered: r.answered };
  }
  return out;
}
