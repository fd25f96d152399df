// SQL of the onboarding template and checklists. orgId first, always.
import type {
  DbOrTrx,
  OnboardingChecklistItemsTable,
  OnboardingChecklistsTable,
  OnboardingTemplateItemsTable,
} from '../../db/types.ts';

export async function templateOf(
  db: DbOrTrx,
  orgId: string,
): Promise<OnboardingTemplateItemsTable[]> {
  return db
    .selectFrom('onboarding_template_items')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('position')
    .execute();
}

export async function replaceTemplate(
  db: DbOrTrx,
  orgId: string,
  rows: OnboardingTemplateItemsTable[],
): Promise<void> {
  await db.deleteFrom('onboarding_template_items').where('org_id', '=', orgId).execute();
  if (rows.length) await db.insertInto('onboarding_template_items').values(rows).execute();
}

export async function insertChecklist(
  db: DbOrTrx,
  list: OnboardingChecklistsTable,
  items: OnboardingChecklistItemsTable[],
): Promise<void> {
  await db.insertInto('onboarding_checklists').values(list).execute();
  if (items.length) await db.insertInto('onboarding_checklist_items').values(items).execute();
}

export async function listChecklists(
  db: DbOrTrx,
  orgId: string,
  f: { id?: string; employeeId?: string } = {},
): Promise<OnboardingChecklistsTable[]> {
  let q = db.selectFrom('onboarding_checklists').selectAll().where('org_id', '=', orgId);
  if (f.id !== undefined) q = q.where('id', '=', f.id);
  if (f.employeeId !== undefined) q = q.where('employee_id', '=', f.employeeId);
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(500).execute();
}

export async function itemsOf(
  db: DbOrTrx,
  orgId: string,
  checklistIds: readonly string[],
): Promise<OnboardingChecklistItemsTable[]> {
  if (checklistIds.length === 0) return [];
  return db
    .selectFrom('onboarding_checklist_items')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('checklist_id', 'in', [...checklistIds])
    .orderBy('position')
    .execute();
}

export async function tickItem(
  db: DbOrTrx,
  orgId: string,
  checklistId: string,
  itemId: string,
  done: { at: string; by: string | null } | null,
): Promise<number> {
  const res = await db
    .updateTable('onboarding_checklist_items')
    .set({ done_at: done?.at ?? null, done_by: done?.by ?? null })
    .where('org_id', '=', orgId)
    .where('checklist_id', '=', checklistId)
    .where('id', '=', itemId)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}
