// What every economics use-case over a window needs: the window checked (whole periods, at most
// MAX_SERIES of them) and the rows loaded — transactions with their history, sales due, feedback
// dates and spend — narrowed to the clients of a segment or manager and to one stage. The
// arithmetic lives in the pure files (figures.ts, levers.ts, satisfaction.ts).
import { isInTransaction, type Ctx } from '../../context.ts';
import { AppError, unknownReference } from '../../http/errors.ts';
import { clientIdsWhere } from '../clients/index.ts';
import { clientFeedbackDates } from '../feedback/index.ts';
import { findOrgUser } from '../orgs/index.ts';
import * as repo from './economics.repo.ts';
import { decodeMonths } from './month-set.ts';
import type { ClientMonths } from './client-periods.ts';
import { ClientPopulation } from './client-population.ts';
import type { RollupData } from './rollup-figures.ts';
import * as rollups from './rollups.repo.ts';
import type { FigureData } from './figures.ts';
import { isPeriodBoundary, MONTHS, periodIndex, type PeriodUnit } from './periods.ts';
import type { EconomicsSettings } from './settings.service.ts';
import { isCalendarDate } from './transaction-values.ts';

/** The months ('YYYY-MM') of a window of dates, as marketing spend is stored. */
const spendMonths = (w: { from: string; to: string }) => ({
  from: w.from.slice(0, 7),
  to: w.to.slice(0, 7),
});

/** At most this many periods in a window (ten years of months). */
export const MAX_SERIES = 120;

export interface Filters {
  segment?: string;
  managerId?: string;
  stage?: string;
}

/**
 * The organisation's fixed churn threshold, counted in periods of `unit` (the setting counts
 * periods of the organisation's own period; rounded up so a threshold never shrinks), or null
 * for the default per-client rule.
 */
export function churnThreshold(settings: EconomicsSettings, unit: PeriodUnit): number | null {
  if (settings.churnAfterPeriods === null) return null;
  const months = settings.churnAfterPeriods * MONTHS[settings.period];
  return Math.max(1, Math.ceil(months / MONTHS[unit]));
}

function badWindow(name: string, reason: string): AppError {
  return new AppError('validation_failed', 'The window is not valid', {
    invalidParams: [{ name: `query.${name}`, reason }],
  });
}

/** 400 unless from < to are real dates on boundaries of `unit`, at most MAX_SERIES apart. */
export function checkWindow(
  w: { from: string; to: string },
  unit: PeriodUnit,
  names: { from: string; to: string } = { from: 'from', to: 'to' },
): void {
  for (const key of ['from', 'to'] as const) {
    if (!isCalendarDate(w[key])) throw badWindow(names[key], 'a calendar date YYYY-MM-DD');
    if (!isPeriodBoundary(w[key], unit)) throw badWindow(names[key], `the first day of a ${unit}`);
  }
  const periods = periodIndex(w.to, unit) - periodIndex(w.from, unit);
  if (periods <= 0) throw badWindow(names.to, `must be after ${names.from}`);
  if (periods > MAX_SERIES) throw badWindow(names.to, `at most ${MAX_SERIES} periods`);
}

/** 404 when the manager filter names no user of the organisation. */
export async function checkFilters(ctx: Ctx, f: Filters): Promise<void> {
  if (f.managerId && !(await findOrgUser(ctx, f.managerId)))
    throw unknownReference('query.managerId', 'user');
}

/** The clients a segment or manager filter keeps, or null when there is no such filter. */
export async function clientFilter(ctx: Ctx, f: Filters): Promise<Set<string> | null> {
  if (f.segment === undefined && f.managerId === undefined) return null;
  return new Set(await clientIdsWhere(ctx, { segment: f.segment, managerId: f.managerId }));
}

