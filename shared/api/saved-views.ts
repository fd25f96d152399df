// A person's saved views of a list (issue 21): a name and the list's filters, private to the
// person. The server checks the shape of the filters only; a list applies the filters it knows
// and drops the rest, so a view saved before a filter was removed still opens.
import { z } from 'zod';

export const SAVED_VIEW_LISTS = ['feedback', 'cases', 'clients'] as const;
export type SavedViewList = (typeof SAVED_VIEW_LISTS)[number];
/** Views one person may keep per list. */
export const SAVED_VIEWS_MAX = 50;

const FILTER_MAX_KEYS = 30;
export const savedViewFilters = z
  .record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,49}$/, 'a filter name'), z.string().max(500))
  .refine((f) => Object.keys(f).length <= FILTER_MAX_KEYS, `at most ${FILTER_MAX_KEYS} filters`);

const name = z.string().trim().min(1).max(100);

export const savedViewsQuery = z.object({ list: z.enum(SAVED_VIEW_LISTS) });

export const createSavedViewBody = z.object({
  list: z.enum(SAVED_VIEW_LISTS),
  name,
  filters: savedViewFilters,
});
export type CreateSavedViewBody = z.infer<typeof createSavedViewBody>;

export const updateSavedViewBody = z
  .object({ name: name.optional(), filters: savedViewFilters.optional() })
  .refine((b) => b.name !== undefined || b.filters !== undefined, 'name or filters');
export type UpdateSavedViewBody = z.infer<typeof updateSavedViewBody>;

export const savedViewOut = z.object({
  id: z.string(),
  list: z.string(),
  name: z.string(),
  filters: z.record(z.string(), z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SavedViewOut = z.infer<typeof savedViewOut>;

export const savedViewsOut = z.object({ items: z.array(savedViewOut) });
