// SQL of the global search over clients and contacts (issue 21). orgId first, always. Every
// query reads one organisation's rows only and at most `limit` of them.
import { sql } from 'kysely';
import { dialectOf } from '../../db/create-db.ts';
import { escapeLike, likeContains, likeFoldedContains } from '../../db/like.ts';
import type { ClientsTable, ContactsTable, DbOrTrx } from '../../db/types.ts';

/**
 * A phone column as digits only, whatever punctuation it was typed with (+7 (912) 345-67-89
 * → 79123456789), so a query's digits match it however either was written.
 */
const phoneDigits = sql<string>`replace(replace(replace(replace(replace(replace(phone, ' ', ''), '-', ''), '(', ''), ')', ''), '+', ''), '.', '')`;

export interface ContactMatch {
  /** Part of the name, folded (search-fold.ts). */
  name?: string;
  /** Part of the e-mail, lower-cased (e-mails are stored so). */
  email?: string;
  /** The query's digits when it reads as (part of) a phone number. */
  phoneDigits?: string;
  limit: number;
}

/** Contacts by name (folded), e-mail or phone digits; erased contacts never match. */
export async function searchContacts(
  db: DbOrTrx,
  orgId: string,
  m: ContactMatch,
): Promise<ContactsTable[]> {
  const any = [
    ...(m.name ? [likeFoldedContains(dialectOf(db), 'name', m.name)] : []),
    ...(m.email ? [likeContains('email', m.email)] : []),
    ...(m.phoneDigits
      ? [sql<boolean>`${phoneDigits} like ${`%${escapeLike(m.phoneDigits)}%`} escape '\\'`]
      : []),
  ];
  if (any.length === 0) return [];
  return db
    .selectFrom('contacts')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('erased_at', 'is', null)
    .where((eb) => eb.or(any))
    .orderBy('name')
    .orderBy('id')
    .limit(m.limit)
    .execute();
}

/** Clients by their search column (name, external id, segment: already folded). */
export async function searchClientsByText(
  db: DbOrTrx,
  orgId: string,
  folded: string,
  limit: number,
): Promise<ClientsTable[]> {
  return db
    .selectFrom('clients')
    .selectAll()
    .where('org_id', '=', orgId)
    .where(likeContains('search_text', folded))
    .orderBy('name')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Clients whose INN starts with `digits`: a range on clients_org_inn_idx. */
export async function searchClientsByInn(
  db: DbOrTrx,
  orgId: string,
  digits: string,
  limit: number,
): Promise<ClientsTable[]> {
  return db
    .selectFrom('clients')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('inn', '>=', digits)
    .where('inn', '<', `${digits}:`)
    .orderBy('inn')
    .limit(limit)
    .execute();
}

export async function clientsByIds(
  db: DbOrTrx,
  orgId: string,
  ids: readonly string[],
): Promise<ClientsTable[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('clients')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', 'in', [...ids])
    .execute();
}
