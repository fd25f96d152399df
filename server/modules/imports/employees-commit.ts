// Writing a file of employees inside the import's one transaction: every row is matched and
// checked in memory first (two reads: the employees the file's numbers, e-mails and managers
// name, and every manager link for the cycle check), and nothing is written while any row is
// refused. New employees are inserted without a manager, then the managers are set, so a row may
// name a manager that a later row creates.
import type { EmployeesTable } from '../../db/types.ts';
import type { Ctx } from '../../context.ts';
import {
  findEmployeesByImportKeys,
  insertEmployeeRecords,
  managerLinksOf,
  newEmployeeRow,
  patchedColumns,
  patchEmployeeRecord,
} from '../employees/index.ts';
import {
  MAX_REPORTED_ERRORS,
  type ImportField,
  type Mapping,
} from '../../../shared/api/imports.ts';
import type { UpdateEmployeeBody } from '../../../shared/api/employees.ts';
import { foldForSearch } from '../../../shared/domain/search-fold.ts';
import type { EmployeeStatus } from '../../../shared/domain/vocabulary.ts';
import type { ConvertedRow, TargetOutcome } from './targets.ts';

export interface EmployeeRowInput {
  externalId?: string;
  name?: string;
  position?: string;
  stageKey?: string;
  /** The manager as the file names them: a name, an e-mail or a personnel number. */
  manager?: string;
  hireDate?: string;
  email?: string;
  phone?: string;
  status?: EmployeeStatus;
}

interface Entry {
  employee: EmployeesTable;
  /** Created by this file: inserted as `employee` reads after the file's rows. */
  isNew?: boolean;
  /** For a stored employee: what the file changes. */
  patch: UpdateEmployeeBody;
}

const nameKey = (name: string) => foldForSearch(name).replace(/\s+/g, ' ').trim();

/** The fields of `input` that differ from `current` (a personnel number is filled in, never changed). */
function changesOf(current: EmployeesTable, input: EmployeeRowInput): UpdateEmployeeBody {
  const patch: UpdateEmployeeBody = {};
  const differs = (value: string | undefined, now: string | null) =>
    value !== undefined && value !== now;
  if (differs(input.name, current.name)) patch.name = input.name;
  if (differs(input.position, current.position)) patch.position = input.position;
  if (differs(input.stageKey, current.stage_key)) patch.stageKey = input.stageKey;
  if (differs(input.hireDate, current.hire_date)) patch.hireDate = input.hireDate;
  if (differs(input.email, current.email)) patch.email = input.email;
  if (differs(input.phone, current.phone)) patch.phone = input.phone;
  if (differs(input.status, current.status)) patch.status = input.status;
  if (input.externalId && !current.external_id) patch.externalId = input.externalId;
  return patch;
}

