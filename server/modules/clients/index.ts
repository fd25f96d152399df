// The clients module's public surface.
import type { ModuleDef } from '../module.ts';
import { registerClientRoutes } from './clients.routes.ts';

export {
  findClient,
  findContact,
  findContactByEmail,
  findContactsByEmails,
  insertPendingParties,
  newContactFor,
  resolveClient,
  resolveContact,
  type PendingParties,
} from './parties.service.ts';
export {
  clientEconomicsFields,
  clientEconomicsFieldsWhere,
  clientIdsWhere,
  type ClientEconomicsFields,
} from './clients.lookups.ts';
export type { ClientInput, ContactInput } from './clients.service.ts';
export { presentClient, presentContact } from './clients.routes.ts';

export const clientsModule: ModuleDef = { name: 'clients', routes: registerClientRoutes };
