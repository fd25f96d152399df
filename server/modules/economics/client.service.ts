// GET /api/v1/economics/clients/{id}: one client's economics at a day (client-figures.ts).
import type { Ctx } from '../../context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { assertCan } from '../../lib/permissions.ts';
import type {
  ClientEconomicsOut,
  ClientEconomicsQuery,
} from '../../../shared/api/economics-figures.ts';
import { findClient } from '../clients/index.ts';
import { clientFigures } from './client-figures.ts';
import * as repo from './economics.repo.ts';
import { settingsOf } from './settings.service.ts';
import { fromMinorUnits, isCalendarDate } from './transaction-values.ts';
import { churnThreshold, MAX_SERIES } from './window-data.ts';

export async function clientEconomics(
  ctx: Ctx,
  clientId: string,
  q: ClientEconomicsQuery,
): Promise<ClientEconomicsOut> {
  assertCan(ctx.actor, 'data.read');
  if (q.asOf !== undefined && !isCalendarDate(q.asOf))
    throw new AppError('validation_failed', 'asOf is not a date', {
      invalidParams: [{ name: 'query.asOf', reason: 'a calendar date YYYY-MM-DD' }],
    });
  const client = await findClient(ctx, clientId);
  if (!client) throw notFound('Client');
  const settings = await settingsOf(ctx);
  const unit = q.period ?? settings.period;
  const asOf = q.asOf ?? ctx.clock.now().toISOString().slice(0, 10);
  const rows = await repo.clientTransactions(ctx.db, ctx.orgId, clientId, asOf);
  const budget = client.estimated_annual_budget_minor;
  const f = clientFigures(
    rows.map((r) => ({
      clientId: r.client_id,
      kind: r.kind,
      date: r.date,
      amountMinor: Number(r.amount_minor),
      costMinor: r.cost_minor === null ? null : Number(r.cost_minor),
      dueDate: r.due_date,
      paidAt: r.paid_at,
    })),
    asOf,
    unit,
    churnThreshold(settings, unit),
    budget === null ? null : Number(budget),
    MAX_SERIES,
  );
  return {
    clientId,
    asOf,
    period: unit,
    revenue12m: fromMinorUnits(f.revenue12mMinor),
    margin12m: fromMinorUnits(f.margin12mMinor),
    payingPeriods: f.payingPeriods,
    lifetimeSpan: f.lifetimeSpan,
    idlePeriods: f.idlePeriods,
    historicalLtv: fromMinorUnits(f.historicalLtvMinor),
    onTimeShare: f.onTimeShare,
    meanDaysLate: f.meanDaysLate,
    estimatedAnnualBudget: budget === null ? null : fromMinorUnits(Number(budget)),
    shareOfWallet: f.shareOfWallet,
    churned: f.churned,
    churnAfterPeriods: f.churnAfterPeriods,
    firstSaleAt: f.firstSaleAt,
    lastSaleAt: f.lastSaleAt,
    series: f.series.map((p) => ({
      period: p.period,
      revenue: fromMinorUnits(p.revenueMinor),
      margin: fromMinorUnits(p.marginMinor),
      purchases: p.purchases,
    })),
  };
}
