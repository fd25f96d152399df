// Client care: reminders, important dates, special requirements, notes, timeline and the client
// card fields; shapes from shared/api/care.ts and clients.ts (types only: zod stays out of the bundle).
import type { z } from 'zod';
import type {
  createDateBody,
  createRequirementBody,
  DateOut,
  ReminderOut,
  RequirementOut,
  requirementSearchOut,
  requirementVersionOut,
  TimelineItemOut,
  updateDateBody,
  updateRequirementBody,
} from '../../shared/api/care.ts';
import type { ClientOut, updateClientBody } from '../../shared/api/clients.ts';
import {
  CLIENT_STATUSES,
  DATE_KINDS,
  REQUIREMENT_CATEGORIES,
  REQUIREMENT_SOURCES,
} from '../../shared/domain/vocabulary.ts';
import { queryString } from './clients.ts';
import { api } from './client.ts';
import type { Page } from './orgs.ts';

export type { DateOut, ReminderOut, RequirementOut, TimelineItemOut };
export type RequirementVersion = z.infer<typeof requirementVersionOut>;
export type RequirementSearchHit = z.infer<typeof requirementSearchOut>;
export type ClientStatus = ClientOut['status'];
export { CLIENT_STATUSES, DATE_KINDS, REQUIREMENT_CATEGORIES, REQUIREMENT_SOURCES };
export const REMINDER_KINDS: readonly ReminderOut['kind'][] = [
  'assigned_case',
  'stage_requirement',
  'upcoming_date',
  'detractor_without_followup',
  'sla_risk',
  'missed_call',
  'silent_client',
  'decision_maker_missing',
  'decision_maker_silent',
  'playbook_action',
];

const id = (value: string) => encodeURIComponent(value);

export const listReminders = (q: {
  days: number;
  silentDays?: number;
  mine?: 'true';
  /** The language of titles kept in both (playbook actions). */
  lang?: 'ru' | 'en';
}) => api.get<{ items: ReminderOut[] }>(`/api/v1/reminders${queryString(q)}`);

export const listClientsFiltered = (q: {
  q?: string;
  segment?: string;
  managerId?: string;
  status?: string;
  minStrategicFit?: string;
  cursor?: string;
}) => api.get<Page<ClientOut>>(`/api/v1/clients${queryString({ limit: 50, ...q })}`);
export const updateClientCard = (clientId: string, body: z.input<typeof updateClientBody>) =>
  api.patch<ClientOut>(`/api/v1/clients/${id(clientId)}`, body);

export const listDates = (clientId: string) =>
  api.get<{ items: DateOut[] }>(`/api/v1/clients/${id(clientId)}/dates`);
export const addDate = (clientId: string, body: z.input<typeof createDateBody>) =>
  api.post<DateOut>(`/api/v1/clients/${id(clientId)}/dates`, body);
export const updateDate = (dateId: string, body: z.input<typeof updateDateBody>) =>
  api.patch<DateOut>(`/api/v1/dates/${id(dateId)}`, body);
export const deleteDate = (dateId: string) => api.delete<void>(`/api/v1/dates/${id(dateId)}`);

export const listRequirements = (clientId: string) =>
  api.get<{ items: RequirementOut[] }>(`/api/v1/clients/${id(clientId)}/requirements`);
export const addRequirement = (clientId: string, body: z.input<typeof createRequirementBody>) =>
  api.post<RequirementOut>(`/api/v1/clients/${id(clientId)}/requirements`, body);
export const updateRequirement = (
  requirementId: string,
  body: z.input<typeof updateRequirementBody>,
) => api.patch<RequirementOut>(`/api/v1/requirements/${id(requirementId)}`, body);
export const listRequirementVersions = (requirementId: string) =>
  api.get<{ items: RequirementVersion[] }>(`/api/v1/requirements/${id(requirementId)}/versions`);
export const searchRequirements = (q: {
  q?: string;
  status?: RequirementOut['status'];
  stage?: string;
  limit?: number;
}) =>
  api.get<{ items: RequirementSearchHit[] }>(
    `/api/v1/requirements${queryString({ limit: 100, ...q })}`,
  );
export const caseRequirements = (caseId: string) =>
  api.get<{ items: RequirementOut[] }>(`/api/v1/cases/${id(caseId)}/requirements`);

export const addNote = (clientId: string, text: string) =>
  api.post<{ id: string }>(`/api/v1/clients/${id(clientId)}/notes`, { text });
export const getTimeline = (clientId: string, cursor?: string) =>
  api.get<{ items: TimelineItemOut[]; nextCursor: string | null }>(
    `/api/v1/clients/${id(clientId)}/timeline${queryString({ limit: 50, cursor })}`,
  );
