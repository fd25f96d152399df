// What the operational scorecard needs from cases (issue 15): per case its stage, its times and
// its status history, with the times to acknowledge and to resolve in BUSINESS minutes under the
// calendar its SLA due times were computed with (its policy's hours and holidays; the built-in
// calendar when it had none). No role check: the caller (the scorecard service) has checked.
import type { OrgScope } from '../../context.ts';
import type { CaseEventsTable, CasesTable, CaseStatus, SlaPoliciesTable } from '../../db/types.ts';
import { OPEN_CASE_STATUSES } from '../../../shared/domain/vocabulary.ts';
import * as repo from './cases.repo.ts';
import * as factsRepo from './case-facts.repo.ts';
import { calendarOf } from './sla-policies.ts';
import { businessMinutesBetween, DEFAULT_CALENDAR, type BusinessCalendar } from './sla.ts';

export interface CaseFact {
  id: string;
  /** What people see and say (the scorecard's drill-down lists it). */
  publicRef: string;
  title: string;
  clientId: string | null;
  stage: string | null;
  openedAt: string;
  /** The first move by a person (the automatic acknowledgement mail does not count). */
  firstRespondedAt: string | null;
  /** The resolution that stands (a reopened case has none until resolved again). */
  resolvedAt: string | null;
  dueAt: string | null;
  breachedAt: string | null;
  /** Business minutes from opening to the first response / to the resolution that stands. */
  ackMinutes: number | null;
  resolveMinutes: number | null;
  /** Status changes, oldest first (the case is `new` from openedAt until the first). */
  statuses: { at: string; status: CaseStatus }[];
}

const OPEN = new Set<string>(OPEN_CASE_STATUSES);

/** The case's status just before `at`; null when it was not opened yet. */
export function caseStatusAt(c: CaseFact, at: string): CaseStatus | null {
  if (c.openedAt >= at) return null;
  let status: CaseStatus = 'new';
  for (const s of c.statuses) {
    if (s.at >= at) break;
    status = s.status;
  }
  return status;
}

/** True when the case was open (opened, not resolved or closed) at `at`. */
export function caseOpenAt(c: CaseFact, at: string): boolean {
  const status = caseStatusAt(c, at);
  return status !== null && OPEN.has(status);
}

/** The facts of every case a window [from, to) (ISO instants) can say anything about. */
export async function listCaseFacts(
  s: OrgScope,
  window: { from: string; to: string },
): Promise<CaseFact[]> {
  const [cases, events, policies] = await Promise.all([
    repo.listCasesOfWindow(s.db, s.orgId, window.from, window.to),
    repo.listStatusEventsOfWindow(s.db, s.orgId, window.from, window.to),
    repo.listPolicies(s.db, s.orgId),
  ]);
  return factsOf(cases, events, policies);
}

/** The facts of the given cases of the organisation (the rollup's writers). */
export async function caseFactsOf(s: OrgScope, ids: readonly string[]): Promise<CaseFact[]> {
  if (ids.length === 0) return [];
  const [cases, events, policies] = await Promise.all([
    factsRepo.listCasesByIds(s.db, s.orgId, ids),
    factsRepo.listStatusEventsOf(s.db, s.orgId, ids),
    repo.listPolicies(s.db, s.orgId),
  ]);
  return factsOf(cases, events, policies);
}

type StatusEvent = Pick<CaseEventsTable, 'case_id' | 'to_status' | 'created_at'>;

/** The facts of case rows with their events (status changes are taken from them) and policies. */
export function factsOf(
  cases: readonly CasesTable[],
  events: readonly StatusEvent[],
  policies: readonly SlaPoliciesTable[],
): CaseFact[] {
  const calendars = new Map<string, BusinessCalendar>(
    policies.map((p: SlaPoliciesTable) => [p.id, calendarOf(p)]),
  );
  const statuses = new Map<string, CaseFact['statuses']>();
  for (const e of events) {
    if (!e.to_status) continue;
    const list = statuses.get(e.case_id) ?? [];
    list.push({ at: iso(e.created_at), status: e.to_status as CaseStatus });
    statuses.set(e.case_id, list);
  }
  return cases.map((c) => {
    const cal = (c.sla_policy_id && calendars.get(c.sla_policy_id)) || DEFAULT_CALENDAR;
    const opened = new Date(c.created_at);
    const minutes = (at: string | null) =>
      at === null ? null : businessMinutesBetween(opened, new Date(at), cal);
    return {
      id: c.id,
      publicRef: c.public_ref,
      title: c.title,
      clientId: c.client_id,
      stage: c.stage,
      openedAt: iso(c.created_at),
      firstRespondedAt: isoOrNull(c.first_responded_at),
      resolvedAt: isoOrNull(c.resolved_at),
      dueAt: isoOrNull(c.due_at),
      breachedAt: isoOrNull(c.breached_at),
      ackMinutes: minutes(c.first_responded_at),
      resolveMinutes: minutes(c.resolved_at),
      statuses: statuses.get(c.id) ?? [],
    };
  });
}

/** One text form for comparisons (PostgreSQL may give another offset notation). */
const iso = (t: string) => new Date(t).toISOString();
const isoOrNull = (t: string | null) => (t === null ? null : iso(t));
