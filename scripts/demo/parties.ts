// The demo's clients and contacts, created before any feedback (issue 21): each client has an
// account manager — the three stage owners share them, the English-speaking clients go to the
// English-speaking manager — so cases are routed to the person who owns the client, and the
// survey invitations below have contacts to go to.
import type { Ctx } from '../../server/context.ts';
import type { ContactRole } from '../../server/modules/clients/index.ts';
import { createClient } from '../../server/modules/clients/clients.service.ts';
import { addContact } from '../../server/modules/clients/contacts.service.ts';
import type { CLIENTS } from './data.ts';

type DemoClient = (typeof CLIENTS)[number];

export interface DemoParty {
  clientId: string;
  managerId: string;
  contacts: Array<{ id: string; email: string; language: 'ru' | 'en' }>;
}

/** Managers by e-mail: the first two share the Russian clients, the third has the English ones. */
export const CLIENT_MANAGERS = [
  'orlov@clientloop.local',
  'kuznetsova@clientloop.local',
  'miller@clientloop.local',
];

export async function loadPartiesDemo(
  ctx: Ctx,
  clients: readonly DemoClient[],
  userIdOf: (email: string) => Promise<string>,
): Promise<DemoParty[]> {
  const [orlov, kuznetsova, miller] = await Promise.all(CLIENT_MANAGERS.map(userIdOf));
  const parties: DemoParty[] = [];
  for (const [i, client] of clients.entries()) {
    const english = client.contacts.some((c) => c.language === 'en');
    // Every fifth Russian client is Anna Miller's too, so her inbox is not only two clients.
    const managerId = english || i % 5 === 4 ? miller! : i % 2 === 0 ? orlov! : kuznetsova!;
    const row = await createClient(ctx, {
      externalId: `demo-${i}`,
      name: client.name,
      segment: client.segment,
      managerId,
    });
    const contacts: DemoParty['contacts'] = [];
    for (const c of client.contacts) {
      const language = c.language ?? 'ru';
      const contact = await addContact(ctx, row.id, {
        name: c.name,
        email: c.email,
        language,
        roles: c.roles as ContactRole[],
      });
      contacts.push({ id: contact.id, email: c.email, language });
    }
    parties.push({ clientId: row.id, managerId, contacts });
  }
  return parties;
}
