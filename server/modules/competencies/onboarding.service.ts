// The onboarding checklist: a per-organisation template of items (ru/en); an instance per new
// employee, copied from the template when an employee hired within the last 90 days is added
// (the employees.created hook, in the same transaction) or by hand; items ticked off with who
// and when. Admins and managers write; every role reads.
import { inTransaction, type Ctx } from '../../context.ts';
import type { OnboardingChecklistsTable } from '../../db/types.ts';
import { AppError, notFound, unknownReference } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import { assertCan } from '../../lib/permissions.ts';
import type { ChecklistOut } from '../../../shared/api/competencies.ts';
import { findEmployeeOf, teamOf, type EmployeeCreated } from '../employees/index.ts';
import { findOrgUsers, recordAudit } from '../orgs/index.ts';
import * as repo from './onboarding.repo.ts';

/** docs/competencies.md: an employee hired at most this many days ago gets a checklist. */
export const NEW_HIRE_DAYS = 90;

export async function getTemplate(ctx: Ctx) {
  assertCan(ctx.actor, 'data.read');
  const rows = await repo.templateOf(ctx.db, ctx.orgId);
  return { items: rows.map((r) => ({ id: r.id, titleRu: r.title_ru, titleEn: r.title_en })) };
}

export async function putTemplate(
  ctx: Ctx,
  body: { items: { titleRu: string; titleEn: string }[] },
) {
  assertCan(ctx.actor, 'data.write');
  await inTransaction(ctx, async (tx) => {
    const at = tx.clock.now().getTime();
    await repo.replaceTemplate(
      tx.db,
      tx.orgId,
      body.items.map((i, position) => ({
        id: newId(at),
        org_id: tx.orgId,
        position,
        title_ru: i.titleRu,
        title_en: i.titleEn,
      })),
    );
    await recordAudit(tx, 'onboarding_template.updated', { type: 'org', id: tx.orgId });
  });
  return getTemplate(ctx);
}

/** A checklist from the template, in the caller's transaction. */
async function instantiate(tx: Ctx, employeeId: string): Promise<OnboardingChecklistsTable> {
  const now = tx.clock.now();
  const list = {
    id: newId(now.getTime()),
    org_id: tx.orgId,
    employee_id: employeeId,
    created_at: now.toISOString(),
  };
  const template = await repo.templateOf(tx.db, tx.orgId);
  await repo.insertChecklist(
    tx.db,
    list,
    template.map((t) => ({
      id: newId(now.getTime()),
      org_id: tx.orgId,
      checklist_id: list.id,
      position: t.position,
      title_ru: t.title_ru,
      title_en: t.title_en,
      done_at: null,
      done_by: null,
    })),
  );
  return list;
}

/** employees.created: a new hire (hired ≤ 90 days ago) gets the template, when there is one. */
export async function onEmployeeCreated(tx: Ctx, e: EmployeeCreated): Promise<void> {
  const hired = e.employee.hire_date;
  if (!hired) return;
  const today = tx.clock.now();
  const since = new Date(today.getTime() - NEW_HIRE_DAYS * 86_400_000).toISOString().slice(0, 10);
  if (hired < since || hired > today.toISOString().slice(0, 10)) return;
  if ((await repo.templateOf(tx.db, tx.orgId)).length === 0) return;
  await instantiate(tx, e.employee.id);
}

export async function createChecklist(ctx: Ctx, employeeId: string): Promise<ChecklistOut> {
  assertCan(ctx.actor, 'data.write');
  const id = await inTransaction(ctx, async (tx) => {
    if (!(await findEmployeeOf(tx, employeeId)))
      throw unknownReference('body.employeeId', 'employee');
    if ((await repo.listChecklists(tx.db, tx.orgId, { employeeId })).length)
      throw new AppError('conflict', 'This employee already has an onboarding checklist');
    const list = await instantiate(tx, employeeId);
    await recordAudit(tx, 'onboarding_checklist.created', { type: 'employee', id: employeeId });
    return list.id;
  });
  return getChecklist(ctx, id);
}

async function present(ctx: Ctx, lists: OnboardingChecklistsTable[]): Promise<ChecklistOut[]> {
  const items = await repo.itemsOf(
    ctx.db,
    ctx.orgId,
    lists.map((l) => l.id),
  );
  const [people, users] = await Promise.all([
    teamOf(ctx, { ids: lists.map((l) => l.employee_id), withLeft: true }),
    findOrgUsers(ctx, { ids: items.map((i) => i.done_by).filter((v): v is string => !!v) }),
  ]);
  const person = new Map(people.map((p) => [p.id, p]));
  const userName = new Map(users.map((u) => [u.id, u.name]));
  return lists.map((l) => {
    const own = items.filter((i) => i.checklist_id === l.id);
    const p = person.get(l.employee_id);
    return {
      id: l.id,
      employee: { id: l.employee_id, name: p?.name ?? '', hireDate: p?.hire_date ?? null },
      createdAt: l.created_at,
      done: own.filter((i) => i.done_at).length,
      total: own.length,
      items: own.map((i) => ({
        id: i.id,
        titleRu: i.title_ru,
        titleEn: i.title_en,
        doneAt: i.done_at,
        doneBy:
          i.done_by && userName.has(i.done_by)
            ? { id: i.done_by, name: userName.get(i.done_by)! }
            : null,
      })),
    };
  });
}

export async function listChecklists(ctx: Ctx): Promise<{ items: ChecklistOut[] }> {
  assertCan(ctx.actor, 'data.read');
  return { items: await present(ctx, await repo.listChecklists(ctx.db, ctx.orgId)) };
}

export async function getChecklist(ctx: Ctx, id: string): Promise<ChecklistOut> {
  assertCan(ctx.actor, 'data.read');
  const lists = await repo.listChecklists(ctx.db, ctx.orgId, { id });
  if (lists.length === 0) throw notFound('Checklist');
  return (await present(ctx, lists))[0]!;
}

export async function tickChecklistItem(
  ctx: Ctx,
  id: string,
  itemId: string,
  done: boolean,
): Promise<ChecklistOut> {
  assertCan(ctx.actor, 'data.write');
  await inTransaction(ctx, async (tx) => {
    const mark = done ? { at: tx.clock.now().toISOString(), by: tx.actor.id } : null;
    if ((await repo.tickItem(tx.db, tx.orgId, id, itemId, mark)) === 0)
      throw notFound('Checklist item');
    await recordAudit(tx, 'onboarding_item.ticked', { type: 'onboarding_checklist', id });
  });
  return getChecklist(ctx, id);
}
