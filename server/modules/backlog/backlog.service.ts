// Use-cases of the improvement backlog (issue 18, SPEC C10; docs/backlog.md): initiatives with
// their links (feedback, clients, cases — every id the organisation's, else 404, nothing
// written), the status machine (transitions.ts) and, on done, "you said, we did"
// (you-said-we-did.ts) in the same transaction. Reading needs data.read, changing data.write.
import { inTransaction, type Ctx } from '../../context.ts';
import type { InitiativesTable } from '../../db/types.ts';
import { AppError, notFound, unknownReference } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import { assertCan } from '../../lib/permissions.ts';
import type { InitiativeIn, InitiativePatch } from '../../../shared/api/backlog.ts';
import { findCaseInOrg } from '../cases/index.ts';
import { existingClientIds } from '../clients/index.ts';
import { findFeedbackRecords } from '../feedback/index.ts';
import { findOrgUser, recordAudit } from '../orgs/index.ts';
import { unknownStageKeys } from '../stages/index.ts';
import * as repo from './backlog.repo.ts';
import { canMove } from './transitions.ts';
import { allViews, type InitiativeView } from './views.ts';
import { onInitiativeDone } from './you-said-we-did.ts';

async function assertFeedback(ctx: Ctx, ids: readonly string[] | undefined) {
  if (!ids?.length) return;
  const found = await findFeedbackRecords(ctx, ids);
  if (found.length !== new Set(ids).size) throw unknownReference('body.feedbackIds', 'feedback');
}
async function assertClients(ctx: Ctx, ids: readonly string[] | undefined) {
  if (!ids?.length) return;
  const found = await existingClientIds(ctx, [...new Set(ids)]);
  if (found.size !== new Set(ids).size) throw unknownReference('body.clientIds', 'client');
}
async function assertCases(ctx: Ctx, ids: readonly string[] | undefined) {
  for (const id of new Set(ids ?? []))
    if (!(await findCaseInOrg(ctx, id))) throw unknownReference('body.caseIds', 'case');
}
async function assertStage(ctx: Ctx, stage: string | null | undefined) {
  if (stage && (await unknownStageKeys(ctx, [stage])).length > 0)
    throw new AppError('unknown_stage', `The organisation has no stage ${stage}`, {
      invalidParams: [{ name: 'body.stage', reason: 'not a stage key of the organisation' }],
    });
}
async function assertOwner(ctx: Ctx, ownerId: string | null | undefined) {
  if (ownerId && !(await findOrgUser(ctx, ownerId))) throw unknownReference('body.ownerId', 'user');
}

export async function listInitiativeViews(ctx: Ctx) {
  assertCan(ctx.actor, 'data.read');
  return allViews(ctx);
}

export async function getInitiativeView(ctx: Ctx, id: string): Promise<InitiativeView> {
  assertCan(ctx.actor, 'data.read');
  if (!(await repo.findInitiative(ctx.db, ctx.orgId, id))) throw notFound('Initiative');
  const { views } = await allViews(ctx);
  return views.find((v) => v.id === id)!;
}

export async function createInitiative(ctx: Ctx, input: InitiativeIn): Promise<InitiativeView> {
  assertCan(ctx.actor, 'data.write');
  const id = await inTransaction(ctx, async (tx) => {
    await assertStage(tx, input.stage);
    await assertOwner(tx, input.ownerId);
    await assertFeedback(tx, input.feedbackIds);
    await assertClients(tx, input.clientIds);
    await assertCases(tx, input.caseIds);
    const now = tx.clock.now().toISOString();
    const row: InitiativesTable = {
      id: newId(),
      org_id: tx.orgId,
      title: input.title,
      description: input.description ?? null,
      stage: input.stage ?? null,
      owner_id: input.ownerId ?? null,
      status: 'idea',
      due_date: input.dueDate ?? null,
      value: input.value ?? null,
      effort: input.effort ?? null,
      public_note: null,
      done_at: null,
      created_at: now,
      updated_at: now,
    };
    await repo.insertInitiative(tx.db, row);
    await repo.addLinks(tx.db, tx.orgId, 'initiative_feedback', row.id, input.feedbackIds ?? []);
    await repo.addLinks(tx.db, tx.orgId, 'initiative_clients', row.id, input.clientIds ?? []);
    await repo.addLinks(tx.db, tx.orgId, 'initiative_cases', row.id, input.caseIds ?? []);
    await recordAudit(tx, 'initiative.created', { type: 'initiative', id: row.id });
    return row.id;
  });
  return getInitiativeView(ctx, id);
}

