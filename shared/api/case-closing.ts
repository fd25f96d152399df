// Issue 21, closing cases: resolution codes, the count of resolved cases by code, bulk actions.
import { z } from 'zod';
import { caseOut } from './cases.ts';

export const resolutionCodeOut = z.object({
  id: z.string(),
  key: z.string(),
  nameRu: z.string(),
  nameEn: z.string(),
  position: z.number(),
  retired: z.boolean(),
});
export type ResolutionCodeOut = z.infer<typeof resolutionCodeOut>;

const codeName = z.string().trim().min(1).max(100);
export const resolutionCodeBody = z.object({ nameRu: codeName, nameEn: codeName });
export const resolutionCodePatch = z
  .object({ nameRu: codeName, nameEn: codeName, retired: z.boolean() })
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: 'at least one field is required' });
/** Every code of the organisation, once each, in the new order. */
export const resolutionCodeOrderBody = z.object({ order: z.array(z.uuid()).min(1).max(500) });

export const resolutionCountsQuery = z.object({
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
});
export const resolutionCountOut = z.object({
  /** The code's key, or `none` for cases resolved without one. */
  code: z.string(),
  nameRu: z.string().nullable(),
  nameEn: z.string().nullable(),
  retired: z.boolean(),
  count: z.number(),
});
export type ResolutionCountOut = z.infer<typeof resolutionCountOut>;

export const BULK_MAX_CASES = 200;
const ids = z.array(z.uuid()).min(1).max(BULK_MAX_CASES);
export const bulkCasesBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('assign'), ids, ownerId: z.uuid().nullable() }),
  z.object({
    action: z.literal('resolve'),
    ids,
    resolutionCode: z.string().min(1).max(64).optional(),
    note: z.string().trim().min(1).max(10_000).optional(),
    /** Send each case's closing message to its client; off unless chosen. */
    notifyClients: z.boolean().default(false),
  }),
  z.object({ action: z.literal('tag'), ids, tag: z.string().max(100) }),
]);
export type BulkCasesBody = z.input<typeof bulkCasesBody>;
export const bulkCasesOut = z.object({ items: z.array(caseOut) });
