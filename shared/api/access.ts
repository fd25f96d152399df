// Request and response shapes of sessions, scoped API keys and the filtered audit log (issue 19).
import { z } from 'zod';
import { API_SCOPES } from '../domain/api-scopes.ts';
import { LANGUAGES } from '../domain/vocabulary.ts';
import { EXPORT_FORMATS } from './economics-export.ts';

export const apiScope = z.enum(API_SCOPES);

export const sessionOut = z.object({
  id: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  /** The session this request came with. */
  current: z.boolean(),
});
export type SessionOut = z.infer<typeof sessionOut>;

/** Fields of a new API key beside name and role: its scopes (default: all its role allows) and expiry. */
export const apiKeyAccessFields = {
  scopes: z.array(apiScope).min(1).max(API_SCOPES.length).optional(),
  /** When the key stops working; null or absent: never. Must be in the future. */
  expiresAt: z.iso.datetime({ offset: true }).nullable().optional(),
};

/** Filters of the audit log (and its export). Dates are whole UTC days, `to` included. */
const auditFilters = {
  action: z.string().trim().min(1).max(64).optional(),
  /** A person's or a key's id (who acted). */
  actor: z.uuid().optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
};
export const auditQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  ...auditFilters,
});
export type AuditQuery = z.infer<typeof auditQuery>;
export const auditExportQuery = z.object({
  ...auditFilters,
  format: z.enum(EXPORT_FORMATS).default('csv'),
  lang: z.enum(LANGUAGES).default('ru'),
});
