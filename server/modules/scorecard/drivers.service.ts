// GET /api/v1/scorecard/drivers (issue 16): one stage's key drivers over the months of a window
// (default: the 24 full months before the current one), from the same layer figures as the
// scorecard — so every point of the scatter is a number the scorecard shows for that month.
import type { Ctx } from '../../context.ts';
import { unknownReference } from '../../http/errors.ts';
import { assertCan } from '../../lib/permissions.ts';
import type { DriversOut, DriversQuery } from '../../../shared/api/arbiter.ts';
import { localParts } from '../cases/index.ts';
import { orgTimeZone } from '../orgs/index.ts';
import { listStageTargets } from '../stages/index.ts';
import { keyDrivers } from './drivers.ts';
import { loadLayerSources, stageLayers } from './layers.service.ts';

export const DEFAULT_DRIVER_MONTHS = 24;
const pad = (n: number) => String(n).padStart(2, '0');

/** The first day of the current month and of the month `back` months before it. */
export function monthsBack(now: Date, timeZone: string, back: number) {
  const t = localParts(now.getTime(), timeZone);
  const m = t.year * 12 + t.month - 1;
  const day = (x: number) => `${Math.floor(x / 12)}-${pad((x % 12) + 1)}-01`;
  return { to: day(m), from: day(m - back) };
}

export async function getDrivers(ctx: Ctx, q: DriversQuery): Promise<DriversOut> {
  assertCan(ctx.actor, 'scorecard.read');
  const stage = (await listStageTargets(ctx)).find((s) => s.key === q.stage);
  if (!stage) throw unknownReference('query.stage', 'stage');
  const timeZone = await orgTimeZone(ctx);
  const fallback = monthsBack(ctx.clock.now(), timeZone, DEFAULT_DRIVER_MONTHS);
  const to = q.to ?? fallback.to;
  const from = q.from ?? (q.to ? undefined : fallback.from);
  const { fromDate, toDate, sources } = await loadLayerSources(
    ctx,
    { period: 'month', from, to, stage: stage.key },
    [stage],
  );
  const found = keyDrivers(stageLayers(stage, sources, {}), q.target);
  return {
    stage: stage.key,
    target: q.target,
    from: fromDate,
    to: toDate,
    periods: sources.periods.length - 1,
    ...found,
  };
}
