// The matrix (issue 17): GET /api/v1/portfolio reads the stored current scores (portfolio_scores,
// refreshed by the worker every 10 minutes, on demand and when the weights change) — the counts
// and revenue per cell are one grouped query, the clients a page — or, with asOf, scores every
// client live as of that day (the slow path; docs/portfolio.md).
import type { Ctx } from '../../context.ts';
import { inTransaction } from '../../context.ts';
import { AppError, unknownReference } from '../../http/errors.ts';
import { fromMinorUnits } from '../../lib/money.ts';
import { assertCan } from '../../lib/permissions.ts';
import type {
  PortfolioClientOut,
  PortfolioOut,
  PortfolioQuery,
} from '../../../shared/api/portfolio.ts';
import { PORTFOLIO_LEVELS, type PortfolioLevel } from '../../../shared/domain/vocabulary.ts';
import { clientNames } from '../clients/index.ts';
import { findOrgUser } from '../orgs/index.ts';
import {
  breakdownOf,
  computeScores,
  packBreakdown,
  unpackBreakdown,
  type Scored,
} from './compute.ts';
import { todayOf } from './facts.ts';
import * as repo from './portfolio.repo.ts';
import { cellKey, strategiesOf } from './strategies.ts';
import { storedTotalsFor, storedTotalsOf, totalsOf, type StoredTotals } from './totals.ts';
import { weightsOf } from './weights.ts';

/** Recomputes and stores the organisation's current scores as of today. */
export async function refreshScores(ctx: Ctx): Promise<{ computedAt: string; clients: number }> {
  assertCan(ctx.actor, 'data.read');
  const asOf = await todayOf(ctx);
  const scored = await computeScores(ctx, asOf, await weightsOf(ctx));
  const computedAt = ctx.clock.now().toISOString();
  await inTransaction(ctx, async (tx) => {
    await repo.replaceScores(
      tx.db,
      tx.orgId,
      scored.map((s) => ({
        org_id: tx.orgId,
        client_id: s.clientId,
        segment: s.segment,
        manager_id: s.managerId,
        revenue_minor: s.revenueMinor,
        attractiveness: s.attractiveness,
        relationship: s.relationship,
        cell_a: s.cellA,
        cell_r: s.cellR,
        breakdown: packBreakdown(s.raw, s.pct),
      })),
    );
    await repo.upsertSettings(tx.db, tx.orgId, {
      computed_at: computedAt,
      scores_as_of: asOf,
      totals: JSON.stringify(storedTotalsOf(scored)),
      updated_at: computedAt,
    });
  });
  return { computedAt, clients: scored.length };
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
/** YYYY-MM-DD naming a real day (Date.parse alone takes 2026-02-30 for 2 March). */
function isCalendarDay(d: string): boolean {
  const t = DATE_RE.test(d) ? Date.parse(`${d}T00:00:00Z`) : NaN;
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
}
const badQuery = (name: string, reason: string) =>
  new AppError('validation_failed', `query.${name}: ${reason}`, {
    invalidParams: [{ name: `query.${name}`, reason }],
  });

function offsetOf(cursor: string | undefined): number {
  if (!cursor) return 0;
  const m = /^o:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m) throw badQuery('cursor', 'not a cursor from a previous page');
  return Number(m[1]);
}
const cursorAt = (offset: number) => Buffer.from(`o:${offset}`).toString('base64url');

interface Row {
  clientId: string;
  revenueMinor: number;
  attractiveness: number;
  relationship: number;
  cellA: PortfolioLevel;
  cellR: PortfolioLevel;
  raw: Scored['raw'];
  pct: Scored['pct'];
}

