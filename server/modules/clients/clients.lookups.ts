// Reads the modules above clients need (economics filters and fields). Services without a role
// check: callers have checked. Every read is scoped by the organisation.
import type { OrgScope } from '../../context.ts';
import * as repo from './clients.repo.ts';

/** Ids of the clients in `segment` and/or managed by `managerId` (both optional, ANDed). */
export async function clientIdsWhere(
  s: OrgScope,
  filter: { segment?: string; managerId?: string },
): Promise<string[]> {
  return repo.clientIdsWhere(s.db, s.orgId, filter);
}

/** A client's estimated annual budget (integer minor units) and strategic fit (0–100). */
export interface ClientEconomicsFields {
  estimatedAnnualBudgetMinor: number | null;
  strategicFit: number | null;
}

type FieldsRow = { estimated_annual_budget_minor?: number | null; strategic_fit?: number | null };
const fieldsOf = (r: FieldsRow): ClientEconomicsFields => ({
  // Number(): a PostgreSQL bigint must never reach a sum as a string.
  estimatedAnnualBudgetMinor:
    r.estimated_annual_budget_minor == null ? null : Number(r.estimated_annual_budget_minor),
  strategicFit: r.strategic_fit ?? null,
});

/** One client's economics fields; undefined when the id names no client of this organisation. */
export async function clientEconomicsFields(
  s: OrgScope,
  clientId: string,
): Promise<ClientEconomicsFields | undefined> {
  const row = await repo.findEconomicsFields(s.db, s.orgId, clientId);
  return row && fieldsOf(row);
}

/** The economics fields of every client in `segment` and/or of `managerId`, by client id. */
export async function clientEconomicsFieldsWhere(
  s: OrgScope,
  filter: { segment?: string; managerId?: string },
): Promise<Map<string, ClientEconomicsFields>> {
  const rows = await repo.economicsFieldsWhere(s.db, s.orgId, filter);
  return new Map(rows.map((r) => [r.id, fieldsOf(r)]));
}

/** The ids among `ids` that name clients of the organisation (a batch checks them at once). */
export async function existingClientIds(s: OrgScope, ids: readonly string[]): Promise<Set<string>> {
  return new Set((await repo.clientNamesByIds(s.db, s.orgId, ids)).map((r) => r.id));
}

/** The names of the organisation's clients among `ids`, by id (others are left out). */
export async function clientNames(
  s: OrgScope,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const rows = await repo.clientNamesByIds(s.db, s.orgId, [...new Set(ids)]);
  return new Map(rows.map((r) => [r.id, r.name]));
}
