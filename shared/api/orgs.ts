// Request and response shapes of organisations, people, sessions and API keys (server and UI).
import { z } from 'zod';
import { canonicalTimeZone, isTimeZone } from '../domain/time-zone.ts';
import { ACTOR_TYPES, LANGUAGES, ROLES } from '../domain/vocabulary.ts';
import { apiKeyAccessFields, apiScope } from './access.ts';

export const role = z.enum(ROLES);
export const language = z.enum(LANGUAGES);
export const email = z
  .email()
  .max(254)
  .transform((e) => e.toLowerCase());
export const password = z.string().min(8).max(256);
export const idParam = z.object({ id: z.uuid() });
/** An IANA time zone, stored in the runtime's spelling (europe/moscow → Europe/Moscow). */
export const timeZone = z
  .string()
  .trim()
  .max(64)
  .refine(isTimeZone, 'an IANA time zone such as Europe/Moscow')
  .transform((tz) => canonicalTimeZone(tz) ?? tz);

export const loginBody = z.object({ email, password: z.string().min(1).max(256) });
export const setupBody = z.object({
  orgName: z.string().trim().min(1).max(200),
  name: z.string().trim().min(1).max(200),
  email,
  password,
  language: language.default('ru'),
  /** The organisation's time zone; UTC when not given. */
  timeZone: timeZone.optional(),
});

export const userOut = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role,
  language,
  disabled: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  /** Two-factor sign-in is on (issue 19). */
  twoFactor: z.boolean(),
  /** An admin reset this person's second factor: they must set it up again (issue 19). */
  mustSetUpTwoFactor: z.boolean(),
});
export type UserOut = z.infer<typeof userOut>;

export const orgOut = z.object({
  id: z.string(),
  name: z.string(),
  defaultLanguage: language,
  /** IANA zone in which the organisation's calendar days and months are counted. */
  timeZone: z.string(),
  /** Owner of an auto-opened case when neither the client's manager nor the stage owner is set. */
  defaultCaseOwnerId: z.string().nullable(),
  /** Everyone must sign in with a second factor (issue 19). */
  requireTwoFactor: z.boolean(),
  createdAt: z.string(),
});
export type OrgOut = z.infer<typeof orgOut>;

export const sessionOut = z.object({ user: userOut, org: orgOut, csrfToken: z.string() });
export type SessionOut = z.infer<typeof sessionOut>;

export const createUserBody = z.object({
  email,
  name: z.string().trim().min(1).max(200),
  password,
  role: role.default('viewer'),
  language: language.default('ru'),
});
export const updateUserBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    role,
    language,
    disabled: z.boolean(),
    password,
    /** Required when people change their own password (issue 19). */
    currentPassword: z.string().min(1).max(256),
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: 'at least one field is required' });

export const updateOrgBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    defaultLanguage: language,
    timeZone,
    defaultCaseOwnerId: z.uuid().nullable(),
    requireTwoFactor: z.boolean(),
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: 'at least one field is required' });

export const apiKeyOut = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  role,
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  scopes: z.array(apiScope),
  expiresAt: z.string().nullable(),
});
export type ApiKeyOut = z.infer<typeof apiKeyOut>;
export const createApiKeyBody = z.object({
  name: z.string().trim().min(1).max(100),
  role: role.default('manager'),
  ...apiKeyAccessFields,
});
export const createdApiKeyOut = apiKeyOut.extend({ secret: z.string() });

export const auditOut = z.object({
  id: z.string(),
  actorType: z.enum(ACTOR_TYPES),
  actorId: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  createdAt: z.string(),
});
export type AuditOut = z.infer<typeof auditOut>;

export const publicConfigOut = z.object({
  setupRequired: z.boolean(),
  languages: z.array(language),
  version: z.string(),
});

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });
