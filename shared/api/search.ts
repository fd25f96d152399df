// Global search (issue 21): one query across clients, contacts, feedback records and cases.
import { z } from 'zod';
import { caseStatus } from './cases.ts';

/** Longest query, and most hits of each kind: the search stays bounded whatever is typed. */
export const SEARCH_MAX_QUERY = 200;
export const SEARCH_MAX_LIMIT = 20;

export const searchQuery = z.object({
  q: z.string().trim().min(1).max(SEARCH_MAX_QUERY),
  /** Hits of each kind. */
  limit: z.coerce.number().int().min(1).max(SEARCH_MAX_LIMIT).default(5),
});
export type SearchQuery = z.infer<typeof searchQuery>;

export const searchOut = z.object({
  clients: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      inn: z.string().nullable(),
      segment: z.string().nullable(),
    }),
  ),
  contacts: z.array(
    z.object({
      id: z.string(),
      clientId: z.string(),
      name: z.string(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
    }),
  ),
  feedback: z.array(
    z.object({
      id: z.string(),
      publicRef: z.string(),
      /** The text around the match. */
      snippet: z.string(),
      receivedAt: z.string(),
    }),
  ),
  cases: z.array(
    z.object({ id: z.string(), publicRef: z.string(), title: z.string(), status: caseStatus }),
  ),
});
export type SearchOut = z.infer<typeof searchOut>;
