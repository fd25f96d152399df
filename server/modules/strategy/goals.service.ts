// Use-cases of strategic goals, their cause → effect arrows and the items under them (issue 18).
// Everyone who reads data reads the map; only admins change it (org.manage).
import { inTransaction, type Ctx } from '../../context.ts';
import type { StrategyGoalsTable } from '../../db/types.ts';
import { AppError, notFound, unknownReference } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import { assertCan } from '../../lib/permissions.ts';
import type { GoalIn, GoalPatch } from '../../../shared/api/strategy.ts';
import type { StrategyItemKind } from '../../../shared/domain/vocabulary.ts';
import { findEmployeeOf } from '../employees/index.ts';
import { findOrgUser, recordAudit } from '../orgs/index.ts';
import { sourceOf } from './item-sources.ts';
import * as repo from './strategy.repo.ts';

/** Changing the map is an admin's work. */
export const assertEditor = (ctx: Ctx) => assertCan(ctx.actor, 'org.manage');

export async function goalRow(ctx: Ctx, id: string): Promise<StrategyGoalsTable> {
  const row = await repo.findGoal(ctx.db, ctx.orgId, id);
  if (!row) throw notFound('Goal');
  return row;
}

/** The owner columns a body sets: one owner, a user (ownerId) or an employee (employeeId). */
async function ownerColumns(ctx: Ctx, input: Pick<GoalPatch, 'ownerId' | 'employeeId'>) {
  const { ownerId, employeeId } = input;
  if (ownerId && employeeId)
    throw new AppError('validation_failed', 'A goal has one owner: a user or an employee', {
      invalidParams: [{ name: 'body.employeeId', reason: 'ownerId or employeeId, not both' }],
    });
  if (employeeId && !(await findEmployeeOf(ctx, employeeId)))
    throw unknownReference('body.employeeId', 'employee');
  if (ownerId && !(await findOrgUser(ctx, ownerId))) throw unknownReference('body.ownerId', 'user');
  if (ownerId) return { owner_user_id: ownerId, owner_employee_id: null };
  if (employeeId) return { owner_employee_id: employeeId, owner_user_id: null };
  return {
    ...(ownerId === null ? { owner_user_id: null } : {}),
    ...(employeeId === null ? { owner_employee_id: null } : {}),
  };
}

export async function createGoal(ctx: Ctx, input: GoalIn): Promise<StrategyGoalsTable> {
  assertEditor(ctx);
  return inTransaction(ctx, async (tx) => {
    const now = tx.clock.now().toISOString();
    const row: StrategyGoalsTable = {
      id: newId(),
      org_id: tx.orgId,
      perspective: input.perspective,
      title: input.title,
      description: input.description ?? null,
      owner_employee_id: null,
      owner_user_id: null,
      ...(await ownerColumns(tx, input)),
      due_date: input.dueDate ?? null,
      created_at: now,
      updated_at: now,
    };
    await repo.insertGoal(tx.db, row);
    await recordAudit(tx, 'strategy.goal_created', { type: 'strategy_goal', id: row.id });
    return row;
  });
}

export async function getGoal(ctx: Ctx, id: string): Promise<StrategyGoalsTable> {
  assertCan(ctx.actor, 'data.read');
  return goalRow(ctx, id);
}

export async function updateGoal(ctx: Ctx, id: string, patch: GoalPatch) {
  assertEditor(ctx);
  return inTransaction(ctx, async (tx) => {
    await goalRow(tx, id);
    await repo.updateGoal(tx.db, tx.orgId, id, {
      ...(patch.perspective !== undefined ? { perspective: patch.perspective } : {}),
      ...(patch.title !== undefined ? { title: patch.title } : {}),
      ...(patch.description !== undefined ? { description: patch.description } : {}),
      ...(patch.dueDate !== undefined ? { due_date: patch.dueDate } : {}),
      ...(await ownerColumns(tx, patch)),
      updated_at: tx.clock.now().toISOString(),
    });
    await recordAudit(
      tx,
      'strategy.goal_updated',
      { type: 'strategy_goal', id },
      {
        fields: Object.keys(patch),
      },
    );
    return goalRow(tx, id);
  });
}

