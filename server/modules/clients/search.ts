// The clients module's part of the global search (issue 21): clients by name, external id,
// segment (the Cyrillic search column), INN, and the e-mail and phone of their contacts; contacts
// by name, e-mail and phone. Phone numbers match by digits, however either side was punctuated.
import type { Ctx } from '../../context.ts';
import type { ClientsTable, ContactsTable } from '../../db/types.ts';
import { assertCan } from '../../lib/permissions.ts';
import { foldForSearch } from '../../../shared/domain/search-fold.ts';
import * as repo from './search.repo.ts';

/**
 * The digits of a query that reads as (part of) a phone number: only digits and phone
 * punctuation, at least 4 digits. A full Russian number (11 digits from 7 or 8) is cut to its
 * 10 national digits, so 8 912…, +7 912… and 912… all find one another.
 */
export function phoneQueryDigits(q: string): string | undefined {
  if (!/^[\d\s()+\-.]+$/.test(q)) return undefined;
  const digits = q.replace(/\D/g, '');
  if (digits.length < 4) return undefined;
  return digits.length === 11 && /^[78]/.test(digits) ? digits.slice(1) : digits;
}

/** The INN prefix a query may be: 4 to 12 digits (spaces allowed, as INNs are read aloud). */
function innPrefix(q: string): string | undefined {
  const digits = q.replace(/\s/g, '');
  return /^\d{4,12}$/.test(digits) ? digits : undefined;
}

export async function searchContacts(ctx: Ctx, q: string, limit: number): Promise<ContactsTable[]> {
  assertCan(ctx.actor, 'data.read');
  const folded = foldForSearch(q);
  return repo.searchContacts(ctx.db, ctx.orgId, {
    name: folded,
    email: folded,
    phoneDigits: phoneQueryDigits(q),
    limit,
  });
}

/** Clients matched by their own fields first, then those of matching contacts; at most `limit`. */
export async function searchClients(ctx: Ctx, q: string, limit: number): Promise<ClientsTable[]> {
  assertCan(ctx.actor, 'data.read');
  const inn = innPrefix(q);
  const phone = phoneQueryDigits(q);
  const byText = await repo.searchClientsByText(ctx.db, ctx.orgId, foldForSearch(q), limit);
  const byInn = inn ? await repo.searchClientsByInn(ctx.db, ctx.orgId, inn, limit) : [];
  // A contact's e-mail (a query with @ or a dot, no spaces) or phone names its client; a name
  // alone finds the contact, not its client.
  const viaContacts = await repo.searchContacts(ctx.db, ctx.orgId, {
    email: /^\S*[@.]\S*$/.test(q) ? foldForSearch(q) : undefined,
    phoneDigits: phone,
    limit,
  });
  const seen = new Set<string>();
  const out: ClientsTable[] = [];
  const take = (rows: ClientsTable[]) => {
    for (const r of rows)
      if (!seen.has(r.id) && out.length < limit) {
        seen.add(r.id);
        out.push(r);
      }
  };
  take(byText);
  take(byInn);
  const ids = [...new Set(viaContacts.map((c) => c.client_id))].filter((id) => !seen.has(id));
  take(await repo.clientsByIds(ctx.db, ctx.orgId, ids));
  return out;
}
