// Training plan items: an employee, optionally a competency (an item created from a gap with one
// click takes the competency's name as its title), kind, title, due date and status. Admins and
// managers write; every role reads. trainingItemsByIds serves the strategy map (issue 18).
import { inTransaction, type Ctx, type OrgScope } from '../../context.ts';
import type { TrainingItemsTable } from '../../db/types.ts';
import { notFound, unknownReference } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import { decodeCursor, toPage } from '../../lib/paging.ts';
import { assertCan } from '../../lib/permissions.ts';
import type {
  CreateTrainingItemBody,
  ListTrainingItemsQuery,
  TrainingItemOut,
  UpdateTrainingItemBody,
} from '../../../shared/api/competencies.ts';
import { findEmployeeOf, teamOf } from '../employees/index.ts';
import { orgOf, recordAudit } from '../orgs/index.ts';
import * as competencies from './competencies.repo.ts';
import * as repo from './training.repo.ts';

/** Rows as the API shows them: the employee's and the competency's names beside the ids. */
export async function presentTrainingItems(
  s: OrgScope,
  rows: readonly TrainingItemsTable[],
): Promise<TrainingItemOut[]> {
  if (rows.length === 0) return [];
  const [people, comps] = await Promise.all([
    teamOf(s, { ids: [...new Set(rows.map((r) => r.employee_id))], withLeft: true }),
    competencies.listCompetencies(s.db, s.orgId),
  ]);
  const names = new Map(people.map((p) => [p.id, p.name]));
  const byId = new Map(comps.map((c) => [c.id, c]));
  return rows.map((r) => {
    const c = r.competency_id ? byId.get(r.competency_id) : undefined;
    return {
      id: r.id,
      employee: { id: r.employee_id, name: names.get(r.employee_id) ?? '' },
      competency: c ? { id: c.id, nameRu: c.name_ru, nameEn: c.name_en } : null,
      kind: r.kind,
      title: r.title,
      dueDate: r.due_date,
      status: r.status,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  });
}

export async function createTrainingItem(
  ctx: Ctx,
  body: CreateTrainingItemBody,
): Promise<TrainingItemsTable> {
  assertCan(ctx.actor, 'data.write');
  return inTransaction(ctx, async (tx) => {
    if (!(await findEmployeeOf(tx, body.employeeId)))
      throw unknownReference('body.employeeId', 'employee');
    const competency = body.competencyId
      ? await competencies.findCompetency(tx.db, tx.orgId, body.competencyId)
      : undefined;
    if (body.competencyId && !competency) throw unknownReference('body.competencyId', 'competency');
    const language = body.title ? 'en' : (await orgOf(tx)).default_language;
    const now = tx.clock.now();
    const row: TrainingItemsTable = {
      id: newId(now.getTime()),
      org_id: tx.orgId,
      employee_id: body.employeeId,
      competency_id: competency?.id ?? null,
      kind: body.kind,
      title: body.title ?? (language === 'ru' ? competency!.name_ru : competency!.name_en),
      due_date: body.dueDate ?? null,
      status: body.status,
      created_by: tx.actor.id,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    };
    await repo.insertTrainingItem(tx.db, row);
    await recordAudit(tx, 'training_item.created', { type: 'training_item', id: row.id });
    return row;
  });
}

export async function getTrainingItem(ctx: Ctx, id: string): Promise<TrainingItemsTable> {
  assertCan(ctx.actor, 'data.read');
  const row = await repo.findTrainingItem(ctx.db, ctx.orgId, id);
  if (!row) throw notFound('Training item');
  return row;
}

export async function listTrainingItems(ctx: Ctx, q: ListTrainingItemsQuery) {
  assertCan(ctx.actor, 'data.read');
  // Another organisation's employee is the same 404 as none, never an empty page (SECURITY.md).
  if (q.employeeId !== undefined && !(await findEmployeeOf(ctx, q.employeeId)))
    throw unknownReference('query.employeeId', 'employee');
  const rows = await repo.listTrainingItems(ctx.db, ctx.orgId, {
    employeeId: q.employeeId,
    status: q.status,
    afterId: decodeCursor(q.cursor),
    limit: q.limit,
  });
  return toPage(rows, q.limit);
}

export async function updateTrainingItem(
  ctx: Ctx,
  id: string,
  body: UpdateTrainingItemBody,
): Promise<TrainingItemsTable> {
  assertCan(ctx.actor, 'data.write');
  return inTransaction(ctx, async (tx) => {
    const current = await getTrainingItem(tx, id);
    const patch: Partial<TrainingItemsTable> = { updated_at: tx.clock.now().toISOString() };
    if (body.kind !== undefined) patch.kind = body.kind;
    if (body.title !== undefined) patch.title = body.title;
    if (body.dueDate !== undefined) patch.due_date = body.dueDate;
    if (body.status !== undefined) patch.status = body.status;
    await repo.updateTrainingItem(tx.db, tx.orgId, id, patch);
    await recordAudit(tx, 'training_item.updated', { type: 'training_item', id });
    return { ...current, ...patch };
  });
}

export async function deleteTrainingItem(ctx: Ctx, id: string): Promise<void> {
  assertCan(ctx.actor, 'data.write');
  await inTransaction(ctx, async (tx) => {
    if ((await repo.deleteTrainingItem(tx.db, tx.orgId, id)) === 0) throw notFound('Training item');
    await recordAudit(tx, 'training_item.deleted', { type: 'training_item', id });
  });
}

/** A training item as the strategy map links it to a goal. */
export interface TrainingItemRef {
  id: string;
  title: string;
  kind: TrainingItemOut['kind'];
  status: TrainingItemOut['status'];
  dueDate: string | null;
  employee: { id: string; name: string };
}

const refOf = (i: TrainingItemOut): TrainingItemRef => ({
  id: i.id,
  title: i.title,
  kind: i.kind,
  status: i.status,
  dueDate: i.dueDate,
  employee: i.employee,
});

/**
 * The organisation's training items with these ids (another organisation's ids are simply not
 * found), for the strategy module. No role check: the caller's service has checked.
 */
export async function trainingItemsByIds(
  s: OrgScope,
  ids: readonly string[],
): Promise<TrainingItemRef[]> {
  const unique = [...new Set(ids)];
  const rows = await repo.listTrainingItems(s.db, s.orgId, { ids: unique, limit: unique.length });
  return (await presentTrainingItems(s, rows)).map(refOf);
}

/** One page of the organisation's training items (filters as the list), for the strategy map. */
export async function trainingItemRefs(
  s: OrgScope,
  q: { employeeId?: string; status?: TrainingItemOut['status']; afterId?: string; limit: number },
): Promise<{ items: TrainingItemRef[]; nextCursor: string | null }> {
  const page = toPage(await repo.listTrainingItems(s.db, s.orgId, q), q.limit);
  return {
    items: (await presentTrainingItems(s, page.items)).map(refOf),
    nextCursor: page.nextCursor,
  };
}