export async function deleteGoal(ctx: Ctx, id: string): Promise<void> {
  assertEditor(ctx);
  await inTransaction(ctx, async (tx) => {
    if ((await repo.deleteGoal(tx.db, tx.orgId, id)) === 0) throw notFound('Goal');
    await recordAudit(tx, 'strategy.goal_deleted', { type: 'strategy_goal', id });
  });
}

const invalidArrow = (reason: string) =>
  new AppError('invalid_arrow', `The arrow is not valid: ${reason}`, {
    invalidParams: [{ name: 'path.effectId', reason }],
  });

/** True when `to` can be reached from `from` along the arrows. */
function reaches(
  arrows: { cause_goal_id: string; effect_goal_id: string }[],
  from: string,
  to: string,
) {
  const next = new Map<string, string[]>();
  for (const a of arrows)
    next.set(a.cause_goal_id, [...(next.get(a.cause_goal_id) ?? []), a.effect_goal_id]);
  const seen = new Set([from]);
  const stack = [from];
  while (stack.length > 0) {
    const at = stack.pop()!;
    if (at === to) return true;
    for (const n of next.get(at) ?? []) if (!seen.has(n)) (seen.add(n), stack.push(n));
  }
  return false;
}

/**
 * cause → effect. Both goals of the organisation (else 404); not a goal to itself, not closing a
 * cycle (422 invalid_arrow); an arrow already drawn is 409 conflict.
 */
export async function addArrow(ctx: Ctx, cause: string, effect: string): Promise<boolean> {
  assertEditor(ctx);
  return inTransaction(ctx, async (tx) => {
    await goalRow(tx, cause);
    await goalRow(tx, effect);
    if (cause === effect) throw invalidArrow('a goal cannot cause itself');
    const arrows = await repo.listArrows(tx.db, tx.orgId);
    if (arrows.some((a) => a.cause_goal_id === cause && a.effect_goal_id === effect))
      throw new AppError('conflict', 'This arrow is already drawn');
    if (reaches(arrows, effect, cause)) throw invalidArrow('it would close a cycle');
    await repo.insertArrow(tx.db, tx.orgId, cause, effect, tx.clock.now().toISOString());
    await recordAudit(tx, 'strategy.arrow_added', { type: 'strategy_goal', id: cause }, { effect });
    return true;
  });
}

export async function removeArrow(ctx: Ctx, cause: string, effect: string): Promise<void> {
  assertEditor(ctx);
  await inTransaction(ctx, async (tx) => {
    await goalRow(tx, cause);
    await goalRow(tx, effect);
    if ((await repo.deleteArrow(tx.db, tx.orgId, cause, effect)) === 0) throw notFound('Arrow');
    await recordAudit(
      tx,
      'strategy.arrow_removed',
      { type: 'strategy_goal', id: cause },
      { effect },
    );
  });
}

/** Links an initiative or training item; an item its module does not know here is a 404. */
export async function linkItem(ctx: Ctx, goalId: string, kind: StrategyItemKind, itemId: string) {
  assertEditor(ctx);
  await inTransaction(ctx, async (tx) => {
    await goalRow(tx, goalId);
    const source = sourceOf(kind);
    if (source && !(await source.lookup(tx, [itemId])).has(itemId))
      throw notFound(kind === 'initiative' ? 'Initiative' : 'Training item');
    const at = tx.clock.now().toISOString();
    const row = {
      org_id: tx.orgId,
      goal_id: goalId,
      item_kind: kind,
      item_id: itemId,
      created_at: at,
    };
    if (await repo.insertItem(tx.db, row))
      await recordAudit(
        tx,
        'strategy.item_linked',
        { type: 'strategy_goal', id: goalId },
        { kind, itemId },
      );
  });
}

export async function unlinkItem(ctx: Ctx, goalId: string, kind: StrategyItemKind, itemId: string) {
  assertEditor(ctx);
  await inTransaction(ctx, async (tx) => {
    await goalRow(tx, goalId);
    if ((await repo.deleteItem(tx.db, tx.orgId, goalId, kind, itemId)) === 0)
      throw notFound('Link');
    await recordAudit(
      tx,
      'strategy.item_unlinked',
      { type: 'strategy_goal', id: goalId },
      { kind, itemId },
    );
  });
}
