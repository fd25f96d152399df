// Cases, their timeline and SLA policies; shapes from shared/api/cases.ts.
import type { z } from 'zod';
import type {
  caseEventOut,
  CaseOut,
  createCaseBody,
  slaPolicyBody,
  slaPolicyOut,
  slaPolicyPatch,
  updateCaseBody,
} from '../../shared/api/cases.ts';
import type {
  BulkCasesBody,
  ResolutionCodeOut,
  ResolutionCountOut,
} from '../../shared/api/case-closing.ts';
import { CASE_TYPES, PRIORITIES } from '../../shared/domain/vocabulary.ts';
import { api } from './client.ts';
import { queryString } from './clients.ts';
import type { Page } from './orgs.ts';

export type { CaseOut };
export type CaseStatus = CaseOut['status'];
export type CasePriority = CaseOut['priority'];
export type CaseType = CaseOut['type'];
export type CaseEvent = z.infer<typeof caseEventOut>;
export type SlaPolicy = z.infer<typeof slaPolicyOut>;
export type SlaPolicyInput = z.input<typeof slaPolicyBody>;

export const BOARD_STATUSES: readonly CaseStatus[] = [
  'new',
  'acknowledged',
  'in_progress',
  'waiting_client',
  'resolved',
];
export { CASE_TYPES, PRIORITIES };

const id = (value: string) => encodeURIComponent(value);

export interface CaseFilter {
  open?: boolean;
  status?: readonly CaseStatus[];
  ownerId?: string;
  clientId?: string;
  stage?: string;
  resolvedFrom?: string;
  resolvedTo?: string;
  resolutionCode?: string;
  tag?: string;
  openedFrom?: string;
  openedTo?: string;
  breachedFrom?: string;
  breachedTo?: string;
  cursor?: string;
  limit?: number;
}

export const listCases = ({ status, ...filter }: CaseFilter = {}) =>
  api.get<Page<CaseOut>>(
    `/api/v1/cases${queryString({ limit: 200, ...filter, status: status?.join(',') })}`,
  );
/** Every case the filter matches, page after page: a work list never drops rows. */
export async function listAllCases(filter: Omit<CaseFilter, 'cursor'>): Promise<CaseOut[]> {
  const all: CaseOut[] = [];
  let cursor: string | undefined;
  // 100 pages of 200 is far beyond any board; the bound only stops a runaway loop.
  for (let pages = 0; pages < 100; pages++) {
    const page = await listCases({ ...filter, limit: 200, cursor });
    all.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return all;
}
export const getCase = (caseId: string) => api.get<CaseOut>(`/api/v1/cases/${id(caseId)}`);
export const createCase = (body: z.input<typeof createCaseBody>) =>
  api.post<CaseOut>('/api/v1/cases', body);
export const updateCase = (caseId: string, body: z.input<typeof updateCaseBody>) =>
  api.patch<CaseOut>(`/api/v1/cases/${id(caseId)}`, body);
export const sendCaseReply = (caseId: string, text: string) =>
  api.post<{ messageId: string; to: string; language: string }>(
    `/api/v1/cases/${id(caseId)}/replies`,
    { text },
  );
export const listCaseEvents = (caseId: string) =>
  api.get<{ items: CaseEvent[] }>(`/api/v1/cases/${id(caseId)}/events`);

export const listSlaPolicies = () => api.get<{ items: SlaPolicy[] }>('/api/v1/sla-policies');
export const createSlaPolicy = (body: SlaPolicyInput) =>
  api.post<SlaPolicy>('/api/v1/sla-policies', body);
export const updateSlaPolicy = (policyId: string, body: z.input<typeof slaPolicyPatch>) =>
  api.patch<SlaPolicy>(`/api/v1/sla-policies/${id(policyId)}`, body);
export const deleteSlaPolicy = (policyId: string) =>
  api.delete<void>(`/api/v1/sla-policies/${id(policyId)}`);

/**
 * SLA risk order for the inbox: breached first, then the earliest due time; cases without a
 * due time last. Ties keep the newest first.
 */
export function byRisk(a: CaseOut, b: CaseOut): number {
  const breached = Number(Boolean(b.breachedAt)) - Number(Boolean(a.breachedAt));
  if (breached) return breached;
  const due = (c: CaseOut) => (c.dueAt ? Date.parse(c.dueAt) : Number.POSITIVE_INFINITY);
  const diff = due(a) - due(b);
  if (diff) return diff;
  return b.createdAt.localeCompare(a.createdAt);
}

// Issue 21: resolution codes, the count of resolved cases by code, bulk actions.
export type { ResolutionCodeOut, ResolutionCountOut, BulkCasesBody };
export const listResolutionCodes = () =>
  api.get<{ items: ResolutionCodeOut[] }>('/api/v1/cases/resolution-codes');
export const createResolutionCode = (body: { nameRu: string; nameEn: string }) =>
  api.post<ResolutionCodeOut>('/api/v1/cases/resolution-codes', body);
export const updateResolutionCode = (
  codeId: string,
  body: { nameRu?: string; nameEn?: string; retired?: boolean },
) => api.patch<ResolutionCodeOut>(`/api/v1/cases/resolution-codes/${id(codeId)}`, body);
export const reorderResolutionCodes = (order: string[]) =>
  api.put<{ items: ResolutionCodeOut[] }>('/api/v1/cases/resolution-codes/order', { order });
export const resolutionCounts = (from: string, to: string) =>
  api.get<{ items: ResolutionCountOut[] }>(
    `/api/v1/cases/resolution-counts${queryString({ from, to })}`,
  );
export const bulkCases = (body: BulkCasesBody) =>
  api.post<{ items: CaseOut[] }>('/api/v1/cases/bulk', body);
