// Use-cases of the economics summary and of marketing spend (issue 14, second slice). The
// summary loads the rows of the window (window-data.ts) and leaves the arithmetic to figures.ts.
// The whole organisation comes from the rollups (ADR 011); a segment, manager or stage filter
// reads the transactions dated before `to`.
import type { Ctx } from '../../context.ts';
import type { MarketingSpendTable } from '../../db/types.ts';
import { AppError } from '../../http/errors.ts';
import { assertCan } from '../../lib/permissions.ts';
import type { ListSpendQuery, SpendIn, SpendOut } from '../../../shared/api/economics.ts';
import type {
  FiguresOut,
  SummaryOut,
  SummaryQuery,
} from '../../../shared/api/economics-figures.ts';
import * as repo from './economics.repo.ts';
import { figuresFor, type Figures } from './figures.ts';
import { periodIndex, periodLabel, periodStart } from './periods.ts';
import { settingsOf } from './settings.service.ts';
import { fromMinorUnits, toMinorUnits } from './transaction-values.ts';
import { rollupSeries } from './rollup-figures.ts';
import {
  checkFilters,
  checkWindow,
  churnThreshold,
  loadRollupData,
  loadWindowData,
  rollupsServe,
} from './window-data.ts';

export function presentSpend(row: MarketingSpendTable): SpendOut {
  return {
    period: row.period,
    channel: row.channel,
    amount: fromMinorUnits(Number(row.amount_minor)),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** Sets the spend of a month (and channel): the stored row. */
export async function putSpend(ctx: Ctx, period: string, input: SpendIn): Promise<SpendOut> {
  assertCan(ctx.actor, 'data.write');
  const minor = toMinorUnits(input.amount);
  if (typeof minor === 'string')
    throw new AppError('unprocessable', 'The amount is not valid', {
      invalidParams: [{ name: 'body.amount', reason: minor }],
    });
  const row: MarketingSpendTable = {
    org_id: ctx.orgId,
    period,
    channel: input.channel ?? '',
    amount_minor: minor,
    updated_at: ctx.clock.now().toISOString(),
  };
  await repo.upsertSpend(ctx.db, row);
  return presentSpend(row);
}

export async function listSpend(ctx: Ctx, q: ListSpendQuery): Promise<SpendOut[]> {
  assertCan(ctx.actor, 'data.read');
  return (await repo.listSpend(ctx.db, ctx.orgId, q)).map(presentSpend);
}

const money = (minor: number | null) => (minor === null ? null : fromMinorUnits(minor));

export function presentFigures(f: Figures): FiguresOut {
  return {
    revenue: fromMinorUnits(f.revenueMinor),
    margin: fromMinorUnits(f.marginMinor),
    costCoverage: f.costCoverage,
    payingClients: f.payingClients,
    activeClients: f.activeClients,
    purchases: f.purchases,
    q: f.q,
    appn: money(f.appnMinor),
    arppu: money(f.arppuMinor),
    arpu: money(f.arpuMinor),
    newClients: f.newClients,
    cac: money(f.cacMinor),
    profit: money(f.profitMinor),
    onTimeShare: f.onTimeShare,
    meanDaysLate: f.meanDaysLate,
    churnedClients: f.churnedClients,
  };
}

/** METRICS.md "Transactions" for [from, to) and for each period inside it. */
export async function economicsSummary(ctx: Ctx, q: SummaryQuery): Promise<SummaryOut> {
  assertCan(ctx.actor, 'data.read');
  checkWindow(q, q.period);
  await checkFilters(ctx, q);
  const churn = churnThreshold(await settingsOf(ctx), q.period);
  const first = periodIndex(q.from, q.period);
  const label = (i: number) => periodLabel(first + i, q.period);
  if (rollupsServe(q)) {
    const { whole, series } = rollupSeries(q, q.period, await loadRollupData(ctx, q, churn));
    return {
      ...presentFigures(whole),
      series: series.map((f, i) => ({ period: label(i), ...presentFigures(f) })),
    };
  }
  // A segment, manager or stage: the rollups hold the whole organisation, so read the rows.
  const data = await loadWindowData(ctx, q, q, churn);
  const series: SummaryOut['series'] = [];
  for (let i = 0; first + i < periodIndex(q.to, q.period); i++) {
    const w = { from: periodStart(first + i, q.period), to: periodStart(first + i + 1, q.period) };
    series.push({ period: label(i), ...presentFigures(figuresFor(w, q.period, data)) });
  }
  return { ...presentFigures(figuresFor({ from: q.from, to: q.to }, q.period, data)), series };
}
