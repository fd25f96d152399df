// Journey stages: the registry per organisation (key, names, order, owner, targets), and the merge
// of two stages, which rewrites every record's key through the stagesMerged hook in one
// transaction. Targets are a child table (stage_targets): one row per stage and metric key.
import { inTransaction, type Ctx } from '../../context.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import type { StagesTable, StageTargetsTable } from '../../db/types.ts';
import { AppError, unknownReference } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import { assertCan } from '../../lib/permissions.ts';
import { stageKeyProblem, type StageTarget } from '../../../shared/api/stages.ts';
import { findOrgUser, recordAudit } from '../orgs/index.ts';
import { stageDeleting, stagesMerged } from './stage-events.ts';
import * as repo from './stages.repo.ts';

export interface StageWithTargets {
  stage: StagesTable;
  targets: StageTargetsTable[];
}

export interface StageInput {
  key: string;
  nameRu?: string;
  nameEn?: string;
  position?: number;
  ownerId?: string | null;
  targets?: StageTarget[];
}

export interface StagePatch {
  nameRu?: string;
  nameEn?: string;
  position?: number;
  ownerId?: string | null;
}

const keyTaken = (key: string) =>
  new AppError('stage_key_taken', `A stage with the key «${key}» already exists`);

/** The owner must be a person of the organisation: another organisation's id is a 404. */
async function assertOwner(tx: Ctx, ownerId: string | null | undefined): Promise<void> {
  if (ownerId && !(await findOrgUser(tx, ownerId))) throw unknownReference('body.ownerId', 'user');
}

function assertTargets(targets: readonly StageTarget[] | undefined): void {
  const seen = new Set<string>();
  targets?.forEach((t, i) => {
    if (seen.has(t.metric))
      throw new AppError('unprocessable', `The metric ${t.metric} has two targets`, {
        invalidParams: [{ name: `body.targets.${i}.metric`, reason: 'named twice' }],
      });
    seen.add(t.metric);
  });
}

function targetRows(tx: Ctx, stageId: string, targets: readonly StageTarget[]) {
  const at = tx.clock.now().toISOString();
  return targets.map((t): StageTargetsTable => ({
    stage_id: stageId,
    org_id: tx.orgId,
    metric: t.metric,
    target: t.target,
    direction: t.direction,
    updated_at: at,
  }));
}

async function withTargets(ctx: Ctx, stage: StagesTable): Promise<StageWithTargets> {
  return { stage, targets: await repo.listTargets(ctx.db, ctx.orgId, [stage.id]) };
}

export async function listStages(ctx: Ctx): Promise<StageWithTargets[]> {
  assertCan(ctx.actor, 'data.read');
  const stages = await repo.listStages(ctx.db, ctx.orgId);
  const targets = await repo.listTargets(
    ctx.db,
    ctx.orgId,
    stages.map((s) => s.id),
  );
  return stages.map((stage) => ({
    stage,
    targets: targets.filter((t) => t.stage_id === stage.id),
  }));
}

export async function getStage(ctx: Ctx, id: string): Promise<StageWithTargets> {
  assertCan(ctx.actor, 'data.read');
  return withTargets(ctx, await repo.getStage(ctx.db, ctx.orgId, id));
}

export async function createStage(ctx: Ctx, input: StageInput): Promise<StageWithTargets> {
  assertCan(ctx.actor, 'org.manage');
  const problem = stageKeyProblem(input.key);
  if (problem)
    throw new AppError('unprocessable', 'The stage key is not valid', {
      invalidParams: [{ name: 'body.key', reason: problem }],
    });
  assertTargets(input.targets);
  try {
    return await inTransaction(ctx, async (tx) => {
      await assertOwner(tx, input.ownerId);
      if (await repo.findStageByKey(tx.db, tx.orgId, input.key)) throw keyTaken(input.key);
      const now = tx.clock.now();
      const row: StagesTable = {
        id: newId(now.getTime()),
        org_id: tx.orgId,
        key: input.key,
        name_ru: input.nameRu ?? input.key,
        name_en: input.nameEn ?? input.nameRu ?? input.key,
        position: input.position ?? (await repo.maxPosition(tx.db, tx.orgId)) + 1,
        owner_user_id: input.ownerId ?? null,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      };
      await repo.insertStage(tx.db, row);
      await repo.replaceTargets(
        tx.db,
        tx.orgId,
        row.id,
        targetRows(tx, row.id, input.targets ?? []),
      );
      await recordAudit(tx, 'stage.created', { type: 'stage', id: row.id }, { key: row.key });
      return withTargets(tx, row);
    });
  } catch (err) {
    // Created by a concurrent request between the check and the insert.
    if (isUniqueViolation(err)) throw keyTaken(input.key);
    throw err;
  }
}

