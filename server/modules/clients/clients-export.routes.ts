// GET /api/v1/clients/export (issue 16): the client list, every page of it with the list's
// filters, as CSV or XLSX (server/http/list-export.ts).
import type { FastifyInstance } from 'fastify';
import type { ClientOut } from '../../../shared/api/clients.ts';
import { clientsExportQuery } from '../../../shared/api/list-export.ts';
import type { Deps } from '../../deps.ts';
import { registerListExport, type ExportColumn } from '../../http/list-export.ts';
import { presentClient } from './clients.routes.ts';
import * as clients from './clients.service.ts';

export const CLIENT_COLUMNS: readonly ExportColumn<ClientOut>[] = [
  { key: 'name', type: 'text', value: (c) => c.name },
  { key: 'kind', type: 'text', value: (c) => c.kind },
  { key: 'externalId', type: 'text', value: (c) => c.externalId },
  { key: 'segment', type: 'text', value: (c) => c.segment },
  { key: 'tier', type: 'text', value: (c) => c.tier },
  { key: 'managerId', type: 'text', value: (c) => c.managerId },
  { key: 'status', type: 'text', value: (c) => c.status },
  { key: 'inn', type: 'text', value: (c) => c.inn },
  { key: 'estimatedAnnualBudget', type: 'money', value: (c) => c.estimatedAnnualBudget },
  { key: 'strategicFit', type: 'integer', value: (c) => c.strategicFit },
  { key: 'createdAt', type: 'datetime', value: (c) => c.createdAt },
  { key: 'id', type: 'text', value: (c) => c.id },
];

export function registerClientsExport(app: FastifyInstance, deps: Deps): void {
  registerListExport(app, deps, {
    url: '/api/v1/clients/export',
    tag: 'clients',
    summary: 'The client list (filters as GET /api/v1/clients) as one CSV or XLSX file',
    querystring: clientsExportQuery,
    list: 'clients',
    columns: CLIENT_COLUMNS,
    readPage: async (ctx, q, cursor, limit) => {
      const page = await clients.listClients(ctx, { ...q, cursor, limit });
      return { items: page.items.map(presentClient), nextCursor: page.nextCursor };
    },
  });
}
