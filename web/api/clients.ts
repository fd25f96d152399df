// Clients and contacts; shapes from shared/api/clients.ts (types only: zod stays out of the bundle).
import type { z } from 'zod';
import type {
  ClientOut,
  ContactOut,
  createClientBody,
  createContactBody,
  updateContactBody,
} from '../../shared/api/clients.ts';
import { CONTACT_ROLES, PREFERRED_CHANNELS } from '../../shared/domain/vocabulary.ts';
import { api } from './client.ts';
import type { Page } from './orgs.ts';

export type { ClientOut, ContactOut };
export type ContactRole = ContactOut['roles'][number];
export type PreferredChannel = NonNullable<ContactOut['preferredChannel']>;
export { CONTACT_ROLES, PREFERRED_CHANNELS };

/** `?a=1&b=2` from the defined, non-empty values; '' when there are none. */
export function queryString(
  params: Record<string, string | number | boolean | undefined | null>,
): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

const id = (value: string) => encodeURIComponent(value);

export const listClients = (
  q: { q?: string; segment?: string; cursor?: string; limit?: number } = {},
) => api.get<Page<ClientOut>>(`/api/v1/clients${queryString({ limit: 50, ...q })}`);
export const getClient = (clientId: string) =>
  api.get<ClientOut>(`/api/v1/clients/${id(clientId)}`);
export const createClient = (body: z.input<typeof createClientBody>) =>
  api.post<ClientOut>('/api/v1/clients', body);
export const listContacts = (clientId: string) =>
  api.get<{ items: ContactOut[] }>(`/api/v1/clients/${id(clientId)}/contacts`);
export const getContact = (contactId: string) =>
  api.get<ContactOut>(`/api/v1/contacts/${id(contactId)}`);
export const createContact = (clientId: string, body: z.input<typeof createContactBody>) =>
  api.post<ContactOut>(`/api/v1/clients/${id(clientId)}/contacts`, body);
export const updateContact = (contactId: string, body: z.input<typeof updateContactBody>) =>
  api.patch<ContactOut>(`/api/v1/contacts/${id(contactId)}`, body);
/** Roles of many contacts at once (issue 17): all or nothing. */
export const changeContactRoles = (body: {
  contactIds: string[];
  add?: ContactOut['roles'];
  remove?: ContactOut['roles'];
}) => api.post<{ items: ContactOut[] }>('/api/v1/contacts/roles', body);
/** Takes a contact off the unsubscribe list, at the contact's request (admins only). */
export const resubscribeContact = (contactId: string) =>
  api.post<ContactOut>(`/api/v1/contacts/${id(contactId)}/resubscribe`, {});
