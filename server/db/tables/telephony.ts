// Row types of the telephony tables (migration 0006): call records and per-org call settings.

import type { CallDirection } from '../../../shared/domain/vocabulary.ts';

export type { CallDirection };

/** A call record from a PBX export or webhook (telephony module). */
export interface CallsTable {
  id: string;
  org_id: string;
  started_at: string;
  direction: CallDirection;
  wait_seconds: number;
  answered: 0 | 1;
  duration_seconds: number;
  employee: string | null;
  user_id: string | null;
  /** The employee the `employee` text names (by name, e-mail, phone or external id). */
  employee_id: string | null;
  /** Normalised by the app (+7XXXXXXXXXX), so matching is plain equality. */
  client_phone: string | null;
  contact_id: string | null;
  client_id: string | null;
  stage: string | null;
  external_id: string;
  called_back_call_id: string | null;
  callback_at: string | null;
  created_at: string;
}

export interface CallSettingsTable {
  org_id: string;
  callback_target_minutes: number;
  updated_at: string;
}

/** The phone-line rollup (migration 0036, ADR 016): sums per org, period and stage key. */
export interface CallRollupsTable {
  org_id: string;
  /** YYYY-MM or YYYY-Qn in call_rollup_zones.time_zone. */
  period: string;
  /** The call's stage, or `none`. */
  stage: string;
  calls: number;
  answered: number;
  inbound: number;
  missed: number;
  wait_sum: number;
  /** Missed calls called back within the target (call_rollup_zones.target_minutes). */
  within_target: number;
  /** Missed calls with a call-back, and without one (some may still be pending at read). */
  missed_linked: number;
  missed_open: number;
}

/** The zone and call-back target the rollup was counted with. */
export interface CallRollupZonesTable {
  org_id: string;
  time_zone: string;
  target_minutes: number;
}
