// Row types of the foundation tables (migration 0001): orgs, users, sessions, API keys, jobs, audit log, settings.
import type { ActorType, JobStatus, Language, Role } from '../../../shared/domain/vocabulary.ts';

export type { JobStatus, Language, Role };

export interface OrgsTable {
  id: string;
  name: string;
  default_language: Language;
  created_at: string;
  /** IANA time zone (migration 0016; 'UTC' by default, so optional on insert). */
  time_zone?: string;
  /** The owner of an auto-opened case nobody else owns (migration 0017; optional on insert). */
  default_case_owner_id?: string | null;
  /** 1 when every person must sign in with a second factor (migration 0024; 0 by default). */
  require_two_factor?: number;
}

export interface UsersTable {
  id: string;
  org_id: string;
  email: string;
  name: string;
  password_hash: string;
  role: Role;
  language: Language;
  disabled_at: string | null;
  last_login_at: string | null;
  created_at: string;
  /** Migration 0024 (optional on insert): the TOTP secret, sealed (server/lib/secret-box.ts). */
  totp_secret_enc?: string | null;
  /** When two-factor sign-in was switched on; null while only set up (or off). */
  totp_enabled_at?: string | null;
  /** The 30-second step of the last code accepted: a code is never accepted twice. */
  totp_last_step?: number | null;
  /** Migration 0038: an admin reset the second factor; the person must set it up again. */
  totp_reset_at?: string | null;
}

export interface SessionsTable {
  id: string;
  org_id: string;
  user_id: string;
  token_hash: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string | null;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiKeysTable {
  id: string;
  org_id: string;
  name: string;
  prefix: string;
  key_hash: string;
  role: Role;
  created_by: string | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  /** Space-separated API scopes (shared/domain/api-scopes.ts). */
  scopes: string;
  expires_at: string | null;
}

export interface JobsTable {
  id: string;
  org_id: string | null;
  name: string;
  payload: string;
  status: JobStatus;
  run_at: string;
  attempts: number;
  max_attempts: number;
  locked_until: string | null;
  locked_by: string | null;
  last_error: string | null;
  dedupe_key: string | null;
  created_at: string;
  finished_at: string | null;
}

export interface AuditLogTable {
  id: string;
  org_id: string;
  actor_type: ActorType;
  actor_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  details: string | null;
  created_at: string;
  /** Migration 0038: the caller's address and user agent, when a request caused the entry. */
  ip?: string | null;
  user_agent?: string | null;
}

export interface InstanceSettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

/** A one-time recovery code of a person with two-factor sign-in (migration 0024), SHA-256 only. */
export interface RecoveryCodesTable {
  id: string;
  org_id: string;
  user_id: string;
  code_hash: string;
  used_at: string | null;
  created_at: string;
}

/** A password step passed that still waits for the second factor (migration 0024). */
export interface LoginChallengesTable {
  id: string;
  org_id: string;
  user_id: string;
  token_hash: string;
  failures: number;
  created_at: string;
  expires_at: string;
}

/** A single-use password reset token, SHA-256 only (migration 0024). */
export interface PasswordResetsTable {
  id: string;
  org_id: string;
  user_id: string;
  token_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}
