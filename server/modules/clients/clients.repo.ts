// The only file of the clients module with SQL. orgId first, always.
import { insertRows } from '../../db/bulk.ts';
import { selectByKeys } from '../../db/select-by-keys.ts';
import type {
  ClientsTable,
  ClientStatus,
  ContactsTable,
  ContactUnsubscribesTable,
  DbOrTrx,
} from '../../db/types.ts';
import { notFound } from '../../http/errors.ts';
import { likeContains } from '../../db/like.ts';

export async function insertClient(db: DbOrTrx, row: ClientsTable): Promise<void> {
  await db.insertInto('clients').values(row).execute();
}

export async function findClient(
  db: DbOrTrx,
  orgId: string,
  id: string,
): Promise<ClientsTable | undefined> {
  return db
    .selectFrom('clients')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function getClient(db: DbOrTrx, orgId: string, id: string): Promise<ClientsTable> {
  const row = await findClient(db, orgId, id);
  if (!row) throw notFound('Client');
  return row;
}

export async function findClientByExternalId(
  db: DbOrTrx,
  orgId: string,
  externalId: string,
): Promise<ClientsTable | undefined> {
  return db
    .selectFrom('clients')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('external_id', '=', externalId)
    .executeTakeFirst();
}

/** The oldest client with this INN, or by exactly this name: the keys imports match on. */
export async function findClientBy(
  db: DbOrTrx,
  orgId: string,
  key: { inn: string } | { name: string },
): Promise<ClientsTable | undefined> {
  let q = db.selectFrom('clients').selectAll().where('org_id', '=', orgId);
  q = 'inn' in key ? q.where('inn', '=', key.inn) : q.where('name', '=', key.name);
  return q.orderBy('id').limit(1).executeTakeFirst();
}

export async function listClients(
  db: DbOrTrx,
  orgId: string,
  filter: {
    q?: string;
    segment?: string;
    managerId?: string;
    status?: ClientStatus;
    minStrategicFit?: number;
    afterId?: string;
    limit: number;
  },
): Promise<ClientsTable[]> {
  let q = db.selectFrom('clients').selectAll().where('org_id', '=', orgId);
  if (filter.q) q = q.where(likeContains('search_text', filter.q));
  if (filter.segment) q = q.where('segment', '=', filter.segment);
  if (filter.managerId) q = q.where('manager_id', '=', filter.managerId);
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.minStrategicFit !== undefined)
    q = q.where('strategic_fit', '>=', filter.minStrategicFit);
  if (filter.afterId) q = q.where('id', '>', filter.afterId);
  return q
    .orderBy('id')
    .limit(filter.limit + 1)
    .execute();
}