export async function updateStage(
  ctx: Ctx,
  id: string,
  patch: StagePatch,
): Promise<StageWithTargets> {
  assertCan(ctx.actor, 'org.manage');
  return inTransaction(ctx, async (tx) => {
    const current = await repo.getStage(tx.db, tx.orgId, id);
    await assertOwner(tx, patch.ownerId);
    const set: Partial<StagesTable> = {
      updated_at: tx.clock.now().toISOString(),
      ...(patch.nameRu !== undefined ? { name_ru: patch.nameRu } : {}),
      ...(patch.nameEn !== undefined ? { name_en: patch.nameEn } : {}),
      ...(patch.position !== undefined ? { position: patch.position } : {}),
      ...(patch.ownerId !== undefined ? { owner_user_id: patch.ownerId } : {}),
    };
    await repo.updateStage(tx.db, tx.orgId, id, set);
    await recordAudit(tx, 'stage.updated', { type: 'stage', id }, { fields: Object.keys(patch) });
    return withTargets(tx, { ...current, ...set });
  });
}

export async function putTargets(
  ctx: Ctx,
  id: string,
  targets: StageTarget[],
): Promise<StageWithTargets> {
  assertCan(ctx.actor, 'org.manage');
  assertTargets(targets);
  return inTransaction(ctx, async (tx) => {
    const stage = await repo.getStage(tx.db, tx.orgId, id);
    await repo.replaceTargets(tx.db, tx.orgId, id, targetRows(tx, id, targets));
    await repo.updateStage(tx.db, tx.orgId, id, { updated_at: tx.clock.now().toISOString() });
    await recordAudit(
      tx,
      'stage.targets_set',
      { type: 'stage', id },
      { metrics: targets.map((t) => t.metric) },
    );
    return withTargets(tx, stage);
  });
}

/** Deletes a stage no record carries (409 stage_in_use otherwise: merge it instead). */
export async function deleteStage(ctx: Ctx, id: string): Promise<void> {
  assertCan(ctx.actor, 'org.manage');
  await inTransaction(ctx, async (tx) => {
    const stage = await repo.getStage(tx.db, tx.orgId, id);
    await stageDeleting.emit(tx, { key: stage.key });
    await repo.deleteStage(tx.db, tx.orgId, id);
    await recordAudit(tx, 'stage.deleted', { type: 'stage', id }, { key: stage.key });
  });
}

/**
 * Merges stage `id` into `intoId`: every record with the source's key gets the target's key
 * (each module rewrites its own rows through stagesMerged, in this transaction), the source and
 * its targets are deleted; the target keeps its names, owner and targets.
 */
export async function mergeStages(ctx: Ctx, id: string, intoId: string): Promise<StageWithTargets> {
  assertCan(ctx.actor, 'org.manage');
  if (id === intoId)
    throw new AppError('unprocessable', 'A stage cannot be merged into itself', {
      invalidParams: [{ name: 'body.intoId', reason: 'the stage being merged' }],
    });
  return inTransaction(ctx, async (tx) => {
    const from = await repo.getStage(tx.db, tx.orgId, id);
    const into = await repo.findStage(tx.db, tx.orgId, intoId);
    if (!into) throw unknownReference('body.intoId', 'stage');
    await stagesMerged.emit(tx, { fromKey: from.key, intoKey: into.key });
    await repo.deleteStage(tx.db, tx.orgId, from.id);
    await repo.updateStage(tx.db, tx.orgId, into.id, { updated_at: tx.clock.now().toISOString() });
    await recordAudit(
      tx,
      'stage.merged',
      { type: 'stage', id: into.id },
      { fromKey: from.key, intoKey: into.key },
    );
    return withTargets(tx, into);
  });
}
