// A person's saved views of a list (issue 21): private to the person — another person's view,
// in this organisation or another, answers 404 like one that does not exist. Only signed-in
// people have views (API keys reach none of these routes: api-scopes.ts 'none').
import type { Ctx } from '../../context.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import type { SavedViewsTable } from '../../db/types.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import { assertCan } from '../../lib/permissions.ts';
import {
  SAVED_VIEWS_MAX,
  type CreateSavedViewBody,
  type SavedViewList,
  type SavedViewOut,
  type UpdateSavedViewBody,
} from '../../../shared/api/saved-views.ts';
import * as repo from './saved-views.repo.ts';

function ownerOf(ctx: Ctx): repo.Owner {
  assertCan(ctx.actor, 'data.read');
  if (ctx.actor.type !== 'user' || !ctx.actor.id)
    throw forbidden('Saved views belong to a signed-in person');
  return { orgId: ctx.orgId, userId: ctx.actor.id };
}

const nameTaken = () =>
  new AppError('conflict', 'You already have a view of this list by that name');

export function presentView(v: SavedViewsTable): SavedViewOut {
  return {
    id: v.id,
    list: v.list,
    name: v.name,
    filters: JSON.parse(v.filters) as Record<string, string>,
    createdAt: v.created_at,
    updatedAt: v.updated_at,
  };
}

export async function listSavedViews(ctx: Ctx, list: SavedViewList): Promise<SavedViewOut[]> {
  return (await repo.listViews(ctx.db, ownerOf(ctx), list)).map(presentView);
}

export async function createSavedView(ctx: Ctx, body: CreateSavedViewBody): Promise<SavedViewOut> {
  const owner = ownerOf(ctx);
  if ((await repo.countViews(ctx.db, owner, body.list)) >= SAVED_VIEWS_MAX)
    throw new AppError('unprocessable', `At most ${SAVED_VIEWS_MAX} views per list`);
  const now = ctx.clock.now().toISOString();
  const row: SavedViewsTable = {
    id: newId(),
    org_id: owner.orgId,
    user_id: owner.userId,
    list: body.list,
    name: body.name,
    filters: JSON.stringify(body.filters),
    created_at: now,
    updated_at: now,
  };
  try {
    await repo.insertView(ctx.db, row);
  } catch (e) {
    if (isUniqueViolation(e)) throw nameTaken();
    throw e;
  }
  return presentView(row);
}

export async function updateSavedView(
  ctx: Ctx,
  id: string,
  body: UpdateSavedViewBody,
): Promise<SavedViewOut> {
  const owner = ownerOf(ctx);
  if (!(await repo.findView(ctx.db, owner, id))) throw notFound('Saved view');
  try {
    await repo.updateView(ctx.db, owner, id, {
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.filters !== undefined ? { filters: JSON.stringify(body.filters) } : {}),
      updated_at: ctx.clock.now().toISOString(),
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw nameTaken();
    throw e;
  }
  return presentView((await repo.findView(ctx.db, owner, id))!);
}

export async function deleteSavedView(ctx: Ctx, id: string): Promise<void> {
  if ((await repo.deleteView(ctx.db, ownerOf(ctx), id)) === 0) throw notFound('Saved view');
}
