// The search answer as one flat list in display order (clients, contacts, records, cases), each
// item with the page it opens: what the palette's arrow keys walk through. Pure.
import type { SearchOut } from '../../api/search.ts';

export type SearchKind = 'clients' | 'contacts' | 'feedback' | 'cases';
export const SEARCH_KINDS: readonly SearchKind[] = ['clients', 'contacts', 'feedback', 'cases'];

export interface SearchItem {
  key: string;
  kind: SearchKind;
  title: string;
  detail: string;
  href: string;
  /** A case's status key (translated by the palette). */
  status?: string;
}

const joined = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(' · ');

export function searchItems(out: SearchOut): SearchItem[] {
  return [
    ...out.clients.map((c) => ({
      key: `client:${c.id}`,
      kind: 'clients' as const,
      title: c.name,
      detail: joined(c.inn, c.segment),
      href: `/clients/${c.id}`,
    })),
    ...out.contacts.map((c) => ({
      key: `contact:${c.id}`,
      kind: 'contacts' as const,
      title: c.name,
      detail: joined(c.email, c.phone),
      href: `/clients/${c.clientId}?tab=contacts`,
    })),
    ...out.feedback.map((f) => ({
      key: `feedback:${f.id}`,
      kind: 'feedback' as const,
      title: f.snippet,
      detail: f.publicRef,
      href: `/feedback/${f.id}`,
    })),
    ...out.cases.map((c) => ({
      key: `case:${c.id}`,
      kind: 'cases' as const,
      title: c.title,
      detail: c.publicRef,
      href: `/cases/${c.id}`,
      status: c.status,
    })),
  ];
}
