// Who an intake group's records name: clients by id or external id, contacts by id or e-mail.
// Set-based (issue 20): one query for the group's e-mails and one for its external ids; senders
// and clients seen for the first time become rows written together (insertPendingParties) before
// the records and cases that name them. A later record of the group naming the same new e-mail
// or external id gets the row the first one made.
import type { Ctx, OrgScope } from '../../context.ts';
import type { ClientsTable, ContactsTable } from '../../db/types.ts';
import { unknownReference } from '../../http/errors.ts';
import type { FeedbackIn } from '../../../shared/api/feedback.ts';
import {
  findClientsByExternalIds,
  findContact,
  findContactsByEmails,
  newContactFor,
  resolveClientOfGroup,
  type PendingParties,
} from '../clients/index.ts';

/** What the matching reads of an intake item (intake.ts's IntakeItem). */
interface Named {
  input: FeedbackIn;
  opts: { contactId?: string };
}

export interface GroupParties {
  contactsByEmail: Map<string, ContactsTable>;
  clientsByExternalId: Map<string, ClientsTable>;
  pending: PendingParties;
}

const unique = (values: (string | undefined)[]) => [
  ...new Set(values.filter((v): v is string => !!v)),
];

/** The contacts and clients the group names by e-mail and by external id: two queries at most. */
export async function lookUpParties(s: OrgScope, items: readonly Named[]): Promise<GroupParties> {
  const emails = unique(
    items
      .filter((i) => !(i.opts.contactId ?? i.input.contactId))
      .map((i) => i.input.contact?.email),
  );
  const externalIds = unique(items.map((i) => i.input.client?.externalId));
  return {
    contactsByEmail: emails.length
      ? await findContactsByEmails(s, emails)
      : new Map<string, ContactsTable>(),
    clientsByExternalId: externalIds.length
      ? await findClientsByExternalIds(s, externalIds)
      : new Map<string, ClientsTable>(),
    pending: { clients: [], contacts: [] },
  };
}

/** The client and contact a record names; checks that only read come first, so an error writes nothing. */
export async function resolveParties(
  tx: Ctx,
  input: FeedbackIn,
  opts: Named['opts'],
  group: GroupParties,
): Promise<{ clientId: string | null; contact: ContactsTable | undefined }> {
  const knownContactId = opts.contactId ?? input.contactId;
  let known: ContactsTable | undefined;
  if (knownContactId) {
    known = await findContact(tx, knownContactId);
    if (!known) throw unknownReference('body.contactId', 'contact');
  }
  if (!input.clientId && !input.client && !input.contact)
    return { clientId: known?.client_id ?? null, contact: known };
  const { client, keep } = await resolveClientOfGroup(
    tx,
    { clientId: input.clientId, client: input.client },
    group.clientsByExternalId,
    group.pending,
  );
  keep();
  let contact = known;
  const c = input.contact;
  if (!contact && c && (c.email || c.phone || c.name)) {
    // The group's e-mails were looked up at once: a miss is a new sender, written with the group
    // (as is a sender named without an e-mail).
    contact = (c.email && group.contactsByEmail.get(c.email)) || undefined;
    contact ??= newContactFor(tx, client?.id, c, group.pending);
    if (c.email) group.contactsByEmail.set(c.email, contact);
  }
  return { clientId: client?.id ?? contact?.client_id ?? null, contact };
}