/** The rows of [from, to) (transactions: all history before `to`) under the filters. */
export async function loadWindowData(
  ctx: Ctx,
  w: { from: string; to: string },
  f: Filters,
  churnAfterPeriods: number | null,
  /** Leave out transactions dated before this (when no figure needs the history). */
  historyFrom?: string,
): Promise<FigureData> {
  const keep = await clientFilter(ctx, f);
  const mine = (clientId: string) => keep === null || keep.has(clientId);
  const ofStage = (stage: string | null) => f.stage === undefined || stage === f.stage;
  const attributable = keep === null && f.stage === undefined;
  const [tx, due, feedback, spend] = await Promise.all([
    repo.transactionsBefore(ctx.db, ctx.orgId, w.to, historyFrom),
    repo.salesDueIn(ctx.db, ctx.orgId, w.from, w.to),
    clientFeedbackDates(ctx, `${w.from}T00:00:00.000Z`, `${w.to}T00:00:00.000Z`),
    attributable ? repo.listSpend(ctx.db, ctx.orgId, spendMonths(w)) : null,
  ]);
  return {
    transactions: tx
      .filter((r) => mine(r.client_id) && ofStage(r.stage))
      .map((r) => ({
        clientId: r.client_id,
        kind: r.kind,
        date: r.date,
        amountMinor: Number(r.amount_minor),
        costMinor: r.cost_minor === null ? null : Number(r.cost_minor),
      })),
    due: due
      .filter((r) => mine(r.client_id) && ofStage(r.stage))
      .map((r) => ({ clientId: r.client_id, dueDate: r.due_date!, paidAt: r.paid_at })),
    feedback: feedback.filter((fb) => mine(fb.clientId)),
    spend: spend?.map((s) => ({ period: s.period, amountMinor: Number(s.amount_minor) })) ?? null,
    churnAfterPeriods,
  };
}

/** The clients last read per organisation, with the version they were read at. */
const populations = new Map<string, { version: number; population: ClientPopulation }>();
const CACHED_ORGS = 64;

/** A row's month sets, decoded once when read rather than on every request. */
const entryOf = (r: {
  client_id: string;
  sale_months: string;
  feedback_months: string;
}): [string, ClientMonths] => [
  r.client_id,
  {
    sales: Int32Array.from(decodeMonths(r.sale_months)),
    feedback: Int32Array.from(decodeMonths(r.feedback_months)),
  },
];

/**
 * Every client's month sets with their counts per period: from memory when the organisation's
 * version has not moved since they were read (one tiny query instead of one row per client);
 * after a change only the rows stamped with a newer version are read (migration 0017) and laid
 * over the clients in memory, counts included. The version is read first, so the clients are
 * never older than it; a row read twice is harmless. The update is synchronous, so a request
 * that already holds the population sees it whole, before or after. (No path deletes a client
 * today; one that does must rebuild the rollups, ADR 011.)
 */
async function clientPopulation(ctx: Ctx): Promise<ClientPopulation> {
  const rowsAfter = async (version: number) =>
    (await rollups.clientRollupsAfter(ctx.db, ctx.orgId, version)).map(entryOf);
  // Inside a transaction the sets may be uncommitted: never keep those.
  if (isInTransaction(ctx)) return new ClientPopulation(await rowsAfter(-1));
  const version = await rollups.clientSetsVersion(ctx.db, ctx.orgId);
  const cached = populations.get(ctx.orgId);
  if (cached && cached.version === version) return cached.population;
  if (cached && cached.version < version) {
    const changed = await rowsAfter(cached.version);
    // Another request may have moved it on meanwhile; never move it back.
    if (cached.version < version) {
      cached.population.update(changed);
      cached.version = version;
    }
    return cached.population;
  }
  const population = new ClientPopulation(await rowsAfter(-1));
  populations.delete(ctx.orgId);
  if (populations.size >= CACHED_ORGS) populations.delete(populations.keys().next().value!);
  populations.set(ctx.orgId, { version, population });
  return population;
}

/** True when the figures can come from the rollups: they hold the whole organisation only. */
export const rollupsServe = (f: Filters) =>
  f.segment === undefined && f.managerId === undefined && f.stage === undefined;

/** The rollup rows of [from, to): organisation months, due cells, every client's month sets. */
export async function loadRollupData(
  ctx: Ctx,
  w: { from: string; to: string },
  churnAfterPeriods: number | null,
): Promise<RollupData> {
  const from = periodIndex(w.from, 'month');
  const to = periodIndex(w.to, 'month');
  const [months, due, clients, spend] = await Promise.all([
    rollups.orgMonths(ctx.db, ctx.orgId, from, to),
    rollups.dueMonths(ctx.db, ctx.orgId, from, to),
    clientPopulation(ctx),
    repo.listSpend(ctx.db, ctx.orgId, spendMonths(w)),
  ]);
  return {
    months: new Map(months.map((m) => [Number(m.month), m])),
    due,
    clients,
    spend: spend.map((s) => ({ period: s.period, amountMinor: Number(s.amount_minor) })),
    churnAfterPeriods,
  };
}
