// The only file of the telephony module with SQL.
import { selectByKeys } from '../../db/select-by-keys.ts';
import type { CallSettingsTable, CallsTable, DbOrTrx } from '../../db/types.ts';
import { notFound } from '../../http/errors.ts';
import { before } from '../../db/keyset.ts';
import type { CountedRows, KeyPageQuery } from '../../lib/paging.ts';

/** Small enough for SQLite's bound-variable limit with every column of a call. */
const CHUNK = 200;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function insertCalls(db: DbOrTrx, rows: CallsTable[]): Promise<void> {
  for (const part of chunks(rows)) await db.insertInto('calls').values(part).execute();
}

export async function findCall(
  db: DbOrTrx,
  orgId: string,
  id: string,
): Promise<CallsTable | undefined> {
  return db
    .selectFrom('calls')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function getCall(db: DbOrTrx, orgId: string, id: string): Promise<CallsTable> {
  const row = await findCall(db, orgId, id);
  if (!row) throw notFound('Call');
  return row;
}

/** Calls stored before under these external ids (unique per organisation): one query for an import. */
export async function findCallsByExternalIds(
  db: DbOrTrx,
  orgId: string,
  externalIds: readonly string[],
): Promise<CallsTable[]> {
  return selectByKeys(db, 'external_id', externalIds, (keys) =>
    db.selectFrom('calls').selectAll().where('org_id', '=', orgId).where(keys),
  );
}

export async function listCallsOfPhones(
  db: DbOrTrx,
  orgId: string,
  phones: readonly string[],
): Promise<CallsTable[]> {
  const found: CallsTable[] = [];
  for (const part of chunks(phones, 500)) {
    found.push(
      ...(await db
        .selectFrom('calls')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('client_phone', 'in', part)
        .execute()),
    );
  }
  return found;
}

export async function setCallback(
  db: DbOrTrx,
  orgId: string,
  id: string,
  link: Pick<CallsTable, 'called_back_call_id' | 'callback_at'>,
): Promise<void> {
  await db
    .updateTable('calls')
    .set(link)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export interface CallFilter {
  beforeId?: string;
  limit: number;
  from?: string;
  to?: string;
  missedOnly?: boolean;
  employee?: string;
}

export async function listCalls(db: DbOrTrx, orgId: string, f: CallFilter): Promise<CallsTable[]> {
  let q = db.selectFrom('calls').selectAll().where('org_id', '=', orgId);
  if (f.beforeId) q = q.where('id', '<', f.beforeId);
  if (f.from) q = q.where('started_at', '>=', f.from);
  if (f.to) q = q.where('started_at', '<', f.to);
  if (f.missedOnly) q = q.where('direction', '=', 'in').where('answered', '=', 0);
  if (f.employee) q = q.where('employee', '=', f.employee);
  return q
    .orderBy('id', 'desc')
    .limit(f.limit + 1)
    .execute();
}

/** Missed inbound calls to a known number, not called back, that started at or before `startedBefore`. */
export async function listMissedWithoutCallback(
  db: DbOrTrx,
  orgId: string,
  f: { startedBefore: string; limit: number },
): Promise<CallsTable[]> {
  return db
    .selectFrom('calls')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('direction', '=', 'in')
    .where('answered', '=', 0)
    .where('called_back_call_id', 'is', null)
    .where('client_phone', 'is not', null)
    .where('started_at', '<=', f.startedBefore)
    .orderBy('started_at', 'asc')
    .limit(f.limit)
    .execute();
}

export async function listCallsOfClient(
  db: DbOrTrx,
  orgId: string,
  clientId: string,
  limit: number,
): Promise<CallsTable[]> {
  return db
    .selectFrom('calls')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('client_id', '=', clientId)
    .orderBy('started_at', 'desc')
    .limit(limit)
    .execute();
}

export async function listCallsBetween(db: DbOrTrx, orgId: string, from: string, to: string) {
  return db
    .selectFrom('calls')
    .select([
      'started_at',
      'direction',
      'answered',
      'wait_seconds',
      'employee',
      'stage',
      'callback_at',
    ])
    .where('org_id', '=', orgId)
    .where('started_at', '>=', from)
    .where('started_at', '<', to)
    .execute();
}

export async function findSettings(
  db: DbOrTrx,
  orgId: string,
): Promise<CallSettingsTable | undefined> {
  return db.selectFrom('call_settings').selectAll().where('org_id', '=', orgId).executeTakeFirst();
}

export async function upsertSettings(db: DbOrTrx, row: CallSettingsTable): Promise<void> {
  await db
    .insertInto('call_settings')
    .values(row)
    .onConflict((oc) =>
      oc.column('org_id').doUpdateSet({
        callback_target_minutes: row.callback_target_minutes,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

/**
 * Contacts with a phone, and users, read (never written) to match calls: the clients and orgs
 * modules have no per-org phone lookup, and an import needs them all at once, not per row.
 */
export async function listContactPhones(db: DbOrTrx, orgId: string) {
  return db
    .selectFrom('contacts')
    .select(['id', 'client_id', 'phone'])
    .where('org_id', '=', orgId)
    .where('phone', 'is not', null)
    .orderBy('id')
    .execute();
}

export async function listUserEmails(db: DbOrTrx, orgId: string) {
  return db.selectFrom('users').select(['id', 'email']).where('org_id', '=', orgId).execute();
}

/**
 * The calls of one stage started in [from, to), newest first, a page at a time, with their
 * count — the calls the stage's group of listCallsBetween holds. Telephony groups calls without
 * a stage under the key `none`, so a stage of that key holds them too.
 */
export async function listStageCalls(
  db: DbOrTrx,
  orgId: string,
  q: { stage: string; from: string; to: string } & KeyPageQuery,
): Promise<CountedRows<CallsTable>> {
  const of = () => {
    const query = db
      .selectFrom('calls')
      .where('org_id', '=', orgId)
      .where('started_at', '>=', q.from)
      .where('started_at', '<', q.to);
    return q.stage === 'none'
      ? query.where((eb) => eb.or([eb('stage', '=', q.stage), eb('stage', 'is', null)]))
      : query.where('stage', '=', q.stage);
  };
  let page = of().selectAll();
  if (q.before) page = page.where(before('started_at', q.before));
  const [rows, count] = await Promise.all([
    page
      .orderBy('started_at', 'desc')
      .orderBy('id', 'desc')
      .limit(q.limit + 1)
      .execute(),
    of()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { total: Number(count.n), rows };
}
