// The clients module's public surface.
import type { ModuleDef } from '../module.ts';
import { registerClientRoutes } from './clients.routes.ts';
import { registerClientsExport } from './clients-export.routes.ts';
import { registerContactRightsRoutes } from './contact-rights.routes.ts';

export {
  findClient,
  findClients,
  findClientsByExternalIds,
  findClientByKey,
  findClientContactByName,
  findContact,
  findContactByEmail,
  findContactsByEmails,
  insertClientRecord,
  insertContactRecord,
  insertPendingParties,
  newContactFor,
  patchClientRecord,
  patchContactRecord,
  resolveClient,
  resolveClientOfGroup,
  resolveContact,
  type PendingParties,
} from './parties.service.ts';
export {
  clientEconomicsFields,
  clientEconomicsFieldsWhere,
  clientIdsWhere,
  clientNames,
  existingClientIds,
  type ClientEconomicsFields,
} from './clients.lookups.ts';
export {
  keyContactsOf,
  portfolioClients,
  type KeyContact,
  type PortfolioClient,
} from './portfolio-facts.ts';
export {
  unsubscribeContact,
  unsubscribedContactIds,
  type ContactView,
} from './subscriptions.service.ts';
export {
  clientGroupsOf,
  clientsRegrouped,
  type ClientGroup,
  type ClientsRegrouped,
} from './client-groups.ts';
export {
  clientDeleting,
  clientInUse,
  contactDeleting,
  contactErased,
  contactErasing,
  contactExporting,
  type ClientDeleting,
  type ContactDeleting,
  type ContactErasing,
  type ContactExporting,
  type ContactSubject,
  type ExportSection,
} from './contact-events.ts';
export { phoneQueryDigits, searchClients, searchContacts } from './search.ts';
export type { ClientInput, ContactInput, ContactRole } from './clients.service.ts';
export { presentClient, presentContact } from './clients.routes.ts';

export const clientsModule: ModuleDef = {
  name: 'clients',
  routes: (app, deps) => {
    registerClientRoutes(app, deps);
    registerClientsExport(app, deps);
    registerContactRightsRoutes(app, deps);
  },
};
