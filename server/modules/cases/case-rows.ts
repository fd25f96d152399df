// The row of a new case: one builder for cases opened one at a time (cases.service.ts) and for
// the cases of an intake group opened together (open-cases.ts), so both write the same row.
import type { Ctx } from '../../context.ts';
import type { CasesTable, CaseType, FeedbackTable, Priority } from '../../db/types.ts';
import { newId } from '../../lib/ids.ts';
import { newPublicRef } from '../../lib/public-ref.ts';
import type { CaseRule } from './rules.ts';
import type { DueTimes } from './sla-policies.ts';
import { slaRiskJob } from './sla-risk.ts';

const REASON_TITLES: Record<CaseRule['reason'], string> = {
  nps_detractor: 'NPS',
  csat_low: 'CSAT',
  ces_high: 'CES',
  complaint_words: '',
};

/** A rule's case title: the score and the start of the text, else the record's reference. */
function titleFor(feedback: FeedbackTable, rule: CaseRule): string {
  const snippet = feedback.text ? feedback.text.replace(/\s+/g, ' ').slice(0, 120) : '';
  const score =
    feedback.score_type && feedback.score_value !== null
      ? `${REASON_TITLES[rule.reason] || feedback.score_type.toUpperCase()} ${feedback.score_value}`
      : '';
  return [score, snippet].filter(Boolean).join(': ') || feedback.public_ref;
}

export interface NewCase {
  title: string;
  type: CaseType;
  priority: Priority;
  stage?: string | null;
  clientId?: string | null;
  contactId?: string | null;
  feedbackId?: string | null;
  ownerId?: string | null;
  publicRef?: string;
  openedBy: string;
}

/** The case a rule opens for a record (under the record's public reference). */
export function ruleCase(feedback: FeedbackTable, rule: CaseRule, ownerId: string | null): NewCase {
  return {
    title: titleFor(feedback, rule),
    type: rule.type,
    priority: rule.priority,
    stage: feedback.stage,
    clientId: feedback.client_id,
    contactId: feedback.contact_id,
    feedbackId: feedback.id,
    publicRef: feedback.public_ref,
    ownerId,
    openedBy: `rule:${rule.reason}`,
  };
}

/** A new case's row, opened at `now` with the due times of its policy. */
export function newCaseRow(
  tx: Pick<Ctx, 'orgId'>,
  input: NewCase,
  due: DueTimes,
  now: Date,
): CasesTable {
  return {
    id: newId(now.getTime()),
    org_id: tx.orgId,
    public_ref: input.publicRef ?? newPublicRef(),
    title: input.title,
    type: input.type,
    priority: input.priority,
    status: 'new',
    stage: input.stage ?? null,
    client_id: input.clientId ?? null,
    contact_id: input.contactId ?? null,
    feedback_id: input.feedbackId ?? null,
    owner_id: input.ownerId ?? null,
    sla_policy_id: due.policyId,
    opened_by: input.openedBy,
    first_response_due_at: due.firstResponseDueAt,
    due_at: due.dueAt,
    first_responded_at: null,
    resolved_at: null,
    closed_at: null,
    breached_at: null,
    resolution: null,
    resolution_code: null,
    tags: '[]',
    followup_requested: 0,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
}

/**
 * The SLA timers of a case: a job at its due time escalates promptly (the sweep is the net), and
 * one before it warns the owner that the deadline is near (sla-risk.ts).
 */
export function slaTimerJobs(row: CasesTable) {
  return [slaTimerJob(row), slaRiskJob(row)];
}

function slaTimerJob(row: CasesTable) {
  return {
    name: 'cases.sla.check',
    orgId: row.org_id,
    payload: { caseId: row.id },
    runAt: new Date(row.due_at!),
    dedupeKey: `sla:${row.id}:${row.due_at}`,
  };
}