export async function updateInitiative(
  ctx: Ctx,
  id: string,
  patch: InitiativePatch,
): Promise<InitiativeView> {
  assertCan(ctx.actor, 'data.write');
  await inTransaction(ctx, async (tx) => {
    const row = await repo.findInitiative(tx.db, tx.orgId, id);
    if (!row) throw notFound('Initiative');
    const status = patch.status ?? row.status;
    if (!canMove(row.status, status))
      throw new AppError(
        'invalid_transition',
        `An initiative cannot go from ${row.status} to ${status}`,
        {
          invalidParams: [{ name: 'body.status', reason: `not allowed from ${row.status}` }],
        },
      );
    await assertStage(tx, patch.stage);
    await assertOwner(tx, patch.ownerId);
    await assertClients(tx, patch.clientIds);
    await assertCases(tx, patch.caseIds);
    const becomesDone = status === 'done' && row.status !== 'done';
    const now = tx.clock.now().toISOString();
    const changes: Partial<InitiativesTable> = {
      ...(patch.title !== undefined ? { title: patch.title } : {}),
      ...(patch.description !== undefined ? { description: patch.description } : {}),
      ...(patch.stage !== undefined ? { stage: patch.stage } : {}),
      ...(patch.ownerId !== undefined ? { owner_id: patch.ownerId } : {}),
      ...(patch.dueDate !== undefined ? { due_date: patch.dueDate } : {}),
      ...(patch.value !== undefined ? { value: patch.value } : {}),
      ...(patch.effort !== undefined ? { effort: patch.effort } : {}),
      ...(patch.publicNote !== undefined ? { public_note: patch.publicNote } : {}),
      ...(patch.status !== undefined ? { status } : {}),
      ...(becomesDone ? { done_at: now } : {}),
      ...(status !== 'done' ? { done_at: null } : {}),
      updated_at: now,
    };
    await repo.updateInitiative(tx.db, tx.orgId, id, changes);
    if (patch.clientIds !== undefined)
      await repo.setLinks(tx.db, tx.orgId, 'initiative_clients', id, patch.clientIds);
    if (patch.caseIds !== undefined)
      await repo.setLinks(tx.db, tx.orgId, 'initiative_cases', id, patch.caseIds);
    const notified = becomesDone ? await onInitiativeDone(tx, { ...row, ...changes }) : 0;
    await recordAudit(
      tx,
      'initiative.updated',
      { type: 'initiative', id },
      {
        fields: Object.keys(patch),
        ...(patch.status && patch.status !== row.status ? { from: row.status, to: status } : {}),
        ...(becomesDone ? { notified } : {}),
      },
    );
  });
  return getInitiativeView(ctx, id);
}

/** Adds feedback records (the organisation's, else 404 and nothing linked). */
export async function linkFeedback(
  ctx: Ctx,
  id: string,
  feedbackIds: readonly string[],
): Promise<InitiativeView> {
  assertCan(ctx.actor, 'data.write');
  await inTransaction(ctx, async (tx) => {
    if (!(await repo.findInitiative(tx.db, tx.orgId, id))) throw notFound('Initiative');
    await assertFeedback(tx, feedbackIds);
    await repo.addLinks(tx.db, tx.orgId, 'initiative_feedback', id, feedbackIds);
    await recordAudit(
      tx,
      'initiative.feedback_linked',
      { type: 'initiative', id },
      {
        feedback: feedbackIds.length,
      },
    );
  });
  return getInitiativeView(ctx, id);
}

/** Deletes an initiative that is not done (a done one is history: 409 initiative_done). */
export async function deleteInitiative(ctx: Ctx, id: string): Promise<void> {
  assertCan(ctx.actor, 'data.write');
  await inTransaction(ctx, async (tx) => {
    const row = await repo.findInitiative(tx.db, tx.orgId, id);
    if (!row) throw notFound('Initiative');
    if (row.status === 'done')
      throw new AppError('initiative_done', 'A done initiative is kept; re-open it to delete it');
    await repo.deleteInitiative(tx.db, tx.orgId, id);
    await recordAudit(tx, 'initiative.deleted', { type: 'initiative', id });
  });
}
