// Set-based opening of the cases an intake group's rules ask for (issue 20). The same cases,
// timeline, timers, owners' mails and rollup pieces as openCaseForFeedback once per record
// (cases.service.ts; open-cases.test.ts compares them), written per group: one read of the SLA
// policies, routing with one query per kind (routeCases), one multi-row insert each of cases,
// case events and SLA timer jobs, and the rollup pieces of all the new cases at once.
import type { Ctx } from '../../context.ts';
import { insertRows } from '../../db/bulk.ts';
import type { CaseEventsTable, CasesTable, FeedbackTable } from '../../db/types.ts';
import type { QueueMessageInput } from '../messaging/index.ts';
import { caseEventRow } from './case-events.ts';
import { tellPeople, type CaseNotice } from './case-notices.ts';
import { syncNewCasesRollup } from './case-rollup.service.ts';
import { newCaseRow, ruleCase, slaTimerJobs } from './case-rows.ts';
import * as repo from './cases.repo.ts';
import { caseMailWords } from './case-mail-words.ts';
import { assignmentMail, routeCases } from './routing.ts';
import type { CaseRule } from './rules.ts';
import { dueTimesUnder, policyFor, type DueTimes } from './sla-policies.ts';

export interface CaseRequest {
  /** The record's caller (the case's events name its actor), on the group's transaction. */
  ctx: Ctx;
  feedback: FeedbackTable;
  rule: CaseRule;
}

export interface OpenedCase {
  row: CasesTable;
  /** The routed owner's case_assigned mail, for the caller to queue with the group's messages. */
  mails: QueueMessageInput[];
}

/** Opens one case per request, all of one organisation, in the caller's transaction. */
export async function openCasesForFeedback(
  requests: readonly CaseRequest[],
): Promise<OpenedCase[]> {
  if (requests.length === 0) return [];
  const tx = requests[0]!.ctx;
  const [routes, policies, words] = await Promise.all([
    routeCases(
      tx,
      requests.map((r) => ({ clientId: r.feedback.client_id, stage: r.feedback.stage })),
    ),
    repo.listPolicies(tx.db, tx.orgId),
    caseMailWords(
      tx,
      requests.map((r) => r.feedback.stage),
    ),
  ]);
  const cases: CasesTable[] = [];
  const events: CaseEventsTable[] = [];
  const opened: OpenedCase[] = [];
  const notices: CaseNotice[] = [];
  // Due times walk the business calendar: cases of one policy opened in the same millisecond
  // (most of a group) share them.
  const dueTimes = new Map<string, DueTimes>();
  const dueAt = (priority: CaseRule['priority'], now: Date) => {
    const policy = policyFor(policies, priority);
    const key = `${policy?.id ?? ''}|${now.getTime()}`;
    let due = dueTimes.get(key);
    if (!due) dueTimes.set(key, (due = dueTimesUnder(policy, now)));
    return due;
  };
  requests.forEach(({ ctx, feedback, rule }, i) => {
    const { owner, clientName } = routes[i]!;
    const input = ruleCase(feedback, rule, owner?.id ?? null);
    const now = ctx.clock.now();
    const row = newCaseRow(ctx, input, dueAt(rule.priority, now), now);
    cases.push(row);
    events.push(caseEventRow(ctx, row, { kind: 'opened', toStatus: 'new', body: input.openedBy }));
    const mails: QueueMessageInput[] = [];
    if (owner) {
      events.push(caseEventRow(ctx, row, { kind: 'assigned', body: owner.id }));
      mails.push(assignmentMail(ctx, row, owner, clientName, words));
      notices.push({ kind: 'case_assigned', caseId: row.id, userId: owner.id, actorId: null });
    }
    opened.push({ row, mails });
  });
  await insertRows(tx.db, 'cases', cases);
  await insertRows(tx.db, 'case_events', events);
  await syncNewCasesRollup(tx, cases, events, policies);
  await tx.jobs.enqueueMany(tx.db, cases.flatMap(slaTimerJobs));
  await tellPeople(tx, notices);
  return opened;
}
