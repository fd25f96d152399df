// The organisation endpoints the UI uses; shapes come from shared/api/orgs.ts (types only,
// so zod is not bundled into the browser).
import type { z } from 'zod';
import type {
  ApiKeyOut,
  auditOut,
  createApiKeyBody,
  createdApiKeyOut,
  createUserBody,
  OrgOut,
  publicConfigOut,
  SessionOut,
  setupBody,
  updateOrgBody,
  updateUserBody,
  UserOut,
} from '../../shared/api/orgs.ts';
import { api, setCsrfToken } from './client.ts';
import { rememberSession } from './session-hint.ts';

export type PublicConfig = z.infer<typeof publicConfigOut>;
export type AuditEntry = z.infer<typeof auditOut>;
export type CreatedApiKey = z.infer<typeof createdApiKeyOut>;
export type Page<T> = { items: T[]; nextCursor: string | null };
export type { ApiKeyOut, OrgOut, SessionOut, UserOut };

function keepCsrf(session: SessionOut): SessionOut {
  setCsrfToken(session.csrfToken);
  rememberSession(true);
  return session;
}

export const getPublicConfig = () => api.get<PublicConfig>('/api/config');

export const getSession = () => api.get<SessionOut>('/api/v1/auth/session').then(keepCsrf);
export const login = (body: { email: string; password: string }) =>
  api.post<SessionOut>('/api/v1/auth/login', body).then(keepCsrf);
export const setUp = (body: z.input<typeof setupBody>) =>
  api.post<SessionOut>('/api/v1/setup', body).then(keepCsrf);
export async function logout(): Promise<void> {
  rememberSession(false);
  try {
    await api.post<void>('/api/v1/auth/logout');
  } finally {
    setCsrfToken(undefined);
  }
}

export const getOrg = () => api.get<OrgOut>('/api/v1/org');
export const updateOrg = (body: z.input<typeof updateOrgBody>) =>
  api.patch<OrgOut>('/api/v1/org', body);

export const listUsers = (cursor?: string) =>
  api.get<Page<UserOut>>(
    `/api/v1/users?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
  );
export const createUser = (body: z.input<typeof createUserBody>) =>
  api.post<UserOut>('/api/v1/users', body);
export const updateUser = (id: string, body: z.input<typeof updateUserBody>) =>
  api.patch<UserOut>(`/api/v1/users/${encodeURIComponent(id)}`, body);

export const listApiKeys = () => api.get<{ items: ApiKeyOut[] }>('/api/v1/api-keys');
export const createApiKey = (body: z.input<typeof createApiKeyBody>) =>
  api.post<CreatedApiKey>('/api/v1/api-keys', body);
export const revokeApiKey = (id: string) =>
  api.delete<ApiKeyOut>(`/api/v1/api-keys/${encodeURIComponent(id)}`);

/** Filters of the audit log (and its export): action, actor id, UTC days from–to. */
export interface AuditFilters {
  action?: string;
  actor?: string;
  from?: string;
  to?: string;
}
export function listAudit(filters: AuditFilters, cursor?: string) {
  const search = new URLSearchParams({ limit: '50' });
  for (const [key, value] of Object.entries({ ...filters, cursor }))
    if (value) search.set(key, value);
  return api.get<Page<AuditEntry>>(`/api/v1/audit?${search}`);
}
export const listAuditActions = () =>
  api.get<{ items: string[] }>('/api/v1/audit/actions').then((r) => r.items);
