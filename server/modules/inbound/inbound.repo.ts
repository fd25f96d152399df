// The only file of the inbound module with SQL.
import type { DbOrTrx, InboundAddressesTable, InboundMessagesTable } from '../../db/types.ts';
import { notFound } from '../../http/errors.ts';

export async function findAddress(
  db: DbOrTrx,
  orgId: string,
): Promise<InboundAddressesTable | undefined> {
  return db
    .selectFrom('inbound_addresses')
    .selectAll()
    .where('org_id', '=', orgId)
    .executeTakeFirst();
}

/** One address per organisation: a concurrent first request loses quietly and reads the winner's. */
export async function insertAddressIfMissing(
  db: DbOrTrx,
  row: InboundAddressesTable,
): Promise<void> {
  await db
    .insertInto('inbound_addresses')
    .values(row)
    .onConflict((oc) => oc.column('org_id').doNothing())
    .execute();
}

/** The receiver routes mail by the unguessable token in the recipient address, across organisations. */
export async function findOrgIdByToken(db: DbOrTrx, token: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('inbound_addresses')
    .select('org_id')
    .where('token', '=', token)
    .executeTakeFirst();
  return row?.org_id;
}

/** Inserts unless the organisation already has a message with this Message-ID; true when inserted. */
export async function insertInboundMessage(
  db: DbOrTrx,
  row: InboundMessagesTable,
): Promise<boolean> {
  const res = await db
    .insertInto('inbound_messages')
    .values(row)
    .onConflict((oc) => oc.columns(['org_id', 'message_id']).doNothing())
    .returning('id')
    .execute();
  return res.length === 1;
}

export async function findInboundByMessageId(
  db: DbOrTrx,
  orgId: string,
  messageId: string,
): Promise<InboundMessagesTable | undefined> {
  return db
    .selectFrom('inbound_messages')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('message_id', '=', messageId)
    .executeTakeFirst();
}

export async function getInboundMessage(
  db: DbOrTrx,
  orgId: string,
  id: string,
): Promise<InboundMessagesTable> {
  const row = await db
    .selectFrom('inbound_messages')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Inbound message');
  return row;
}

/** Newest first; the cursor is the last id seen. */
export async function listQuarantined(
  db: DbOrTrx,
  orgId: string,
  f: { beforeId?: string; limit: number },
): Promise<InboundMessagesTable[]> {
  let q = db
    .selectFrom('inbound_messages')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('status', '=', 'quarantined');
  if (f.beforeId) q = q.where('id', '<', f.beforeId);
  return q
    .orderBy('id', 'desc')
    .limit(f.limit + 1)
    .execute();
}

/** Decides a quarantined message; false when it was decided already (by someone else, too). */
export async function decideQuarantined(
  db: DbOrTrx,
  orgId: string,
  id: string,
  patch: Pick<InboundMessagesTable, 'status' | 'decided_at' | 'decided_by'> & {
    feedback_id?: string | null;
  },
): Promise<boolean> {
  const res = await db
    .updateTable('inbound_messages')
    .set(patch)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('status', '=', 'quarantined')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function setInboundFeedback(
  db: DbOrTrx,
  orgId: string,
  id: string,
  feedbackId: string,
): Promise<void> {
  await db
    .updateTable('inbound_messages')
    .set({ feedback_id: feedbackId })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}
