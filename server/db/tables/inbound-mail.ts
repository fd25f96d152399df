// Row types of the inbound-mail tables (migration 0003): per-org inbound addresses and received messages.

export interface InboundAddressesTable {
  org_id: string;
  token: string;
  created_at: string;
}

import type { InboundStatus } from '../../../shared/domain/vocabulary.ts';

export type { InboundStatus };

export interface InboundMessagesTable {
  id: string;
  org_id: string;
  from_address: string;
  from_name: string | null;
  subject: string;
  text: string;
  message_id: string | null;
  status: InboundStatus;
  feedback_id: string | null;
  case_id: string | null;
  received_at: string;
  created_at: string;
  decided_at: string | null;
  decided_by: string | null;
}
