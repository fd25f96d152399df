// Opportunities on the client card (issue 17); shapes from shared/api/opportunities.ts (types only).
import type {
  OpportunityOut,
  SuggestionOut,
  SuggestionsOut,
} from '../../shared/api/opportunities.ts';
import { OPPORTUNITY_STAGES } from '../../shared/domain/vocabulary.ts';
import { api } from './client.ts';

export type { OpportunityOut, SuggestionOut, SuggestionsOut };
export { OPPORTUNITY_STAGES };

const id = (value: string) => encodeURIComponent(value);

export const listOpportunities = (clientId: string) =>
  api.get<{ items: OpportunityOut[] }>(`/api/v1/clients/${id(clientId)}/opportunities`);

export const suggestedOpportunities = (clientId: string) =>
  api.get<SuggestionsOut>(`/api/v1/clients/${id(clientId)}/opportunities/suggested`);

export const addOpportunity = (
  clientId: string,
  body: { product: string; value?: number | null; dueDate?: string | null; note?: string | null },
) => api.post<OpportunityOut>(`/api/v1/clients/${id(clientId)}/opportunities`, body);

export const updateOpportunity = (
  opportunityId: string,
  body: { stage?: OpportunityOut['stage']; transactionIds?: string[] },
) => api.patch<OpportunityOut>(`/api/v1/opportunities/${id(opportunityId)}`, body);

export const deleteOpportunity = (opportunityId: string) =>
  api.delete<void>(`/api/v1/opportunities/${id(opportunityId)}`);
