// GET /api/v1/scorecard/records (issue 16, docs/scorecard.md "Drill-down"): the rows behind one
// scorecard number — the stage, the metric and the period its `drill` link names, under the
// same segment and manager filters — exactly the rows the number counts, newest first, a page at
// a time, with `total` over all pages (for eNPS: the answers, listed only as score counts).
import type { Ctx } from '../../context.ts';
import { AppError, unknownReference } from '../../http/errors.ts';
import { assertCan } from '../../lib/permissions.ts';
import {
  KPI_PREFIX,
  type DrillOut,
  type DrillQuery,
} from '../../../shared/api/scorecard-layers.ts';
import { localParts } from '../cases/index.ts';
import { clientNames } from '../clients/index.ts';
import { findOrgUser, orgTimeZone } from '../orgs/index.ts';
import { unknownStageKeys } from '../stages/index.ts';
import { compareDesc, decodeDrillCursor, encodeDrillCursor } from './drill-cursor.ts';
import { operationalSource } from './drill-operations.ts';
import { drillPeriod } from './drill-period.ts';
import { CLIENT_SOURCES, type DrillRow, type DrillSource } from './drill-sources.ts';

const pad = (n: number) => String(n).padStart(2, '0');

function sourceOf(metric: string): DrillSource {
  const source = CLIENT_SOURCES[metric] ?? operationalSource(metric, KPI_PREFIX);
  if (!source)
    throw new AppError('unprocessable', 'query.metric: not a scorecard metric', {
      invalidParams: [{ name: 'query.metric', reason: 'not a metric of the scorecard' }],
    });
  return source;
}

export async function getScorecardRecords(ctx: Ctx, q: DrillQuery): Promise<DrillOut> {
  assertCan(ctx.actor, 'scorecard.read');
  const source = sourceOf(q.metric);
  const timeZone = await orgTimeZone(ctx);
  const now = ctx.clock.now();
  const p = drillPeriod(q.period, timeZone, now);
  const before = decodeDrillCursor(q.cursor, source.paged);
  if ((await unknownStageKeys(ctx, [q.stage])).length > 0)
    throw unknownReference('query.stage', 'stage');
  if (q.managerId !== undefined && !(await findOrgUser(ctx, q.managerId)))
    throw unknownReference('query.managerId', 'user');
  const local = localParts(now.getTime(), timeZone);
  const { total, rows } = await source.load(ctx, {
    stage: q.stage,
    metric: q.metric,
    p,
    today: `${local.year}-${pad(local.month)}-${pad(local.day)}`,
    segment: q.segment,
    managerId: q.managerId,
    before,
    limit: q.limit,
  });
  const after = source.paged
    ? rows
    : [...rows]
        .sort((a, b) => compareDesc(a, { at: b.at ?? '', id: b.id }))
        .filter((r) => !before || compareDesc(r, before) > 0);
  const page = after.slice(0, q.limit);
  const last = page.at(-1);
  return {
    kind: source.kind,
    stage: q.stage,
    metric: q.metric,
    period: q.period,
    total,
    items: await withClientNames(ctx, page),
    nextCursor: after.length > q.limit && last ? encodeDrillCursor(last.at, last.id) : null,
  };
}

async function withClientNames(ctx: Ctx, rows: DrillRow[]) {
  const ids = rows.map((r) => r.clientId).filter((id): id is string => id !== null);
  const names = ids.length ? await clientNames(ctx, ids) : new Map<string, string>();
  return rows.map((r) => ({
    ...r,
    clientName: r.clientId === null ? null : (names.get(r.clientId) ?? null),
  }));
}
