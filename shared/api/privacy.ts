// Data-subject rights (issue 19): a contact's export, erasure, deletions and the retention setting.
import { z } from 'zod';
import { contactOut } from './clients.ts';

export const contactExportQuery = z.object({
  format: z.enum(['json', 'html']).default('json'),
  /** Language of the HTML page; the contact's own by default. */
  lang: z.enum(['ru', 'en']).optional(),
});

export const exportSection = z.object({
  key: z.string(),
  title: z.object({ ru: z.string(), en: z.string() }),
  items: z.array(z.record(z.string(), z.unknown())),
});
export type ExportSectionOut = z.infer<typeof exportSection>;

export const contactExportOut = z.object({
  exportedAt: z.string(),
  contact: z.record(z.string(), z.unknown()),
  client: z.record(z.string(), z.unknown()),
  sections: z.array(exportSection),
});
export type ContactExportOut = z.infer<typeof contactExportOut>;

export const contactErasureOut = z.object({
  contact: contactOut,
  /** Rows changed per module and table on this call; empty when the contact was erased before. */
  counts: z.record(z.string(), z.number()),
});
export type ContactErasureOut = z.infer<typeof contactErasureOut>;

export const retentionOut = z.object({
  /** Feedback texts and case reply texts older than this many months are anonymised; null = kept. */
  textMonths: z.number().int().nullable(),
  updatedAt: z.string().nullable(),
});
export type RetentionOut = z.infer<typeof retentionOut>;

export const retentionBody = z.object({
  textMonths: z.number().int().min(1).max(600).nullable(),
});
