// Reads the modules above the backlog use (no role check: callers have checked), and the
// status-page notes registered into feedback. Every read is scoped by the organisation.
import type { OrgScope } from '../../context.ts';
import type { InitiativeStatus } from '../../../shared/domain/vocabulary.ts';
import * as repo from './backlog.repo.ts';

export interface InitiativeBrief {
  id: string;
  title: string;
  status: InitiativeStatus;
  dueDate: string | null;
  stage: string | null;
  doneAt: string | null;
}

const brief = (r: Awaited<ReturnType<typeof repo.listInitiatives>>[number]): InitiativeBrief => ({
  id: r.id,
  title: r.title,
  status: r.status,
  dueDate: r.due_date,
  stage: r.stage,
  doneAt: r.done_at ? new Date(r.done_at).toISOString() : null,
});

/** The organisation's initiatives among `ids` (the strategy map's steps); others left out. */
export async function initiativesByIds(
  s: OrgScope,
  ids: readonly string[],
): Promise<InitiativeBrief[]> {
  return (await repo.listInitiatives(s.db, s.orgId, ids)).map(brief);
}

/** The initiatives of each stage that are not dropped (the arbiter report), oldest first. */
export async function initiativesByStage(s: OrgScope): Promise<Map<string, InitiativeBrief[]>> {
  const out = new Map<string, InitiativeBrief[]>();
  for (const r of await repo.listInitiatives(s.db, s.orgId)) {
    if (!r.stage || r.status === 'dropped') continue;
    out.set(r.stage, [...(out.get(r.stage) ?? []), brief(r)]);
  }
  return out;
}

/** "You said, we did" on a record's public status page: done initiatives linked to it. */
export async function doneNotesFor(s: OrgScope, feedbackId: string) {
  const rows = await repo.initiativesOfFeedback(s.db, s.orgId, feedbackId);
  return rows
    .filter((r) => r.status === 'done' && r.done_at)
    .map((r) => ({ title: r.title, note: r.public_note, at: new Date(r.done_at!).toISOString() }));
}
