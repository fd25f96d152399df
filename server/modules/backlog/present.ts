// The wire shape of an initiative (shared/api/backlog.ts).
import type { InitiativeOut } from '../../../shared/api/backlog.ts';
import { fromMinorUnits } from '../../lib/money.ts';
import { allowedNextStatuses } from './transitions.ts';
import type { InitiativeView } from './views.ts';

export function presentInitiative(v: InitiativeView): InitiativeOut {
  return {
    id: v.id,
    title: v.title,
    description: v.description,
    stage: v.stage,
    ownerId: v.owner_id,
    status: v.status,
    allowedNext: [...allowedNextStatuses(v.status)],
    dueDate: v.due_date,
    value: v.effectiveValue,
    valueSource: v.value !== null ? 'manual' : v.effectiveValue !== null ? 'computed' : null,
    effort: v.effort,
    quadrant: v.quadrant,
    rank: v.rank,
    reach: v.reach,
    revenueAtStake: fromMinorUnits(v.revenueMinor),
    publicNote: v.public_note,
    doneAt: v.done_at ? new Date(v.done_at).toISOString() : null,
    onTime: v.onTime,
    feedbackIds: v.feedbackIds,
    clientIds: v.clientIds,
    caseIds: v.caseIds,
    createdAt: new Date(v.created_at).toISOString(),
    updatedAt: new Date(v.updated_at).toISOString(),
  };
}
