// Text analytics endpoints: the topic taxonomy, re-analysis and corrections (shapes from
// shared/api/text.ts, types only).
import type { AnalysisOut, TopicOut, TrendsOut } from '../../shared/api/text.ts';
import { SENTIMENT_LABELS, type SentimentLabel } from '../../shared/domain/vocabulary.ts';
import { api, request } from './client.ts';
import { queryString } from './clients.ts';

export type { AnalysisOut, TopicOut, TrendsOut };
export type { SentimentLabel };
export const SENTIMENTS = SENTIMENT_LABELS;
export const TOPICS_KEY = ['text', 'topics'] as const;

export const getTopics = () =>
  api.get<{ items: TopicOut[]; modelVersion: string }>('/api/v1/text/topics');
export const putTopics = (items: TopicOut[]) =>
  request<{ items: TopicOut[]; modelVersion: string }>('PUT', '/api/v1/text/topics', { items });
export const reanalyse = (range: { from?: string; to?: string } = {}) =>
  api.post<{ queued: number }>('/api/v1/text/reanalyse', range);
export const correctAnalysis = (
  feedbackId: string,
  body: { sentiment?: SentimentLabel; topics?: string[] },
) => api.patch<AnalysisOut>(`/api/v1/feedback/${encodeURIComponent(feedbackId)}/analysis`, body);
export const getAnalysis = (feedbackId: string) =>
  api.get<AnalysisOut>(`/api/v1/feedback/${encodeURIComponent(feedbackId)}/analysis`);
/** The dashboard's window and filters, as the satisfaction charts beside it take them. */
export const getTextTrends = (q: {
  from: string;
  to?: string;
  stage?: string;
  segment?: string;
  managerId?: string;
  clientId?: string;
  channel?: string;
}) => api.get<TrendsOut>(`/api/v1/text/trends${queryString(q)}`);
