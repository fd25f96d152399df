// GET /api/v1/economics/by-satisfaction: what satisfaction is worth (satisfaction.ts).
import type { Ctx } from '../../context.ts';
import { assertCan } from '../../lib/permissions.ts';
import type {
  BySatisfactionOut,
  BySatisfactionQuery,
  SatisfactionGroupOut,
} from '../../../shared/api/economics-figures.ts';
import { latestNpsByClient } from '../feedback/index.ts';
import type { Interval } from './intervals.ts';
import { periodIndex, periodStart } from './periods.ts';
import { bySatisfaction, type GroupFigures } from './satisfaction.ts';
import { nextDay } from './client-figures.ts';
import { fromMinorUnits } from './transaction-values.ts';
import { checkFilters, checkWindow, clientFilter, loadWindowData } from './window-data.ts';

const toMoney = (minor: number | null) => (minor === null ? null : fromMinorUnits(minor));
const moneyInterval = (i: Interval): Interval =>
  i ? [fromMinorUnits(i[0]), fromMinorUnits(i[1])] : null;

function present(g: GroupFigures): SatisfactionGroupOut {
  return {
    group: g.group,
    clients: g.clients,
    payingClients: g.payingClients,
    revenuePerPayingClient: toMoney(g.revenuePerPayingClient),
    revenuePerPayingClientInterval: moneyInterval(g.revenuePerPayingClientInterval),
    dueSales: g.dueSales,
    onTimeShare: g.onTimeShare,
    onTimeShareInterval: g.onTimeShareInterval,
    retention: g.retention,
    retentionInterval: g.retentionInterval,
  };
}

export async function economicsBySatisfaction(
  ctx: Ctx,
  q: BySatisfactionQuery,
): Promise<BySatisfactionOut> {
  assertCan(ctx.actor, 'data.read');
  checkWindow(q, q.period);
  await checkFilters(ctx, q);
  const length = periodIndex(q.to, q.period) - periodIndex(q.from, q.period);
  const next = { from: q.to, to: periodStart(periodIndex(q.to, q.period) + length, q.period) };
  const keep = await clientFilter(ctx, q);
  const [data, nps] = await Promise.all([
    // Only W and the next window matter: no history before W is read.
    loadWindowData(ctx, { from: q.from, to: next.to }, q, null, q.from),
    latestNpsByClient(ctx, `${q.from}T00:00:00.000Z`, `${q.to}T00:00:00.000Z`),
  ]);
  if (keep) for (const id of [...nps.keys()]) if (!keep.has(id)) nps.delete(id);
  const result = bySatisfaction(q, next, {
    transactions: data.transactions,
    due: data.due.map((d) => ({ ...d, clientId: d.clientId! })),
    feedback: data.feedback,
    nps,
  });
  const today = ctx.clock.now().toISOString().slice(0, 10);
  const d = result.differences;
  return {
    from: q.from,
    to: q.to,
    next: { ...next, complete: next.to <= nextDay(today) },
    groups: result.groups.map(present),
    differences: {
      revenuePerPayingClient: {
        value: toMoney(d.revenuePerPayingClient.value),
        interval: moneyInterval(d.revenuePerPayingClient.interval),
      },
      onTimeShare: d.onTimeShare,
      retention: d.retention,
    },
  };
}
