// The stage machine of an opportunity (pure): idea → offered → won | lost. An idea may be
// dropped (lost) without an offer; an offer may go back to an idea (withdrawn for rework); a
// lost one may be reopened as an idea; won is final — the money came, the record is history.
import type { OpportunityStage } from '../../../shared/domain/vocabulary.ts';

const NEXT: Record<OpportunityStage, readonly OpportunityStage[]> = {
  idea: ['offered', 'lost'],
  offered: ['won', 'lost', 'idea'],
  won: [],
  lost: ['idea'],
};

export const allowedNextStages = (from: OpportunityStage): readonly OpportunityStage[] =>
  NEXT[from];

/** Staying where it is counts as allowed (a PATCH may repeat the stage with other fields). */
export const canMove = (from: OpportunityStage, to: OpportunityStage): boolean =>
  from === to || NEXT[from].includes(to);
