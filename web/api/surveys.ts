// The survey endpoints the UI uses (types only from shared/api, so zod stays out of the bundle),
// plus the two client/contact lists the invitation picker needs.
import type { z } from 'zod';
import type { ClientOut, ContactOut } from '../../shared/api/clients.ts';
import type {
  createSurveyBody,
  CreatedInvitesOut,
  InviteOut,
  SurveyOut,
  updateSurveyBody,
} from '../../shared/api/surveys.ts';
import { api } from './client.ts';
import type { Page } from './orgs.ts';

export type { ClientOut, ContactOut, CreatedInvitesOut, InviteOut, SurveyOut };

const id = (value: string) => encodeURIComponent(value);

export const listSurveys = () => api.get<Page<SurveyOut>>('/api/v1/surveys?limit=200');
export const createSurvey = (body: z.input<typeof createSurveyBody>) =>
  api.post<SurveyOut>('/api/v1/surveys', body);
export const updateSurvey = (surveyId: string, body: z.input<typeof updateSurveyBody>) =>
  api.patch<SurveyOut>(`/api/v1/surveys/${id(surveyId)}`, body);
export const qrCodeUrl = (surveyId: string) => `/api/v1/surveys/${id(surveyId)}/qr.svg`;

export const listInvites = (surveyId: string) =>
  api.get<Page<InviteOut>>(`/api/v1/surveys/${id(surveyId)}/invites?limit=200`);
export const createInvites = (surveyId: string, body: { contactIds: string[]; send: boolean }) =>
  api.post<CreatedInvitesOut>(`/api/v1/surveys/${id(surveyId)}/invites`, body);

export const searchClients = (q: string) =>
  api.get<Page<ClientOut>>(
    `/api/v1/clients?limit=50${q.trim() ? `&q=${encodeURIComponent(q.trim())}` : ''}`,
  );
export const listContacts = (clientId: string) =>
  api.get<{ items: ContactOut[] }>(`/api/v1/clients/${id(clientId)}/contacts`);