export async function commitEmployeeRows(
  tx: Ctx,
  rows: ConvertedRow<EmployeeRowInput>[],
  mapping: Mapping,
): Promise<TargetOutcome> {
  const outcome: TargetOutcome = { created: 0, updated: 0, duplicates: 0, errors: [] };
  const refuse = (row: number, field: ImportField, code: string, message: string) => {
    if (outcome.errors.length < MAX_REPORTED_ERRORS)
      outcome.errors.push({
        row,
        column: mapping[field] ?? null,
        value: null,
        code,
        message,
        field,
      });
  };
  const managers = rows.flatMap((r) => (r.input.manager ? [r.input.manager] : []));
  const stored = await findEmployeesByImportKeys(tx, {
    externalIds: [...rows.flatMap((r) => r.input.externalId ?? []), ...managers],
    emails: [...rows.flatMap((r) => r.input.email ?? []), ...managers.map((m) => m.toLowerCase())],
    names: managers,
  });
  const entries = new Map<string, Entry>(stored.map((e) => [e.id, { employee: e, patch: {} }]));
  const byExternal = new Map(stored.flatMap((e) => (e.external_id ? [[e.external_id, e.id]] : [])));
  const byEmail = new Map(stored.flatMap((e) => (e.email ? [[e.email, e.id]] : [])));
  const now = tx.clock.now().toISOString();

  const written: { row: number; id: string; manager?: string }[] = [];
  for (const { row, input } of rows) {
    const byNumber = input.externalId ? byExternal.get(input.externalId) : undefined;
    const emailOwner = input.email ? byEmail.get(input.email) : undefined;
    let entry = entries.get(byNumber ?? emailOwner ?? '');
    if (byNumber && emailOwner && emailOwner !== byNumber) {
      refuse(row, 'employeeEmail', 'email_taken', 'Another employee has this e-mail');
      continue;
    }
    if (!byNumber && entry?.employee.external_id && input.externalId) {
      refuse(
        row,
        'personnelNumber',
        'number_mismatch',
        'The e-mail is an employee’s with another number',
      );
      continue;
    }
    if (!entry) {
      if (!input.name) {
        refuse(row, 'employeeName', 'employee_name_missing', 'A new employee needs a name');
        continue;
      }
      entry = {
        employee: newEmployeeRow(tx, { ...input, name: input.name }),
        isNew: true,
        patch: {},
      };
      entries.set(entry.employee.id, entry);
      outcome.created += 1;
    } else {
      const patch = changesOf(entry.employee, input);
      outcome[Object.keys(patch).length === 0 ? 'duplicates' : 'updated'] += 1;
      entry.patch = { ...entry.patch, ...patch };
      entry.employee = { ...entry.employee, ...patchedColumns(entry.employee, patch, now) };
    }
    const e = entry.employee;
    if (e.external_id) byExternal.set(e.external_id, e.id);
    if (e.email) byEmail.set(e.email, e.id);
    written.push({ row, id: e.id, manager: input.manager });
  }

  // Managers: a number, then an e-mail, then a name (which must name one employee only).
  const byName = new Map<string, string | null>();
  for (const { employee: e } of entries.values()) {
    const key = nameKey(e.name);
    byName.set(key, byName.has(key) && byName.get(key) !== e.id ? null : e.id);
  }
  const links = await managerLinksOf(tx);
  const assigned = new Map<string, { row: number; managerId: string }>();
  for (const w of written) {
    if (!w.manager) continue;
    const named =
      byExternal.get(w.manager) ??
      byEmail.get(w.manager.toLowerCase()) ??
      byName.get(nameKey(w.manager));
    if (named === null)
      refuse(w.row, 'manager', 'ambiguous_manager', 'Several employees have this name');
    else if (named === undefined)
      refuse(w.row, 'manager', 'unknown_manager', 'No employee has this name, e-mail or number');
    else if (named === w.id)
      refuse(w.row, 'manager', 'manager_cycle', 'An employee cannot be their own manager');
    else {
      assigned.set(w.id, { row: w.row, managerId: named });
      links.set(w.id, named);
    }
  }
  for (const [id, { row }] of assigned) {
    let current = links.get(id);
    for (let steps = 0; current && steps <= links.size; steps += 1) {
      if (current === id) {
        refuse(row, 'manager', 'manager_cycle', 'The managers would form a cycle');
        break;
      }
      current = links.get(current);
    }
  }
  if (outcome.errors.length > 0) return outcome;

  const all = [...entries.values()];
  await insertEmployeeRecords(
    tx,
    all.flatMap((e) => (e.isNew ? [{ ...e.employee, manager_id: null }] : [])),
  );
  for (const entry of all) {
    const patch = entry.isNew ? {} : entry.patch;
    const manager = assigned.get(entry.employee.id)?.managerId;
    if (manager && (entry.isNew || manager !== entry.employee.manager_id))
      patch.managerId = manager;
    if (Object.keys(patch).length > 0) await patchEmployeeRecord(tx, entry.employee, patch);
  }
  return outcome;
}
