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

type ClientSet = { saleMonths: string; feedbackMonths: string };
/** The client sets last read per organisation, by client, with the version they were read at. */
const setsCache = new Map<string, { version: number; sets: Map<string, ClientSet> }>();
const CACHED_ORGS = 64;

/** A map's values as an iterable that can be walked more than once (levers walk it twice). */
const values = <T>(map: ReadonlyMap<string, T>): Iterable<T> => ({
  [Symbol.iterator]: () => map.values(),
});

const setOf = (r: { sale_months: string; feedback_months: string }): ClientSet => ({
  saleMonths: r.sale_months,
  feedbackMonths: r.feedback_months,
});

/**
 * Every client's month sets: from memory when the organisation's version has not moved since
 * they were read (one tiny query instead of one row per client); after a change, only the rows
 * stamped with a newer version are read and laid over the ones in memory (migration 0017). The
 * version is read first, so the sets are never older than it; a row read twice is harmless.
 * (No path deletes a client today; one that does must rebuild the rollups, ADR 011.)
 */
async function clientSets(ctx: Ctx): Promise<Iterable<ClientSet>> {
  const readAll = async () =>
    new Map(
      (await rollups.clientRollupsAfter(ctx.db, ctx.orgId, -1)).map((r) => [r.client_id, setOf(r)]),
    );
  // Inside a transaction the sets may be uncommitted: never cache those.
  if (isInTransaction(ctx)) return values(await readAll());
  const version = await rollups.clientSetsVersion(ctx.db, ctx.orgId);
  const cached = setsCache.get(ctx.orgId);
  if (cached && cached.version === version) return values(cached.sets);
  let sets: Map<string, ClientSet>;
  if (cached && cached.version < version) {
    // A copy: a request still walking the older sets keeps seeing them unchanged.
    sets = new Map(cached.sets);
    for (const r of await rollups.clientRollupsAfter(ctx.db, ctx.orgId, cached.version))
      sets.set(r.client_id, setOf(r));
  } else sets = await readAll();
  setsCache.delete(ctx.orgId);
  if (setsCache.size >= CACHED_ORGS) setsCache.delete(setsCache.keys().next().value!);
  setsCache.set(ctx.orgId, { version, sets });
  return values(sets);
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
    clientSets(ctx),
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
