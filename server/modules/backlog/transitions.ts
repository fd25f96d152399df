// The status machine of an initiative (pure; docs/backlog.md): idea → planned → in_progress →
// done. An idea may start at once (in_progress); planned and in progress may step back; any open
// one may be dropped; a dropped one comes back as an idea; done may be re-opened (in_progress) —
// the "you said, we did" messages already sent are never sent again (initiative_notices).
import type { InitiativeStatus } from '../../../shared/domain/vocabulary.ts';

const NEXT: Record<InitiativeStatus, readonly InitiativeStatus[]> = {
  idea: ['planned', 'in_progress', 'dropped'],
  planned: ['in_progress', 'idea', 'dropped'],
  in_progress: ['done', 'planned', 'dropped'],
  done: ['in_progress'],
  dropped: ['idea'],
};

export const allowedNextStatuses = (from: InitiativeStatus): readonly InitiativeStatus[] =>
  NEXT[from];

/** Staying where it is counts as allowed (a PATCH may repeat the status with other fields). */
export const canMove = (from: InitiativeStatus, to: InitiativeStatus): boolean =>
  from === to || NEXT[from].includes(to);
