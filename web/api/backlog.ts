// The improvement backlog (issue 18); shapes from shared/api/backlog.ts (types only).
import type {
  BacklogSummaryOut,
  InitiativeDetailOut,
  InitiativeIn,
  InitiativeOut,
  InitiativePatch,
} from '../../shared/api/backlog.ts';
import { INITIATIVE_STATUSES, QUADRANTS } from '../../shared/domain/vocabulary.ts';
import { api } from './client.ts';
import { queryString } from './clients.ts';

export type { BacklogSummaryOut, InitiativeDetailOut, InitiativeOut };
export { INITIATIVE_STATUSES, QUADRANTS };
export type InitiativeStatus = InitiativeOut['status'];
export type Quadrant = NonNullable<InitiativeOut['quadrant']>;
/** Value or effort at or above this is high (METRICS.md); copied: shared/api carries zod. */
export const QUADRANT_THRESHOLD = 5.5;

export interface InitiativeFilter {
  status?: string;
  stage?: string;
  quadrant?: string;
  open?: 'true' | 'false';
  q?: string;
}

const id = (value: string) => encodeURIComponent(value);

export const listInitiatives = (filter: InitiativeFilter = {}) =>
  api.get<{ items: InitiativeOut[]; nextCursor: string | null; summary: BacklogSummaryOut }>(
    `/api/v1/initiatives${queryString({ limit: 500, ...filter })}`,
  );
export const getInitiative = (initiativeId: string) =>
  api.get<InitiativeDetailOut>(`/api/v1/initiatives/${id(initiativeId)}`);
export const createInitiative = (body: Partial<InitiativeIn> & { title: string }) =>
  api.post<InitiativeOut>('/api/v1/initiatives', body);
export const updateInitiative = (initiativeId: string, body: InitiativePatch) =>
  api.patch<InitiativeOut>(`/api/v1/initiatives/${id(initiativeId)}`, body);
export const linkInitiativeFeedback = (initiativeId: string, feedbackIds: string[]) =>
  api.post<InitiativeOut>(`/api/v1/initiatives/${id(initiativeId)}/feedback`, { feedbackIds });
export const deleteInitiative = (initiativeId: string) =>
  api.delete<void>(`/api/v1/initiatives/${id(initiativeId)}`);
