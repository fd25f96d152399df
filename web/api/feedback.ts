// Feedback records; shapes from shared/api/feedback.ts.
import type { FeedbackIn, FeedbackOut } from '../../shared/api/feedback.ts';
import { CHANNELS } from '../../shared/domain/vocabulary.ts';
import { api } from './client.ts';
import { queryString } from './clients.ts';
import type { Page } from './orgs.ts';

export type { FeedbackOut };
export type Channel = FeedbackOut['channel'];
// From the vocabulary (no zod), not from shared/api, which the browser bundle avoids.
export { CHANNELS };

export interface FeedbackFilter {
  clientId?: string;
  channel?: string;
  stage?: string;
  hasCase?: 'true' | 'false';
  scoreType?: string;
  /** With scoreType: scores up to this one (the NPS detractors: 6). */
  scoreMax?: string;
  segment?: string;
  managerId?: string;
  noStage?: 'true';
  noSegment?: 'true';
  from?: string;
  to?: string;
  cursor?: string;
  limit?: number;
}

/** How many records the filters match (without paging). */
export const countFeedback = (filter: Omit<FeedbackFilter, 'cursor' | 'limit'>) =>
  api.get<{ count: number }>(`/api/v1/feedback/count${queryString(filter)}`);

export const listFeedback = (filter: FeedbackFilter = {}) =>
  api.get<Page<FeedbackOut>>(`/api/v1/feedback${queryString({ limit: 50, ...filter })}`);
export const getFeedback = (feedbackId: string) =>
  api.get<FeedbackOut>(`/api/v1/feedback/${encodeURIComponent(feedbackId)}`);
export const recordFeedback = (body: Partial<FeedbackIn>) =>
  api.post<FeedbackOut>('/api/v1/feedback', body);
