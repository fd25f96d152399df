// new → acknowledged → in_progress → waiting_client → resolved → closed, with the shortcuts a
// real desk needs (resolve from any open state, reopen a resolved case). Anything else is a 409.
import type { CaseStatus } from '../../db/types.ts';
import { OPEN_CASE_STATUSES } from '../../../shared/domain/vocabulary.ts';

const NEXT: Record<CaseStatus, readonly CaseStatus[]> = {
  new: ['acknowledged', 'in_progress', 'waiting_client', 'resolved'],
  acknowledged: ['in_progress', 'waiting_client', 'resolved'],
  in_progress: ['waiting_client', 'resolved'],
  waiting_client: ['in_progress', 'resolved'],
  resolved: ['closed', 'in_progress'],
  closed: [],
};

export function canTransition(from: CaseStatus, to: CaseStatus): boolean {
  return NEXT[from].includes(to);
}

export function allowedNext(from: CaseStatus): readonly CaseStatus[] {
  return NEXT[from];
}

export const OPEN_STATUSES: readonly CaseStatus[] = OPEN_CASE_STATUSES;
