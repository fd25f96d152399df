// The whole strategy map in one read (GET /api/v1/strategy/map): goals bottom-to-top by
// perspective, each with its owner, its KPIs and their current values, the items under it; and
// the arrows. Also the presenter of one goal.
import type { Ctx } from '../../context.ts';
import type { StrategyGoalsTable } from '../../db/types.ts';
import { assertCan } from '../../lib/permissions.ts';
import type { GoalOut, ItemOut, StrategyMapOut } from '../../../shared/api/strategy.ts';
import type { StrategyItemKind, StrategyPerspective } from '../../../shared/domain/vocabulary.ts';
import { findEmployeeOf } from '../employees/index.ts';
import { findOrgUsers } from '../orgs/index.ts';
import { presentKpis } from './current.ts';
import { sourceOf, type LinkedItem } from './item-sources.ts';
import * as repo from './strategy.repo.ts';

/** The drawing's order, bottom band first. */
export const BANDS: StrategyPerspective[] = [
  'learning_growth',
  'processes',
  'clients',
  'financial',
];

async function ownerNames(ctx: Ctx, goals: StrategyGoalsTable[]) {
  const names = new Map<string, string>();
  const userIds = [...new Set(goals.flatMap((g) => (g.owner_user_id ? [g.owner_user_id] : [])))];
  for (const u of userIds.length > 0 ? await findOrgUsers(ctx, { ids: userIds }) : [])
    names.set(u.id, u.name);
  for (const id of new Set(
    goals.flatMap((g) => (g.owner_employee_id ? [g.owner_employee_id] : [])),
  ))
    names.set(id, (await findEmployeeOf(ctx, id))?.name ?? '');
  return names;
}

export async function presentGoals(ctx: Ctx, goals: StrategyGoalsTable[]): Promise<GoalOut[]> {
  const names = await ownerNames(ctx, goals);
  return goals.map((g) => {
    const ownerId = g.owner_employee_id ?? g.owner_user_id;
    return {
      id: g.id,
      perspective: g.perspective,
      title: g.title,
      description: g.description,
      owner: ownerId
        ? {
            kind: g.owner_employee_id ? ('employee' as const) : ('user' as const),
            id: ownerId,
            name: names.get(ownerId) ?? '',
          }
        : null,
      dueDate: g.due_date,
      createdAt: new Date(g.created_at).toISOString(),
      updatedAt: new Date(g.updated_at).toISOString(),
    };
  });
}

/** The items under the goals, with title, status and due date from their modules once wired. */
export async function presentItems(ctx: Ctx, goalId?: string) {
  const links = await repo.listItems(ctx.db, ctx.orgId, goalId);
  const found = new Map<StrategyItemKind, Map<string, LinkedItem>>();
  for (const kind of new Set(links.map((l) => l.item_kind))) {
    const source = sourceOf(kind);
    const ids = links.filter((l) => l.item_kind === kind).map((l) => l.item_id);
    if (source) found.set(kind, await source.lookup(ctx, ids));
  }
  const byGoal = new Map<string, ItemOut[]>();
  for (const l of links) {
    const item = found.get(l.item_kind)?.get(l.item_id);
    const out = {
      kind: l.item_kind,
      itemId: l.item_id,
      title: item?.title ?? null,
      status: item?.status ?? null,
      dueDate: item?.dueDate ?? null,
    };
    byGoal.set(l.goal_id, [...(byGoal.get(l.goal_id) ?? []), out]);
  }
  return byGoal;
}

export async function getStrategyMap(ctx: Ctx): Promise<StrategyMapOut> {
  assertCan(ctx.actor, 'data.read');
  const rows = await repo.listGoals(ctx.db, ctx.orgId);
  rows.sort((a, b) => BANDS.indexOf(a.perspective) - BANDS.indexOf(b.perspective));
  const [goals, kpis, items, arrows] = await Promise.all([
    presentGoals(ctx, rows),
    repo.listKpis(ctx.db, ctx.orgId).then((k) => presentKpis(ctx, k)),
    presentItems(ctx),
    repo.listArrows(ctx.db, ctx.orgId),
  ]);
  return {
    perspectives: BANDS,
    goals: goals.map((g) => ({
      ...g,
      kpis: kpis.filter((k) => k.goalId === g.id),
      items: items.get(g.id) ?? [],
    })),
    arrows: arrows.map((a) => ({ causeGoalId: a.cause_goal_id, effectGoalId: a.effect_goal_id })),
  };
}
