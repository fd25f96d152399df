// Global search (issue 21): one query fanned out to the modules that own each kind — clients
// and contacts (clients), records (feedback), cases (cases) — each through its own service,
// which scopes by organisation and checks the caller's role. Every part is bounded (q ≤ 200
// characters, ≤ 20 hits a kind, a fixed window of recent records and cases): docs/search.md.
import type { Ctx } from '../../context.ts';
import type { SearchOut } from '../../../shared/api/search.ts';
import { searchClients, searchContacts } from '../clients/index.ts';
import { searchFeedback } from '../feedback/index.ts';
import { searchCases } from '../cases/index.ts';

export async function searchEverything(ctx: Ctx, q: string, limit: number): Promise<SearchOut> {
  // One after another: on SQLite the reads run on one connection anyway, and on PostgreSQL four
  // small reads do not pay for holding four pool connections per keystroke.
  const clients = await searchClients(ctx, q, limit);
  const contacts = await searchContacts(ctx, q, limit);
  const feedback = await searchFeedback(ctx, q, limit);
  const cases = await searchCases(ctx, q, limit);
  return {
    clients: clients.map((c) => ({
      id: c.id,
      name: c.name,
      inn: c.inn ?? null,
      segment: c.segment,
    })),
    contacts: contacts.map((c) => ({
      id: c.id,
      clientId: c.client_id,
      name: c.name,
      email: c.email,
      phone: c.phone,
    })),
    feedback,
    cases,
  };
}
