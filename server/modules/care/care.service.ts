// Use-cases for important dates, special requirements (with their version history) and notes.
import { inTransaction, type Ctx } from '../../context.ts';
import type { ImportantDatesTable, RequirementsTable } from '../../db/types.ts';
import { AppError, notFound, unknownReference } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import { assertCan } from '../../lib/permissions.ts';
import { findClient, findContact } from '../clients/index.ts';
import { findEmployeeOf } from '../employees/index.ts';
import { findOrgUser, recordAudit } from '../orgs/index.ts';
import { findCaseInOrg } from '../cases/index.ts';
import { localDay } from './occurrence.ts';
import { ensureStageKeys } from '../stages/index.ts';
import * as repo from './care.repo.ts';
import { foldForSearch } from '../../../shared/domain/search-fold.ts';

/** Lower-cased and ё→е, so Cyrillic search works on SQLite too. */
export const normaliseSearch = foldForSearch;

const unprocessable = (name: string, reason: string) =>
  new AppError('unprocessable', `${name}: ${reason}`, { invalidParams: [{ name, reason }] });

/** The client of this organisation, or 404. */
export async function clientOf(ctx: Ctx, clientId: string) {
  const client = await findClient(ctx, clientId);
  if (!client) throw notFound('Client');
  return client;
}

async function assertContactOf(ctx: Ctx, clientId: string, contactId: string | null | undefined) {
  if (!contactId) return;
  const contact = await findContact(ctx, contactId);
  if (!contact) throw unknownReference('body.contactId', 'contact');
  if (contact.client_id !== clientId)
    throw unprocessable('body.contactId', 'not a contact of this client');
}

/** A requirement's owner is a user, the employee who met the client an employee, of this org. */
async function assertPeople(ctx: Ctx, p: { ownerId?: string | null; employeeId?: string | null }) {
  if (p.ownerId && !(await findOrgUser(ctx, p.ownerId)))
    throw unknownReference('body.ownerId', 'user');
  if (p.employeeId && !(await findEmployeeOf(ctx, p.employeeId)))
    throw unknownReference('body.employeeId', 'employee');
}

// ---- important dates ----

export interface DateInput {
  kind: ImportantDatesTable['kind'];
  date: string;
  recurring: boolean;
  title: string;
  contactId?: string | null;
}

export async function addDate(
  ctx: Ctx,
  clientId: string,
  input: DateInput,
): Promise<ImportantDatesTable> {
  assertCan(ctx.actor, 'data.write');
  return inTransaction(ctx, async (tx) => {
    await clientOf(tx, clientId);
    await assertContactOf(tx, clientId, input.contactId);
    const now = tx.clock.now().toISOString();
    const row: ImportantDatesTable = {
      id: newId(),
      org_id: tx.orgId,
      client_id: clientId,
      contact_id: input.contactId ?? null,
      kind: input.kind,
      date: input.date,
      recurring: input.recurring ? 1 : 0,
      title: input.title,
      created_at: now,
      updated_at: now,
    };
    await repo.insertDate(tx.db, row);
    await recordAudit(tx, 'date.created', { type: 'date', id: row.id });
    return row;
  });
}

export async function listDates(ctx: Ctx, clientId: string): Promise<ImportantDatesTable[]> {
  assertCan(ctx.actor, 'data.read');
  await clientOf(ctx, clientId);
  return repo.listDates(ctx.db, ctx.orgId, clientId);
}

export async function updateDate(
  ctx: Ctx,
  id: string,
  patch: Partial<DateInput>,
): Promise<ImportantDatesTable> {
  assertCan(ctx.actor, 'data.write');
  return inTransaction(ctx, async (tx) => {
    const current = await repo.getDate(tx.db, tx.orgId, id);
    if (patch.contactId !== undefined)
      await assertContactOf(tx, current.client_id, patch.contactId);
    await repo.updateDate(tx.db, tx.orgId, id, {
      ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
      ...(patch.date !== undefined ? { date: patch.date } : {}),
      ...(patch.recurring !== undefined ? { recurring: patch.recurring ? 1 : 0 } : {}),
      ...(patch.title !== undefined ? { title: patch.title } : {}),
      ...(patch.contactId !== undefined ? { contact_id: patch.contactId } : {}),
      updated_at: tx.clock.now().toISOString(),
    });
    await recordAudit(tx, 'date.updated', { type: 'date', id }, { fields: Object.keys(patch) });
    return repo.getDate(tx.db, tx.orgId, id);
  });
}

export async function deleteDate(ctx: Ctx, id: string): Promise<void> {
  assertCan(ctx.actor, 'data.write');
  await inTransaction(ctx, async (tx) => {
    await repo.getDate(tx.db, tx.orgId, id);
    await repo.deleteDate(tx.db, tx.orgId, id);
    await recordAudit(tx, 'date.deleted', { type: 'date', id });
  });
}

// ---- special requirements ----

export interface RequirementInput {
  category: RequirementsTable['category'];
  text: string;
  source: RequirementsTable['source'];
  ownerId?: string | null;
  /** The employee who met the client (a requirement heard at a meeting). */
  employeeId?: string | null;
  stage?: string | null;
  product?: string | null;
  effectiveFrom?: string | null;
  effectiveTo?: string | null;
  status?: RequirementsTable['status'];
}

const searchTextOf = (r: Pick<RequirementsTable, 'text' | 'product' | 'stage'>) =>
  normaliseSearch([r.text, r.product, r.stage].filter(Boolean).join(' '));

/** Active, and today (in the org's reminder time zone) within the effective dates, inclusive. */
export function inEffect(
  r: Pick<RequirementsTable, 'status' | 'effective_from' | 'effective_to'>,
  today: string,
): boolean {
  return (
    r.status === 'active' &&
    (!r.effective_from || r.effective_from <= today) &&
    (!r.effective_to || today <= r.effective_to)
  );
}

