// E-mail in: the organisation's inbound address and the quarantine; shapes from shared/api/inbound.ts.
import type { InboundAddressOut, InboundMessageOut } from '../../shared/api/inbound.ts';
import { api } from './client.ts';
import type { Page } from './orgs.ts';

export type { InboundAddressOut, InboundMessageOut };

export const getInboundAddress = () => api.get<InboundAddressOut>('/api/v1/inbound/address');
export const listQuarantine = (cursor?: string) =>
  api.get<Page<InboundMessageOut>>(
    `/api/v1/inbound/quarantine?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
  );
export const acceptQuarantined = (id: string) =>
  api.post<InboundMessageOut>(`/api/v1/inbound/quarantine/${encodeURIComponent(id)}/accept`);
export const discardQuarantined = (id: string) =>
  api.post<InboundMessageOut>(`/api/v1/inbound/quarantine/${encodeURIComponent(id)}/discard`);
