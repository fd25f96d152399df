// Use-cases of opportunities (issue 17, SPEC C6): CRUD on the client card, the stage machine
// (transitions.ts), and the transactions that realised a won one — the same client's, checked
// here: another organisation's or no transaction → 404, another client's → 422.
import { inTransaction, type Ctx } from '../../context.ts';
import type { OpportunitiesTable } from '../../db/types.ts';
import { AppError, notFound, unknownReference } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import { toMinorUnits } from '../../lib/money.ts';
import { assertCan } from '../../lib/permissions.ts';
import type { OpportunityIn, OpportunityPatch } from '../../../shared/api/opportunities.ts';
import { findClient } from '../clients/index.ts';
import { baseCurrencyOf, getTransaction } from '../economics/index.ts';
import { findOrgUser, recordAudit } from '../orgs/index.ts';
import * as repo from './opportunities.repo.ts';
import { canMove } from './transitions.ts';

export interface OpportunityView extends OpportunitiesTable {
  transactionIds: string[];
}

function minorOf(value: number | null | undefined): number | null | undefined {
  if (value === undefined || value === null) return value;
  const minor = toMinorUnits(value);
  if (typeof minor === 'string')
    throw new AppError('validation_failed', `value ${minor}`, {
      invalidParams: [{ name: 'body.value', reason: minor }],
    });
  return minor;
}

async function assertOwner(ctx: Ctx, ownerId: string | null | undefined): Promise<void> {
  if (ownerId && !(await findOrgUser(ctx, ownerId))) throw unknownReference('body.ownerId', 'user');
}

async function withLinks(ctx: Ctx, rows: OpportunitiesTable[]): Promise<OpportunityView[]> {
  const links = await repo.linkedTransactions(
    ctx.db,
    ctx.orgId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, transactionIds: links.get(r.id) ?? [] }));
}

async function getRow(ctx: Ctx, id: string): Promise<OpportunitiesTable> {
  const row = await repo.findOpportunity(ctx.db, ctx.orgId, id);
  if (!row) throw notFound('Opportunity');
  return row;
}

export async function listOpportunities(ctx: Ctx, clientId: string): Promise<OpportunityView[]> {
  assertCan(ctx.actor, 'data.read');
  if (!(await findClient(ctx, clientId))) throw notFound('Client');
  return withLinks(ctx, await repo.listOpportunitiesOf(ctx.db, ctx.orgId, clientId));
}

export async function getOpportunity(ctx: Ctx, id: string): Promise<OpportunityView> {
  assertCan(ctx.actor, 'data.read');
  const [view] = await withLinks(ctx, [await getRow(ctx, id)]);
  return view!;
}

export async function addOpportunity(
  ctx: Ctx,
  clientId: string,
  input: OpportunityIn,
): Promise<OpportunityView> {
  assertCan(ctx.actor, 'data.write');
  return inTransaction(ctx, async (tx) => {
    if (!(await findClient(tx, clientId))) throw notFound('Client');
    await assertOwner(tx, input.ownerId);
    const now = tx.clock.now().toISOString();
    const row: OpportunitiesTable = {
      id: newId(),
      org_id: tx.orgId,
      client_id: clientId,
      product: input.product,
      value_minor: minorOf(input.value) ?? null,
      currency: input.currency ?? (await baseCurrencyOf(tx)),
      sales_stage: input.stage,
      owner_id: input.ownerId ?? null,
      due_date: input.dueDate ?? null,
      note: input.note ?? null,
      created_at: now,
      updated_at: now,
    };
    await repo.insertOpportunity(tx.db, row);
    await recordAudit(tx, 'opportunity.created', { type: 'opportunity', id: row.id });
    return { ...row, transactionIds: [] };
  });
}

/** Every id must be a transaction of the organisation (else 404) and of the client (else 422). */
async function assertClientTransactions(ctx: Ctx, clientId: string, ids: readonly string[]) {
  for (const id of new Set(ids)) {
    const t = await getTransaction(ctx, id).catch((e: unknown) => {
      if (e instanceof AppError && e.code === 'not_found')
        throw unknownReference('body.transactionIds', 'transaction');
      throw e;
    });
    if (t.client_id !== clientId)
      throw new AppError(
        'transaction_not_of_client',
        'A won opportunity links only transactions of its own client',
        { invalidParams: [{ name: 'body.transactionIds', reason: `${id}: another client's` }] },
      );
  }
}

export async function updateOpportunity(
  ctx: Ctx,
  id: string,
  patch: OpportunityPatch,
): Promise<OpportunityView> {
  assertCan(ctx.actor, 'data.write');
  return inTransaction(ctx, async (tx) => {
    const row = await getRow(tx, id);
    const stage = patch.stage ?? row.sales_stage;
    if (!canMove(row.sales_stage, stage))
      throw new AppError(
        'invalid_transition',
        `An opportunity cannot go from ${row.sales_stage} to ${stage}`,
        {
          invalidParams: [{ name: 'body.stage', reason: `not allowed from ${row.sales_stage}` }],
        },
      );
    await assertOwner(tx, patch.ownerId);
    if (patch.transactionIds !== undefined) {
      await assertClientTransactions(tx, row.client_id, patch.transactionIds);
      if (stage !== 'won' && patch.transactionIds.length > 0)
        throw new AppError('transactions_need_won', 'Only a won opportunity links transactions', {
          invalidParams: [{ name: 'body.transactionIds', reason: 'the opportunity is not won' }],
        });
    }
    const value = minorOf(patch.value);
    await repo.updateOpportunity(tx.db, tx.orgId, id, {
      ...(patch.product !== undefined ? { product: patch.product } : {}),
      ...(value !== undefined ? { value_minor: value } : {}),
      ...(patch.currency !== undefined ? { currency: patch.currency } : {}),
      ...(patch.stage !== undefined ? { sales_stage: patch.stage } : {}),
      ...(patch.ownerId !== undefined ? { owner_id: patch.ownerId } : {}),
      ...(patch.dueDate !== undefined ? { due_date: patch.dueDate } : {}),
      ...(patch.note !== undefined ? { note: patch.note } : {}),
      updated_at: tx.clock.now().toISOString(),
    });
    // Leaving won (it cannot today) or staying below it keeps no links.
    if (patch.transactionIds !== undefined)
      await repo.setLinkedTransactions(tx.db, tx.orgId, id, patch.transactionIds);
    await recordAudit(
      tx,
      'opportunity.updated',
      { type: 'opportunity', id },
      { fields: Object.keys(patch), ...(patch.stage ? { from: row.sales_stage, to: stage } : {}) },
    );
    return getOpportunity(tx, id);
  });
}

export async function deleteOpportunity(ctx: Ctx, id: string): Promise<void> {
  assertCan(ctx.actor, 'data.write');
  await inTransaction(ctx, async (tx) => {
    if ((await repo.deleteOpportunity(tx.db, tx.orgId, id)) === 0) throw notFound('Opportunity');
    await recordAudit(tx, 'opportunity.deleted', { type: 'opportunity', id });
  });
}

/** Products on the client's open or won opportunities: not suggested again. */
export async function plannedProducts(ctx: Ctx, clientId: string): Promise<string[]> {
  const rows = await repo.listOpportunitiesOf(ctx.db, ctx.orgId, clientId);
  return rows.filter((r) => r.sales_stage !== 'lost').map((r) => r.product);
}
