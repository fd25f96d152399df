// Data-subject rights (issue 19): a contact's export and erasure, the admins' deletions and the
// retention of texts; shapes from shared/api/privacy.ts (types only).
import type { ContactErasureOut, RetentionOut } from '../../shared/api/privacy.ts';
import { api } from './client.ts';

export type { ContactErasureOut, RetentionOut };
const id = (value: string) => encodeURIComponent(value);

/** Links the browser downloads with the session cookie (a GET needs no CSRF token). */
export const contactExportUrl = (contactId: string, format: 'json' | 'html', lang: string) =>
  `/api/v1/contacts/${id(contactId)}/export?format=${format}${format === 'html' ? `&lang=${lang === 'en' ? 'en' : 'ru'}` : ''}`;
export const eraseContact = (contactId: string) =>
  api.post<ContactErasureOut>(`/api/v1/contacts/${id(contactId)}/erase`);
export const deleteContact = (contactId: string) =>
  api.delete<void>(`/api/v1/contacts/${id(contactId)}`);
export const deleteClient = (clientId: string) =>
  api.delete<void>(`/api/v1/clients/${id(clientId)}`);
export const deleteFeedback = (feedbackId: string) =>
  api.delete<void>(`/api/v1/feedback/${id(feedbackId)}`);
export const deleteCase = (caseId: string) => api.delete<void>(`/api/v1/cases/${id(caseId)}`);
export const getRetention = () => api.get<RetentionOut>('/api/v1/settings/retention');
export const setRetention = (textMonths: number | null) =>
  api.put<RetentionOut>('/api/v1/settings/retention', { textMonths });
