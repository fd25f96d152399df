import { insertRows } from '../../db/bulk.ts';
import type {
  DbOrTrx,
  Language,
  MessageKind,
  MessagesTable,
  MessageTemplatesTable,
} from '../../db/types.ts';
import { notFound } from '../../http/errors.ts';

/** Returns the ids stored; a row whose dedupe key exists already is skipped. */
export async function insertMessages(
  db: DbOrTrx,
  rows: readonly MessagesTable[],
): Promise<string[]> {
  return (await insertRows(db, 'messages', rows, {
    onConflictDoNothing: 'dedupe_key',
    returning: 'id',
  })) as string[];
}

export async function findMessage(
  db: DbOrTrx,
  orgId: string,
  id: string,
): Promise<MessagesTable | undefined> {
  return db
    .selectFrom('messages')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function getMessage(db: DbOrTrx, orgId: string, id: string): Promise<MessagesTable> {
  const row = await findMessage(db, orgId, id);
  if (!row) throw notFound('Message');
  return row;
}

export async function updateMessage(
  db: DbOrTrx,
  orgId: string,
  id: string,
  patch: Partial<MessagesTable>,
): Promise<void> {
  await db
    .updateTable('messages')
    .set(patch)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export async function listMessages(
  db: DbOrTrx,
  orgId: string,
  f: {
    caseId?: string;
    feedbackId?: string;
    clientId?: string;
    status?: string;
    beforeId?: string;
    limit: number;
  },
): Promise<MessagesTable[]> {
  // A password reset mail carries a sign-in secret: no one else reads it through the outbox.
  let q = db
    .selectFrom('messages')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('kind', '!=', 'password_reset');
  if (f.caseId) q = q.where('case_id', '=', f.caseId);
  if (f.feedbackId) q = q.where('feedback_id', '=', f.feedbackId);
  if (f.clientId) q = q.where('client_id', '=', f.clientId);
  if (f.status) q = q.where('status', '=', f.status as MessagesTable['status']);
  if (f.beforeId) q = q.where('id', '<', f.beforeId);
  return q
    .orderBy('id', 'desc')
    .limit(f.limit + 1)
    .execute();
}

export async function findTemplate(
  db: DbOrTrx,
  orgId: string,
  kind: MessageKind,
  language: Language,
): Promise<MessageTemplatesTable | undefined> {
  return db
    .selectFrom('message_templates')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('kind', '=', kind)
    .where('language', '=', language)
    .executeTakeFirst();
}

export async function listTemplates(db: DbOrTrx, orgId: string): Promise<MessageTemplatesTable[]> {
  return db.selectFrom('message_templates').selectAll().where('org_id', '=', orgId).execute();
}

export async function upsertTemplate(db: DbOrTrx, row: MessageTemplatesTable): Promise<void> {
  await db
    .insertInto('message_templates')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['org_id', 'kind', 'language'])
        .doUpdateSet({ subject: row.subject, body: row.body, updated_at: row.updated_at }),
    )
    .execute();
}

export async function deleteTemplate(
  db: DbOrTrx,
  orgId: string,
  kind: MessageKind,
  language: Language,
): Promise<void> {
  await db
    .deleteFrom('message_templates')
    .where('org_id', '=', orgId)
    .where('kind', '=', kind)
    .where('language', '=', language)
    .execute();
}

/** The instance secret of unsubscribe links (hex; written by migration 0018). */
export async function unsubscribeSecret(db: DbOrTrx): Promise<string> {
  const row = await db
    .selectFrom('instance_settings')
    .select('value')
    .where('key', '=', 'unsubscribe_key')
    .executeTakeFirst();
  if (!row) throw new Error('instance setting unsubscribe_key is missing: run the migrations');
  return row.value;
}

/** True when a closing message of the case is in the outbox (queued or sent). */
export async function hasClosingMessage(
  db: DbOrTrx,
  orgId: string,
  caseId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('messages')
    .select('id')
    .where('org_id', '=', orgId)
    .where('case_id', '=', caseId)
    .where('kind', '=', 'closing')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The Message-ID of the last message of the case sent to `to` before `beforeId`: what a reply answers. */
export async function lastSentOfCase(
  db: DbOrTrx,
  orgId: string,
  caseId: string,
  to: string,
  beforeId: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('messages')
    .select('provider_message_id')
    .where('org_id', '=', orgId)
    .where('case_id', '=', caseId)
    .where('to_address', '=', to)
    .where('status', '=', 'sent')
    .where('id', '<', beforeId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.provider_message_id ?? undefined;
}

export async function lastDeliveryError(db: DbOrTrx, orgId: string) {
  return (
    db
      .selectFrom('messages')
      .select(['created_at', 'kind', 'last_error'])
      .where('org_id', '=', orgId)
      .where('status', 'in', ['failed', 'not_sent'])
      .where('last_error', 'is not', null)
      // Held back on purpose, not a delivery failure (unsubscribe.ts, messaging.jobs.ts).
      .where('last_error', 'not in', [
        'the contact unsubscribed',
        'the case was resolved before this status message went out',
      ])
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst()
  );
}
