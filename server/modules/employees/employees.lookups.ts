// Reads and writes other modules need: telephony matches a call's employee text, care checks the
// employee of a meeting, the imports pipeline upserts a file of employees. No role checks here:
// the calling service has checked. Everything is scoped by the organisation.
import type { OrgScope } from '../../context.ts';
import type { EmployeesTable } from '../../db/types.ts';
import { normalisePhone } from '../../lib/phone.ts';
import type { UpdateEmployeeBody } from '../../../shared/api/employees.ts';
import { nameKeyOf } from './employee-keys.ts';
import { patchedColumns } from './employees.service.ts';
import * as repo from './employees.repo.ts';
import { ensureStageKeys } from '../stages/index.ts';

/** Keys per IN list: far below either dialect's limit on bound parameters. */
const CHUNK = 500;

/** One of the organisation's employees; undefined for another organisation's id. */
export async function findEmployeeOf(s: OrgScope, id: string): Promise<EmployeesTable | undefined> {
  return repo.findEmployee(s.db, s.orgId, id);
}

/** Employees by external id, lower-cased e-mail or folded name; one query per 500 keys of a kind. */
export async function findEmployeesByImportKeys(
  s: OrgScope,
  keys: { externalIds?: readonly string[]; emails?: readonly string[]; names?: readonly string[] },
): Promise<EmployeesTable[]> {
  const found = new Map<string, EmployeesTable>();
  const kinds = [
    ['externalIds', [...new Set(keys.externalIds ?? [])]],
    ['emails', [...new Set(keys.emails ?? [])]],
    ['names', [...new Set((keys.names ?? []).map(nameKeyOf))]],
  ] as const;
  for (const [kind, values] of kinds)
    for (let i = 0; i < values.length; i += CHUNK)
      for (const row of await repo.findEmployeesByKeys(s.db, s.orgId, {
        [kind]: values.slice(i, i + CHUNK),
      }))
        found.set(row.id, row);
  return [...found.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * The employee each text names — a call's `employee` column: an external id, an e-mail, a phone
 * or a full name, in that order of trust. A name two employees share names nobody. One query
 * for the whole group of texts (per 500 distinct texts).
 */
export async function matchEmployeesByText(
  s: OrgScope,
  texts: readonly string[],
): Promise<Map<string, string>> {
  const distinct = [...new Set(texts.map((t) => t.trim()).filter(Boolean))];
  const out = new Map<string, string>();
  const rows: EmployeesTable[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < distinct.length; i += CHUNK) {
    const part = distinct.slice(i, i + CHUNK);
    for (const row of await repo.findEmployeesByKeys(s.db, s.orgId, {
      externalIds: part,
      emails: part.map((t) => t.toLowerCase()),
      phones: part.map((t) => normalisePhone(t)).filter((p): p is string => !!p),
      names: part.map(nameKeyOf),
    }))
      if (!seen.has(row.id)) {
        seen.add(row.id);
        rows.push(row);
      }
  }
  const unique = (pick: (e: EmployeesTable) => string | null) => {
    const map = new Map<string, string | null>();
    for (const e of rows) {
      const key = pick(e);
      if (key !== null) map.set(key, map.has(key) ? null : e.id);
    }
    return map;
  };
  const byExternal = unique((e) => e.external_id);
  const byEmail = unique((e) => e.email);
  const byPhone = unique((e) => e.phone_key);
  const byName = unique((e) => e.name_key);
  for (const text of distinct) {
    const phone = normalisePhone(text);
    const id =
      byExternal.get(text) ??
      byEmail.get(text.toLowerCase()) ??
      (phone ? byPhone.get(phone) : undefined) ??
      byName.get(nameKeyOf(text));
    if (id) out.set(text, id);
  }
  return out;
}

/** Rows made by newEmployeeRow; the caller has checked uniqueness and managers. */
export async function insertEmployeeRecords(
  s: OrgScope & { clock: { now(): Date } },
  rows: readonly EmployeesTable[],
): Promise<void> {
  for (const row of rows) await repo.insertEmployee(s.db, row);
  await ensureStageKeys(
    s,
    rows.map((r) => r.stage_key),
  );
}

/** Applies a patch (updateEmployee's shape) to a row the caller read; returns the new row. */
export async function patchEmployeeRecord(
  s: OrgScope & { clock: { now(): Date } },
  current: EmployeesTable,
  patch: UpdateEmployeeBody,
): Promise<EmployeesTable> {
  const columns = patchedColumns(current, patch, s.clock.now().toISOString());
  await repo.updateEmployee(s.db, s.orgId, current.id, columns);
  await ensureStageKeys(s, [patch.stageKey]);
  return { ...current, ...columns };
}

/** Every employee's manager (id → manager id), for checking a set of new links for cycles. */
export async function managerLinksOf(s: OrgScope): Promise<Map<string, string | null>> {
  return repo.managerLinks(s.db, s.orgId);
}
