// Outbound messages and their templates; shapes from shared/api/messaging.ts.
import type { z } from 'zod';
import type { MessageOut, templateBody, templateOut } from '../../shared/api/messaging.ts';
import { api, request } from './client.ts';
import { queryString } from './clients.ts';
import type { Page } from './orgs.ts';

export type { MessageOut };
export type MessageTemplate = z.infer<typeof templateOut>;
export type MessageKind = MessageTemplate['kind'];

export const listMessages = (filter: { caseId?: string; feedbackId?: string; clientId?: string }) =>
  api.get<Page<MessageOut>>(`/api/v1/messages${queryString({ limit: 200, ...filter })}`);

const templatePath = (kind: string, language: string) =>
  `/api/v1/templates/${encodeURIComponent(kind)}/${encodeURIComponent(language)}`;
export const listTemplates = () => api.get<{ items: MessageTemplate[] }>('/api/v1/templates');
export const saveTemplate = (kind: string, language: string, body: z.input<typeof templateBody>) =>
  request<MessageTemplate>('PUT', templatePath(kind, language), body);
export const resetTemplate = (kind: string, language: string) =>
  api.delete<unknown>(templatePath(kind, language));