export async function updateClient(
  db: DbOrTrx,
  orgId: string,
  id: string,
  patch: Partial<ClientsTable>,
): Promise<void> {
  await db
    .updateTable('clients')
    .set(patch)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export async function insertContact(db: DbOrTrx, row: ContactsTable): Promise<void> {
  await db.insertInto('contacts').values(row).execute();
}

export async function findContact(
  db: DbOrTrx,
  orgId: string,
  id: string,
): Promise<ContactsTable | undefined> {
  return db
    .selectFrom('contacts')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function getContact(db: DbOrTrx, orgId: string, id: string): Promise<ContactsTable> {
  const row = await findContact(db, orgId, id);
  if (!row) throw notFound('Contact');
  return row;
}

/** The oldest contact with this e-mail (e-mails are stored lower-cased). */
export async function findContactByEmail(
  db: DbOrTrx,
  orgId: string,
  email: string,
): Promise<ContactsTable | undefined> {
  return db
    .selectFrom('contacts')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('email', '=', email.toLowerCase())
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
}

export async function insertClients(db: DbOrTrx, rows: readonly ClientsTable[]): Promise<void> {
  await insertRows(db, 'clients', rows);
}

export async function insertContacts(db: DbOrTrx, rows: readonly ContactsTable[]): Promise<void> {
  await insertRows(db, 'contacts', rows);
}

/**
 * The oldest contact of each e-mail (lower-cased) among `emails`: one query for an intake group
 * (PostgreSQL probes the e-mail index once per address, whatever the table's statistics).
 */
export async function findContactsByEmails(
  db: DbOrTrx,
  orgId: string,
  emails: readonly string[],
): Promise<Map<string, ContactsTable>> {
  const lower = emails.map((e) => e.toLowerCase());
  const rows = await selectByKeys(db, 'email', lower, (keys) =>
    db.selectFrom('contacts').selectAll().where('org_id', '=', orgId).where(keys).orderBy('id'),
  );
  const found = new Map<string, ContactsTable>();
  // Each address's rows come in id order: from one IN list on SQLite (keys are not repeated
  // across lists), as the single first row on PostgreSQL.
  for (const r of rows) if (r.email && !found.has(r.email)) found.set(r.email, r);
  return found;
}

export async function listContacts(
  db: DbOrTrx,
  orgId: string,
  clientId: string,
): Promise<ContactsTable[]> {
  return db
    .selectFrom('contacts')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('client_id', '=', clientId)
    .orderBy('id')
    .execute();
}

export async function updateContact(
  db: DbOrTrx,
  orgId: string,
  id: string,
  patch: Partial<ContactsTable>,
): Promise<void> {
  await db
    .updateTable('contacts')
    .set(patch)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

/** Ids of the organisation's clients in a segment and/or of a manager. */
export async function clientIdsWhere(
  db: DbOrTrx,
  orgId: string,
  f: { segment?: string; managerId?: string },
): Promise<string[]> {
  let q = db.selectFrom('clients').select('id').where('org_id', '=', orgId);
  if (f.segment) q = q.where('segment', '=', f.segment);
  if (f.managerId) q = q.where('manager_id', '=', f.managerId);
  return (await q.execute()).map((r) => r.id);
}

/** One client's economics fields; undefined for an id that is not a client of this org. */
export async function findEconomicsFields(db: DbOrTrx, orgId: string, id: string) {
  return db
    .selectFrom('clients')
    .select(['id', 'estimated_annual_budget_minor', 'strategic_fit'])
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The economics fields of the organisation's clients in a segment and/or of a manager. */
export async function economicsFieldsWhere(
  db: DbOrTrx,
  orgId: string,
  f: { segment?: string; managerId?: string },
) {
  let q = db
    .selectFrom('clients')
    .select(['id', 'estimated_annual_budget_minor', 'strategic_fit'])
    .where('org_id', '=', orgId);
  if (f.segment) q = q.where('segment', '=', f.segment);
  if (f.managerId) q = q.where('manager_id', '=', f.managerId);
  return q.orderBy('id').execute();
}

/** The clients of the organisation among `ids`, with their names. */
export async function clientNamesByIds(
  db: DbOrTrx,
  orgId: string,
  ids: readonly string[],
): Promise<Array<{ id: string; name: string }>> {
  return selectByKeys(
    db,
    'id',
    ids,
    (keys) =>
      db.selectFrom('clients').select(['id', 'name']).where('org_id', '=', orgId).where(keys),
    'uuid',
  );
}

/** When each of `contactIds` unsubscribed (contacts on the list only). */
export async function unsubscribedAt(
  db: DbOrTrx,
  orgId: string,
  contactIds: readonly string[],
): Promise<Map<string, string>> {
  if (contactIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('contact_unsubscribes')
    .select(['contact_id', 'created_at'])
    .where('org_id', '=', orgId)
    .where('contact_id', 'in', [...new Set(contactIds)])
    .execute();
  return new Map(rows.map((r) => [r.contact_id, r.created_at]));
}

/** True when the row was added, false when the contact was on the list already. */
export async function insertUnsubscribe(
  db: DbOrTrx,
  row: ContactUnsubscribesTable,
): Promise<boolean> {
  const res = await db
    .insertInto('contact_unsubscribes')
    .values(row)
    .onConflict((oc) => oc.columns(['org_id', 'contact_id', 'scope']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function deleteUnsubscribes(
  db: DbOrTrx,
  orgId: string,
  contactId: string,
): Promise<number> {
  const res = await db
    .deleteFrom('contact_unsubscribes')
    .where('org_id', '=', orgId)
    .where('contact_id', '=', contactId)
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}
