// The scorecard's drill-down into the transactional layer (issue 16): the documents behind a
// stage's revenue, ARPPU and on-time share in one period, and the clients behind its retention —
// exactly what stageEconomics counts there.
import type { Ctx } from '../../context.ts';
import { assertCan } from '../../lib/permissions.ts';
import type { CountedRows, KeyPageQuery } from '../../lib/paging.ts';
import type { TransactionKind } from '../../db/types.ts';
import * as repo from './stage-records.repo.ts';

export interface StageDocument {
  id: string;
  externalId: string;
  clientId: string;
  kind: TransactionKind;
  date: string;
  /** Minor units, ≥ 0 (a refund's sign comes from its kind). */
  amountMinor: number;
  product: string | null;
  dueDate: string | null;
  paidAt: string | null;
}

/** Sales and refunds dated in [from, to), or with `due` the sales due in it; newest first. */
export async function listStageDocuments(
  ctx: Ctx,
  q: repo.StageDocumentFilter & KeyPageQuery,
): Promise<CountedRows<StageDocument>> {
  assertCan(ctx.actor, 'data.read');
  const { total, rows } = await repo.listStageDocuments(ctx.db, ctx.orgId, q);
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      externalId: r.external_id,
      clientId: r.client_id,
      kind: r.kind,
      date: r.date,
      amountMinor: Number(r.amount_minor),
      product: r.product,
      dueDate: r.due_date,
      paidAt: r.paid_at,
    })),
  };
}

export interface StageRetention {
  /** False until the next period has ended (the organisation's `today`): no clients then. */
  measured: boolean;
  clients: Array<{ clientId: string; firstSale: string; retained: boolean }>;
}

/**
 * The clients with a sale of the stage in [from, to) and whether each bought (any stage) in the
 * next period [to, nextTo), once that has ended (`nextTo` ≤ `today`).
 */
export async function listStageRetention(
  ctx: Ctx,
  q: Omit<repo.StageDocumentFilter, 'due'> & { nextTo: string; today: string },
): Promise<StageRetention> {
  assertCan(ctx.actor, 'data.read');
  if (q.nextTo > q.today) return { measured: false, clients: [] };
  const paying = await repo.stagePayingClients(ctx.db, ctx.orgId, q);
  const again = await repo.buyersAmong(
    ctx.db,
    ctx.orgId,
    paying.map((p) => p.clientId),
    { from: q.to, to: q.nextTo },
  );
  return {
    measured: true,
    clients: paying.map((p) => ({ ...p, retained: again.has(p.clientId) })),
  };
}