export const todayOf = (ctx: Pick<Ctx, 'clock'>, timeZone = 'Europe/Moscow') =>
  localDay(ctx.clock.now(), timeZone);

async function writeVersion(ctx: Ctx, row: RequirementsTable): Promise<void> {
  const { search_text: _search, org_id: _org, ...snapshot } = row;
  await repo.insertRequirementVersion(ctx.db, {
    id: newId(),
    org_id: ctx.orgId,
    requirement_id: row.id,
    client_id: row.client_id,
    version: row.version,
    snapshot: JSON.stringify(snapshot),
    actor_type: ctx.actor.type,
    actor_id: ctx.actor.id,
    created_at: ctx.clock.now().toISOString(),
  });
}

export async function addRequirement(
  ctx: Ctx,
  clientId: string,
  input: RequirementInput,
): Promise<RequirementsTable> {
  assertCan(ctx.actor, 'data.write');
  return inTransaction(ctx, async (tx) => {
    await clientOf(tx, clientId);
    await assertPeople(tx, input);
    const now = tx.clock.now().toISOString();
    const row: RequirementsTable = {
      id: newId(),
      org_id: tx.orgId,
      client_id: clientId,
      category: input.category,
      text: input.text,
      source: input.source,
      owner_id: input.ownerId ?? null,
      employee_id: input.employeeId ?? null,
      stage: input.stage ?? null,
      product: input.product ?? null,
      effective_from: input.effectiveFrom ?? null,
      effective_to: input.effectiveTo ?? null,
      status: 'active',
      version: 1,
      search_text: '',
      created_at: now,
      updated_at: now,
    };
    row.search_text = searchTextOf(row);
    await repo.insertRequirement(tx.db, row);
    await ensureStageKeys(tx, [row.stage]);
    await writeVersion(tx, row);
    await recordAudit(tx, 'requirement.created', { type: 'requirement', id: row.id });
    return row;
  });
}

export async function updateRequirement(
  ctx: Ctx,
  id: string,
  patch: Partial<RequirementInput>,
): Promise<RequirementsTable> {
  assertCan(ctx.actor, 'data.write');
  return inTransaction(ctx, async (tx) => {
    const current = await repo.getRequirement(tx.db, tx.orgId, id);
    await assertPeople(tx, patch);
    const next: RequirementsTable = {
      ...current,
      ...(patch.category !== undefined ? { category: patch.category } : {}),
      ...(patch.text !== undefined ? { text: patch.text } : {}),
      ...(patch.source !== undefined ? { source: patch.source } : {}),
      ...(patch.ownerId !== undefined ? { owner_id: patch.ownerId } : {}),
      ...(patch.employeeId !== undefined ? { employee_id: patch.employeeId } : {}),
      ...(patch.stage !== undefined ? { stage: patch.stage } : {}),
      ...(patch.product !== undefined ? { product: patch.product } : {}),
      ...(patch.effectiveFrom !== undefined ? { effective_from: patch.effectiveFrom } : {}),
      ...(patch.effectiveTo !== undefined ? { effective_to: patch.effectiveTo } : {}),
      ...(patch.status !== undefined ? { status: patch.status } : {}),
      version: current.version + 1,
      updated_at: tx.clock.now().toISOString(),
    };
    if (next.effective_from && next.effective_to && next.effective_from > next.effective_to)
      throw unprocessable('body.effectiveTo', 'before effectiveFrom');
    next.search_text = searchTextOf(next);
    const { id: _id, org_id: _org, client_id: _client, created_at: _created, ...changes } = next;
    await repo.updateRequirement(tx.db, tx.orgId, id, changes);
    await ensureStageKeys(tx, [next.stage]);
    await writeVersion(tx, next);
    await recordAudit(
      tx,
      'requirement.updated',
      { type: 'requirement', id },
      { fields: Object.keys(patch) },
    );
    return next;
  });
}

export async function listRequirements(ctx: Ctx, clientId: string): Promise<RequirementsTable[]> {
  assertCan(ctx.actor, 'data.read');
  await clientOf(ctx, clientId);
  return repo.listRequirements(ctx.db, ctx.orgId, clientId);
}

export async function requirementVersions(ctx: Ctx, id: string) {
  assertCan(ctx.actor, 'data.read');
  await repo.getRequirement(ctx.db, ctx.orgId, id);
  return repo.listRequirementVersions(ctx.db, ctx.orgId, id);
}

export async function searchRequirements(
  ctx: Ctx,
  query: { q?: string; status?: RequirementsTable['status']; stage?: string; limit: number },
) {
  assertCan(ctx.actor, 'data.read');
  return repo.searchRequirements(ctx.db, ctx.orgId, {
    ...query,
    stages: query.stage === undefined ? undefined : [query.stage],
    q: query.q ? normaliseSearch(query.q) : undefined,
  });
}

/** The requirements in effect today for a client: shown on its card and on each of its cases. No role check: callers checked. */
export async function activeRequirementsFor(
  ctx: Pick<Ctx, 'db' | 'orgId' | 'clock'>,
  clientId: string,
): Promise<RequirementsTable[]> {
  const today = todayOf(ctx);
  return (await repo.listRequirements(ctx.db, ctx.orgId, clientId, 'active')).filter((r) =>
    inEffect(r, today),
  );
}

export async function requirementsForCase(ctx: Ctx, caseId: string): Promise<RequirementsTable[]> {
  assertCan(ctx.actor, 'data.read');
  const found = await findCaseInOrg(ctx, caseId);
  if (!found) throw notFound('Case');
  return found.client_id ? activeRequirementsFor(ctx, found.client_id) : [];
}
