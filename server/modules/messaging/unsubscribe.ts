// The outbox's side of unsubscribing (issue 15). Every message to a client's contact carries an
// unsubscribe link (in the text and in the List-Unsubscribe header, RFC 8058); a contact on the
// unsubscribe list gets none of the messages we start (SUPPRESSIBLE_MESSAGE_KINDS: status,
// closing, follow-up, survey invitation). The acknowledgement of a message the contact has just
// sent us is still sent: it is the receipt of their own message, carrying its reference.
// Checked twice: when a message is queued (it is never stored) and when it is sent (a contact
// who unsubscribed in between gets nothing; the message is marked not_sent).
import type { OrgScope } from '../../context.ts';
import type { Language, MessageKind } from '../../db/types.ts';
import { t } from '../../i18n/catalogue.ts';
import { unsubscribeUrl, type PublicUrlConfig } from '../../lib/public-urls.ts';
import {
  CLIENT_MESSAGE_KINDS,
  SUPPRESSIBLE_MESSAGE_KINDS,
} from '../../../shared/domain/vocabulary.ts';
import { unsubscribedContactIds } from '../clients/index.ts';
import * as repo from './messaging.repo.ts';
import {
  makeUnsubscribeToken,
  unsubscribeKeys,
  type UnsubscribeKeys,
} from './unsubscribe-token.ts';

export const UNSUBSCRIBED_ERROR = 'the contact unsubscribed';

const CLIENT_KINDS = new Set<MessageKind>(CLIENT_MESSAGE_KINDS);
const SUPPRESSIBLE = new Set<MessageKind>(SUPPRESSIBLE_MESSAGE_KINDS);

interface Addressed {
  kind: MessageKind;
  contactId?: string | null;
}

/** The messages of `items` a contact on the unsubscribe list must not get. */
export async function suppressedOf<T extends Addressed>(
  s: OrgScope,
  items: readonly T[],
): Promise<Set<T>> {
  const ids = items.filter((i) => i.contactId && SUPPRESSIBLE.has(i.kind)).map((i) => i.contactId!);
  if (ids.length === 0) return new Set();
  const off = await unsubscribedContactIds(s, ids);
  return new Set(
    items.filter((i) => i.contactId && SUPPRESSIBLE.has(i.kind) && off.has(i.contactId)),
  );
}

/** Builds the unsubscribe links of client messages; reads the instance key at most once. */
export function unsubscribeLinks(s: OrgScope & { config: PublicUrlConfig }) {
  let keys: Promise<UnsubscribeKeys> | undefined;
  return async (item: Addressed): Promise<string | undefined> => {
    if (!item.contactId || !CLIENT_KINDS.has(item.kind)) return undefined;
    keys ??= repo.unsubscribeSecret(s.db).then(unsubscribeKeys);
    return unsubscribeUrl(s.config, makeUnsubscribeToken(await keys, s.orgId, item.contactId));
  };
}

/** A template without the {{unsubscribeUrl}} placeholder (an older custom one) still gets the link. */
export function withUnsubscribeLine(body: string, url: string, language: Language): string {
  return body.includes(url)
    ? body
    : `${body.trimEnd()}\n\n${t(language, 'mail.unsubscribeLine', { url })}`;
}

/** RFC 2369 / RFC 8058 headers: mail clients show an unsubscribe button that POSTs to the link. */
export function listUnsubscribeHeaders(url: string): Record<string, string> {
  return { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}
