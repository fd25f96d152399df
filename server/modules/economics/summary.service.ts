// Use-cases of the economics summary and of marketing spend (issue 14, second slice). The
// summary loads the rows of the window (transactions with their history, sales due, feedback
// dates, spend), narrows them to the clients of a segment or manager, and leaves the arithmetic
// to figures.ts. No rollups yet: each call reads the transactions dated before `to`.
import type { Ctx } from '../../context.ts';
import type { MarketingSpendTable } from '../../db/types.ts';
import { AppError, unknownReference } from '../../http/errors.ts';
import { assertCan } from '../../lib/permissions.ts';
import type {
  FiguresOut,
  ListSpendQuery,
  SpendIn,
  SpendOut,
  SummaryOut,
  SummaryQuery,
} from '../../../shared/api/economics.ts';
import { clientIdsWhere } from '../clients/index.ts';
import { clientFeedbackDates } from '../feedback/index.ts';
import { findOrgUser } from '../orgs/index.ts';
import * as repo from './economics.repo.ts';
import { figuresFor, type FigureData, type Figures } from './figures.ts';
import { isPeriodBoundary, periodIndex, periodLabel, periodStart } from './periods.ts';
import { fromMinorUnits, isCalendarDate, toMinorUnits } from './transaction-values.ts';

/** At most this many periods in a series (ten years of months). */
export const MAX_SERIES = 120;

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

function badWindow(name: string, reason: string): AppError {
  return new AppError('validation_failed', 'The window is not valid', {
    invalidParams: [{ name: `query.${name}`, reason }],
  });
}

/** 400 unless from < to are real dates on boundaries of `period`, at most MAX_SERIES apart. */
function checkWindow(q: SummaryQuery): void {
  for (const name of ['from', 'to'] as const) {
    if (!isCalendarDate(q[name])) throw badWindow(name, 'a calendar date YYYY-MM-DD');
    if (!isPeriodBoundary(q[name], q.period))
      throw badWindow(name, `the first day of a ${q.period}`);
  }
  const periods = periodIndex(q.to, q.period) - periodIndex(q.from, q.period);
  if (periods <= 0) throw badWindow('to', 'must be after from');
  if (periods > MAX_SERIES) throw badWindow('to', `at most ${MAX_SERIES} periods`);
}

async function loadData(ctx: Ctx, q: SummaryQuery): Promise<FigureData> {
  const filtered = q.segment !== undefined || q.managerId !== undefined;
  const keep = filtered
    ? new Set(await clientIdsWhere(ctx, { segment: q.segment, managerId: q.managerId }))
    : null;
  const mine = (clientId: string) => keep === null || keep.has(clientId);
  const [tx, due, feedback, spend] = await Promise.all([
    repo.transactionsBefore(ctx.db, ctx.orgId, q.to),
    repo.salesDueIn(ctx.db, ctx.orgId, q.from, q.to),
    clientFeedbackDates(ctx, `${q.from}T00:00:00.000Z`, `${q.to}T00:00:00.000Z`),
    filtered ? null : repo.listSpend(ctx.db, ctx.orgId, { from: q.from, to: q.to }),
  ]);
  return {
    transactions: tx
      .filter((r) => mine(r.client_id))
      .map((r) => ({
        clientId: r.client_id,
        kind: r.kind,
        date: r.date,
        amountMinor: Number(r.amount_minor),
        costMinor: r.cost_minor === null ? null : Number(r.cost_minor),
      })),
    due: due
      .filter((r) => mine(r.client_id))
      .map((r) => ({ dueDate: r.due_date!, paidAt: r.paid_at })),
    feedback: feedback.filter((f) => mine(f.clientId)),
    spend: spend?.map((s) => ({ period: s.period, amountMinor: Number(s.amount_minor) })) ?? null,
  };
}

const money = (minor: number | null) => (minor === null ? null : fromMinorUnits(minor));

function present(f: Figures): FiguresOut {
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
  checkWindow(q);
  if (q.managerId && !(await findOrgUser(ctx, q.managerId)))
    throw unknownReference('query.managerId', 'user');
  const data = await loadData(ctx, q);
  const series: SummaryOut['series'] = [];
  const last = periodIndex(q.to, q.period);
  for (let i = periodIndex(q.from, q.period); i < last; i++) {
    const w = { from: periodStart(i, q.period), to: periodStart(i + 1, q.period) };
    series.push({ period: periodLabel(i, q.period), ...present(figuresFor(w, q.period, data)) });
  }
  return { ...present(figuresFor({ from: q.from, to: q.to }, q.period, data)), series };
}
