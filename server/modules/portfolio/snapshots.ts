// Period snapshots (issue 17): each client's scores and cell as of a closed period's last day,
// taken by the worker when a month or quarter closes and on demand; idempotent per period (a
// second request returns the stored one). Moves: the clients in both snapshots whose cell differs.
import type { Ctx } from '../../context.ts';
import type { PortfolioSnapshotRowsTable } from '../../db/types.ts';
import { inTransaction } from '../../context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { assertCan } from '../../lib/permissions.ts';
import type { MovesOut, SnapshotOut } from '../../../shared/api/portfolio.ts';
import { clientNames } from '../clients/index.ts';
import { recordAudit } from '../orgs/index.ts';
import { computeScores } from './compute.ts';
import { todayOf } from './facts.ts';
import { lastClosedPeriods, periodOf } from './periods.ts';
import * as repo from './portfolio.repo.ts';
import { weightsOf } from './weights.ts';

const unprocessable = (name: string, reason: string) =>
  new AppError('unprocessable', `${name}: ${reason}`, { invalidParams: [{ name, reason }] });

/** Takes the period's snapshot unless it exists (default: the last closed quarter). */
export async function takeSnapshot(ctx: Ctx, label?: string): Promise<SnapshotOut> {
  assertCan(ctx.actor, 'data.write');
  const today = await todayOf(ctx);
  const period = periodOf(label ?? lastClosedPeriods(today).quarter);
  if (!period) throw unprocessable('body.period', 'a quarter 2026-Q2 or a month 2026-05');
  if (period.nextDay > today) throw unprocessable('body.period', 'the period has not closed yet');
  const stored = await repo.findSnapshot(ctx.db, ctx.orgId, period.label);
  if (stored) return { ...presentHead(stored), created: false };
  const scored = await computeScores(ctx, period.asOf, await weightsOf(ctx));
  const head = {
    org_id: ctx.orgId,
    period: period.label,
    as_of: period.asOf,
    taken_at: ctx.clock.now().toISOString(),
    clients: scored.length,
  };
  const created = await inTransaction(ctx, async (tx) => {
    const fresh = await repo.insertSnapshot(
      tx.db,
      head,
      scored.map((s) => ({
        org_id: tx.orgId,
        period: period.label,
        client_id: s.clientId,
        revenue_minor: s.revenueMinor,
        attractiveness: s.attractiveness,
        relationship: s.relationship,
        cell_a: s.cellA,
        cell_r: s.cellR,
      })),
    );
    if (fresh)
      await recordAudit(tx, 'portfolio.snapshot_taken', undefined, { period: period.label });
    return fresh;
  });
  // Another request took it meanwhile: answer with the one stored.
  if (!created)
    return {
      ...presentHead((await repo.findSnapshot(ctx.db, ctx.orgId, period.label))!),
      created: false,
    };
  return { ...presentHead(head), created: true };
}

const presentHead = (h: { period: string; as_of: string; taken_at: string; clients: number }) => ({
  period: h.period,
  asOf: h.as_of,
  takenAt: h.taken_at,
  clients: Number(h.clients),
});

export async function listSnapshots(ctx: Ctx) {
  assertCan(ctx.actor, 'data.read');
  return { snapshots: (await repo.listSnapshots(ctx.db, ctx.orgId)).map(presentHead) };
}

export async function getMoves(ctx: Ctx, q: { from: string; to: string }): Promise<MovesOut> {
  assertCan(ctx.actor, 'data.read');
  const [from, to] = await Promise.all([
    repo.findSnapshot(ctx.db, ctx.orgId, q.from),
    repo.findSnapshot(ctx.db, ctx.orgId, q.to),
  ]);
  if (!from) throw notFound(`The snapshot of ${q.from}`);
  if (!to) throw notFound(`The snapshot of ${q.to}`);
  const before = new Map(
    (await repo.snapshotRows(ctx.db, ctx.orgId, q.from)).map((r) => [r.client_id, r]),
  );
  const place = (r: PortfolioSnapshotRowsTable) => ({
    attractiveness: Number(r.attractiveness),
    relationship: Number(r.relationship),
    cell: { attractiveness: r.cell_a, relationship: r.cell_r },
  });
  const rowsTo = await repo.snapshotRows(ctx.db, ctx.orgId, q.to);
  const moved = rowsTo.filter((r) => {
    const b = before.get(r.client_id);
    return b !== undefined && (b.cell_a !== r.cell_a || b.cell_r !== r.cell_r);
  });
  const names = await clientNames(
    ctx,
    moved.map((r) => r.client_id),
  );
  const moves = moved
    .map((r) => ({
      clientId: r.client_id,
      name: names.get(r.client_id) ?? '',
      from: place(before.get(r.client_id)!),
      to: place(r),
    }))
    .sort((a, b) => a.name.localeCompare(b.name) || (a.clientId < b.clientId ? -1 : 1));
  return { from: q.from, to: q.to, moves };
}
