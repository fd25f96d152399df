// Reads the modules above cases need (care's timeline, inbound threading, the status page).
// Services without a role check: callers have checked the caller's role or are public by
// design (a public reference is the capability). Every read is scoped by the organisation.
import type { OrgScope } from '../../context.ts';
import type { CaseEventsTable, CasesTable, DbOrTrx } from '../../db/types.ts';
import * as repo from './cases.repo.ts';
import { findCasesByIds } from './case-list.repo.ts';
import { OPEN_CASE_STATUSES } from '../../../shared/domain/vocabulary.ts';

export async function findCaseInOrg(s: OrgScope, caseId: string): Promise<CasesTable | undefined> {
  return repo.findCase(s.db, s.orgId, caseId);
}

/** The cases of the organisation among `ids` (any order; another organisation's ids name none). */
export async function findCasesInOrg(s: OrgScope, ids: readonly string[]): Promise<CasesTable[]> {
  return findCasesByIds(s.db, s.orgId, ids);
}

/** The case a public reference names, in whichever organisation holds it (the status page). */
export async function findCaseByRef(
  db: DbOrTrx,
  publicRef: string,
): Promise<CasesTable | undefined> {
  return repo.findCaseByPublicRef(db, publicRef);
}

/** A client's most recent cases, newest first, at most `limit`. */
export async function listCasesOfClient(
  s: OrgScope,
  clientId: string,
  limit: number,
): Promise<CasesTable[]> {
  return (await repo.listCases(s.db, s.orgId, { clientId, limit })).slice(0, limit);
}

export async function listEventsOfCase(s: OrgScope, caseId: string): Promise<CaseEventsTable[]> {
  return repo.listEvents(s.db, s.orgId, caseId);
}

/** Open cases `ownerId` owns, newest first, at most `limit` (the care inbox's "assigned to me"). */
export async function listOpenCasesOwnedBy(
  s: OrgScope,
  ownerId: string,
  limit: number,
): Promise<CasesTable[]> {
  const open = [...OPEN_CASE_STATUSES];
  return (await repo.listCases(s.db, s.orgId, { ownerId, status: open, limit })).slice(0, limit);
}

/** Open cases of each journey stage: how many, and the oldest few of each (the arbiter). */
export async function openCasesByStage(
  s: OrgScope,
  perStage: number,
): Promise<Map<string, { total: number; oldest: CasesTable[] }>> {
  const rows = await repo.listOpenStageCases(s.db, s.orgId, [...OPEN_CASE_STATUSES]);
  const out = new Map<string, { total: number; oldest: CasesTable[] }>();
  for (const row of rows) {
    const entry = out.get(row.stage!) ?? { total: 0, oldest: [] };
    entry.total += 1;
    if (entry.oldest.length < perStage) entry.oldest.push(row);
    out.set(row.stage!, entry);
  }
  return out;
}

/** Holidays (YYYY-MM-DD) of the organisation's default SLA policy: its working calendar. */
export async function orgHolidays(s: OrgScope): Promise<string[]> {
  const policy = await repo.findDefaultPolicy(s.db, s.orgId);
  return policy ? (JSON.parse(policy.holidays) as string[]) : [];
}