export async function getPortfolio(ctx: Ctx, q: PortfolioQuery): Promise<PortfolioOut> {
  assertCan(ctx.actor, 'data.read');
  if (q.managerId !== undefined && !(await findOrgUser(ctx, q.managerId)))
    throw unknownReference('query.managerId', 'user');
  const today = await todayOf(ctx);
  if (q.asOf !== undefined && !isCalendarDay(q.asOf))
    throw badQuery('asOf', 'a calendar date YYYY-MM-DD');
  if (q.asOf !== undefined && q.asOf > today) throw badQuery('asOf', 'must not be in the future');
  const offset = offsetOf(q.cursor);
  const weights = await weightsOf(ctx);
  const filter = {
    segment: q.segment,
    managerId: q.managerId,
    cellA: q.attractiveness,
    cellR: q.relationship,
  };
  const page =
    q.asOf === undefined
      ? await storedPage(ctx, filter, offset, q.limit)
      : livePage(await computeScores(ctx, q.asOf, weights), filter, offset, q.limit, q.asOf, ctx);
  const names = await clientNames(
    ctx,
    page.rows.map((r) => r.clientId),
  );
  const strategies = new Map(
    (await strategiesOf(ctx)).map((s) => [cellKey(s.attractiveness, s.relationship), s]),
  );
  const totals = new Map(page.totals.map((t) => [cellKey(t.cellA, t.cellR), t]));
  const clients: PortfolioClientOut[] = page.rows.map((r) => {
    const s = strategies.get(cellKey(r.cellA, r.cellR))!;
    return {
      clientId: r.clientId,
      name: names.get(r.clientId) ?? '',
      attractiveness: r.attractiveness,
      relationship: r.relationship,
      cell: { attractiveness: r.cellA, relationship: r.cellR },
      strategy: { textRu: s.textRu, textEn: s.textEn },
      revenue: fromMinorUnits(r.revenueMinor),
      breakdown: breakdownOf(r.raw, r.pct, weights),
    };
  });
  const matching = page.totals
    .filter(
      (t) =>
        (!q.attractiveness || t.cellA === q.attractiveness) &&
        (!q.relationship || t.cellR === q.relationship),
    )
    .reduce((s, t) => s + t.clients, 0);
  return {
    asOf: page.asOf,
    computedAt: page.computedAt,
    total: matching,
    clients,
    nextCursor: offset + clients.length < matching ? cursorAt(offset + clients.length) : null,
    cells: PORTFOLIO_LEVELS.flatMap((a) =>
      PORTFOLIO_LEVELS.map((r) => {
        const t = totals.get(cellKey(a, r));
        return {
          attractiveness: a,
          relationship: r,
          clients: t?.clients ?? 0,
          revenue: fromMinorUnits(t?.revenueMinor ?? 0),
        };
      }),
    ),
  };
}

async function storedPage(ctx: Ctx, filter: repo.ScoreFilter, offset: number, limit: number) {
  let settings = await repo.findSettings(ctx.db, ctx.orgId);
  if (!settings?.computed_at) {
    await refreshScores(ctx);
    settings = await repo.findSettings(ctx.db, ctx.orgId);
  }
  const stored = settings!.totals
    ? storedTotalsFor(JSON.parse(settings!.totals) as StoredTotals, filter)
    : undefined;
  const totals = stored ?? (await repo.cellTotals(ctx.db, ctx.orgId, filter));
  const rows = await repo.scorePage(ctx.db, ctx.orgId, filter, offset, limit);
  return {
    asOf: settings!.scores_as_of!,
    computedAt: settings!.computed_at!,
    totals,
    rows: rows.map((r): Row => ({
      clientId: r.client_id,
      revenueMinor: Number(r.revenue_minor),
      attractiveness: Number(r.attractiveness),
      relationship: Number(r.relationship),
      cellA: r.cell_a,
      cellR: r.cell_r,
      ...unpackBreakdown(r.breakdown),
    })),
  };
}

function livePage(
  scored: Scored[],
  f: repo.ScoreFilter,
  offset: number,
  limit: number,
  asOf: string,
  ctx: Ctx,
) {
  const inFilter = scored.filter(
    (s) =>
      (f.segment === undefined || s.segment === f.segment) &&
      (f.managerId === undefined || s.managerId === f.managerId),
  );
  const rows = inFilter
    .filter((s) => (!f.cellA || s.cellA === f.cellA) && (!f.cellR || s.cellR === f.cellR))
    .sort(
      (a, b) =>
        b.attractiveness - a.attractiveness ||
        b.relationship - a.relationship ||
        (a.clientId < b.clientId ? 1 : -1),
    )
    .slice(offset, offset + limit);
  return { asOf, computedAt: ctx.clock.now().toISOString(), totals: totalsOf(inFilter), rows };
}
