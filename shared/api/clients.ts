// Clients (companies and people) and their contacts.
import { z } from 'zod';
import {
  CLIENT_KINDS,
  CLIENT_STATUSES,
  CONTACT_ROLES,
  LANGUAGES,
  PREFERRED_CHANNELS,
} from '../domain/vocabulary.ts';

export const contactRole = z.enum(CONTACT_ROLES);
export const clientKind = z.enum(CLIENT_KINDS);
export const clientStatus = z.enum(CLIENT_STATUSES);
export const preferredChannel = z.enum(PREFERRED_CHANNELS);
const text = (max: number) => z.string().trim().min(1).max(max);
/** A Russian taxpayer number: 10 digits (company) or 12 (person); the service answers 422 otherwise. */
export const INN_PATTERN = /^(?:\d{10}|\d{12})$/;
const inn = z.string().trim().min(1).max(40).describe('INN, 10 or 12 digits');

/** Largest budget accepted, so minor units stay exact integers on both dialects. */
export const MAX_BUDGET = 1e12;
/**
 * Semantic checks (sign, decimals, 0–100) are the service's: 422 naming the field, the same
 * answer whether the client comes through this API or another module.
 */
const budget = z
  .number()
  .max(MAX_BUDGET)
  .describe('decimal in the base currency, ≤ 2 decimals, ≥ 0');
const strategicFit = z.number().describe('integer 0–100: how well the client fits the strategy');

export const createClientBody = z.object({
  name: text(300),
  externalId: text(200).optional(),
  segment: text(100).optional(),
  kind: clientKind.default('company'),
  tier: text(50).optional(),
  managerId: z.uuid().optional(),
  status: clientStatus.optional(),
  corporateSpecifics: text(4000).optional(),
  inn: inn.optional(),
  estimatedAnnualBudget: budget.nullable().optional(),
  strategicFit: strategicFit.nullable().optional(),
});
export const updateClientBody = z
  .object({
    name: text(300),
    externalId: text(200).nullable(),
    segment: text(100).nullable(),
    kind: clientKind,
    tier: text(50).nullable(),
    managerId: z.uuid().nullable(),
    status: clientStatus,
    corporateSpecifics: text(4000).nullable(),
    inn: inn.nullable(),
    estimatedAnnualBudget: budget.nullable(),
    strategicFit: strategicFit.nullable(),
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: 'at least one field is required' });

export const clientOut = z.object({
  id: z.string(),
  name: z.string(),
  kind: clientKind,
  externalId: z.string().nullable(),
  segment: z.string().nullable(),
  tier: z.string().nullable(),
  managerId: z.string().nullable(),
  status: clientStatus,
  corporateSpecifics: z.string().nullable(),
  inn: z.string().nullable(),
  /** Decimal in the base currency (1234.5 = 1 234,50 ₽); null when not estimated. */
  estimatedAnnualBudget: z.number().nullable(),
  strategicFit: z.number().int().min(0).max(100).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ClientOut = z.infer<typeof clientOut>;

export const listClientsQuery = z.object({
  q: z.string().trim().max(200).optional(),
  segment: z.string().trim().max(100).optional(),
  managerId: z.uuid().optional(),
  status: clientStatus.optional(),
  /** Only clients whose strategic fit is at least this (clients without one are left out). */
  minStrategicFit: z.coerce.number().int().min(0).max(100).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const phone = z
  .string()
  .trim()
  .max(40)
  .regex(/^\+?[0-9 ()\-.]{5,}$/, 'a phone number of digits, spaces, dashes and brackets');

export const createContactBody = z.object({
  name: text(300),
  email: z
    .email()
    .max(254)
    .transform((e) => e.toLowerCase())
    .optional(),
  phone: phone.optional(),
  language: z.enum(LANGUAGES).default('ru'),
  roles: z.array(contactRole).max(4).default([]),
  externalId: text(200).optional(),
  preferences: text(4000).optional(),
  preferredChannel: preferredChannel.optional(),
  preferredTime: text(200).optional(),
});
export const updateContactBody = z
  .object({
    name: text(300),
    email: z
      .email()
      .max(254)
      .transform((e) => e.toLowerCase())
      .nullable(),
    phone: phone.nullable(),
    language: z.enum(LANGUAGES),
    roles: z.array(contactRole).max(4),
    preferences: text(4000).nullable(),
    preferredChannel: preferredChannel.nullable(),
    preferredTime: text(200).nullable(),
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: 'at least one field is required' });

/** Roles of many contacts at once (issue 17): all ids of the organisation, else 404 and nothing changes. */
export const contactRolesBody = z
  .object({
    contactIds: z.array(z.uuid()).min(1).max(500),
    add: z.array(contactRole).max(4).default([]),
    remove: z.array(contactRole).max(4).default([]),
  })
  .refine((b) => b.add.length + b.remove.length > 0, {
    message: 'add or remove at least one role',
  })
  .refine((b) => !b.add.some((r) => b.remove.includes(r)), {
    message: 'a role cannot be both added and removed',
  });

export const contactOut = z.object({
  id: z.string(),
  clientId: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  language: z.enum(LANGUAGES),
  roles: z.array(contactRole),
  externalId: z.string().nullable(),
  preferences: z.string().nullable(),
  preferredChannel: preferredChannel.nullable(),
  preferredTime: z.string().nullable(),
  /** When the contact unsubscribed from client notifications (the link in our e-mails); null: subscribed. */
  unsubscribedAt: z.string().nullable(),
  /** When the contact was erased (issue 19): personal fields and texts gone, never mailed again. */
  erasedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type ContactOut = z.infer<typeof contactOut>;
