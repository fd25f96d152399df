// Use-cases for employees: create, read, list (Cyrillic search), update, delete. An employee's
// manager is another employee of the organisation (never a cycle); its login a user of the
// organisation, linked to one employee at most.
import { inTransaction, type Ctx } from '../../context.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import type { EmployeesTable } from '../../db/types.ts';
import { AppError, unknownReference } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import { decodeCursor, toPage } from '../../lib/paging.ts';
import { assertCan } from '../../lib/permissions.ts';
import type {
  CreateEmployeeBody,
  ListEmployeesQuery,
  UpdateEmployeeBody,
} from '../../../shared/api/employees.ts';
import { foldForSearch } from '../../../shared/domain/search-fold.ts';
import { findOrgUser, recordAudit } from '../orgs/index.ts';
import { derivedKeys } from './employee-keys.ts';
import * as repo from './employees.repo.ts';
import { ensureStageKeys } from '../stages/index.ts';
import { employeeCreated } from './employee-events.ts';

/** Deeper than any real organisation chart: a longer walk means the data already holds a cycle. */
const MAX_CHAIN = 10_000;

const UNIQUE: [keyof UpdateEmployeeBody & ('email' | 'externalId'), 'email' | 'external_id'][] = [
  ['email', 'email'],
  ['externalId', 'external_id'],
];

const taken = (field: string, what: string) =>
  new AppError('conflict', `Another employee already has this ${what}`, {
    invalidParams: [{ name: `body.${field}`, reason: `taken by another employee` }],
  });

/** 409 when another employee holds the e-mail, the external id or the login given. */
async function assertFree(
  tx: Ctx,
  input: Pick<UpdateEmployeeBody, 'email' | 'externalId' | 'userId'>,
  selfId?: string,
): Promise<void> {
  for (const [field, column] of UNIQUE) {
    const value = input[field];
    if (!value) continue;
    const other = await repo.findEmployeeBy(tx.db, tx.orgId, column, value);
    if (other && other.id !== selfId) throw taken(field, field === 'email' ? 'e-mail' : 'code');
  }
  if (input.userId) {
    if (!(await findOrgUser(tx, input.userId))) throw unknownReference('body.userId', 'user');
    const other = await repo.findEmployeeBy(tx.db, tx.orgId, 'user_id', input.userId);
    if (other && other.id !== selfId)
      throw new AppError('conflict', 'This user is already linked to another employee', {
        invalidParams: [{ name: 'body.userId', reason: 'linked to another employee' }],
      });
  }
}

/** 404 for a manager not of this organisation; 422 when the chain would come back to `selfId`. */
async function assertManager(tx: Ctx, managerId: string, selfId?: string): Promise<void> {
  if (!(await repo.findEmployee(tx.db, tx.orgId, managerId)))
    throw unknownReference('body.managerId', 'employee');
  let current: string | null | undefined = managerId;
  for (let steps = 0; current && steps < MAX_CHAIN; steps += 1) {
    if (current === selfId)
      throw new AppError(
        'unprocessable',
        'An employee cannot report to themselves, even through others',
        {
          invalidParams: [{ name: 'body.managerId', reason: 'the managers would form a cycle' }],
        },
      );
    current = await repo.managerOf(tx.db, tx.orgId, current);
  }
}

/** A unique index refused the write (a concurrent request took the value first): 409. */
async function conflictOnRace<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (isUniqueViolation(err))
      throw new AppError('conflict', 'Another employee already has this e-mail, code or login');
    throw err;
  }
}

export function newEmployeeRow(
  ctx: Pick<Ctx, 'orgId' | 'clock'>,
  input: Omit<CreateEmployeeBody, 'status'> & { status?: CreateEmployeeBody['status'] },
): EmployeesTable {
  const now = ctx.clock.now();
  const base = {
    name: input.name,
    position: input.position ?? null,
    stage_key: input.stageKey ?? null,
    email: input.email ?? null,
    phone: input.phone ?? null,
    external_id: input.externalId ?? null,
  };
  return {
    id: newId(now.getTime()),
    org_id: ctx.orgId,
    ...base,
    manager_id: input.managerId ?? null,
    hire_date: input.hireDate ?? null,
    status: input.status ?? 'active',
    user_id: input.userId ?? null,
    ...derivedKeys(base),
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
}

export async function createEmployee(ctx: Ctx, input: CreateEmployeeBody): Promise<EmployeesTable> {
  assertCan(ctx.actor, 'data.write');
  return conflictOnRace(() =>
    inTransaction(ctx, async (tx) => {
      if (input.managerId) await assertManager(tx, input.managerId);
      await assertFree(tx, input);
      const row = newEmployeeRow(tx, input);
      await repo.insertEmployee(tx.db, row);
      await ensureStageKeys(tx, [row.stage_key]); // a team on first sight is a stage (ADR 012)
      await recordAudit(tx, 'employee.created', { type: 'employee', id: row.id });
      await employeeCreated.emit(tx, { employee: row });
      return row;
    }),
  );
}

export async function getEmployee(ctx: Ctx, id: string): Promise<EmployeesTable> {
  assertCan(ctx.actor, 'data.read');
  return repo.getEmployee(ctx.db, ctx.orgId, id);
}

export async function listEmployees(ctx: Ctx, query: ListEmployeesQuery) {
  assertCan(ctx.actor, 'data.read');
  const rows = await repo.listEmployees(ctx.db, ctx.orgId, {
    q: query.q ? foldForSearch(query.q) : undefined,
    stage: query.stage,
    status: query.status,
    afterId: decodeCursor(query.cursor),
    limit: query.limit,
  });
  return toPage(rows, query.limit);
}

/** The changed columns of a patch, derived keys included; `current` is the row before it. */
export function patchedColumns(
  current: EmployeesTable,
  patch: UpdateEmployeeBody,
  nowIso: string,
): Partial<EmployeesTable> {
  const set = <K extends keyof UpdateEmployeeBody>(k: K) => patch[k] !== undefined;
  const next = {
    name: patch.name ?? current.name,
    position: set('position') ? (patch.position ?? null) : current.position,
    stage_key: set('stageKey') ? (patch.stageKey ?? null) : current.stage_key,
    email: set('email') ? (patch.email ?? null) : current.email,
    phone: set('phone') ? (patch.phone ?? null) : current.phone,
    external_id: set('externalId') ? (patch.externalId ?? null) : current.external_id,
  };
  return {
    ...next,
    ...(set('managerId') ? { manager_id: patch.managerId ?? null } : {}),
    ...(set('hireDate') ? { hire_date: patch.hireDate ?? null } : {}),
    ...(patch.status ? { status: patch.status } : {}),
    ...(set('userId') ? { user_id: patch.userId ?? null } : {}),
    ...derivedKeys(next),
    updated_at: nowIso,
  };
}

export async function updateEmployee(
  ctx: Ctx,
  id: string,
  patch: UpdateEmployeeBody,
): Promise<EmployeesTable> {
  assertCan(ctx.actor, 'data.write');
  return conflictOnRace(() =>
    inTransaction(ctx, async (tx) => {
      const current = await repo.getEmployee(tx.db, tx.orgId, id);
      if (patch.managerId) await assertManager(tx, patch.managerId, id);
      await assertFree(tx, patch, id);
      await repo.updateEmployee(
        tx.db,
        tx.orgId,
        id,
        patchedColumns(current, patch, tx.clock.now().toISOString()),
      );
      await ensureStageKeys(tx, [patch.stageKey]);
      await recordAudit(
        tx,
        'employee.updated',
        { type: 'employee', id },
        { fields: Object.keys(patch) },
      );
      return repo.getEmployee(tx.db, tx.orgId, id);
    }),
  );
}

export async function deleteEmployee(ctx: Ctx, id: string): Promise<void> {
  assertCan(ctx.actor, 'data.write');
  await inTransaction(ctx, async (tx) => {
    await repo.getEmployee(tx.db, tx.orgId, id);
    await repo.deleteEmployee(tx.db, tx.orgId, id);
    await recordAudit(tx, 'employee.deleted', { type: 'employee', id });
  });
}

/** The stage keys employees are on (the employees page offers them with the records' stages). */
export async function listEmployeeStageKeys(ctx: Ctx): Promise<string[]> {
  assertCan(ctx.actor, 'data.read');
  return repo.listStageKeys(ctx.db, ctx.orgId);
}
