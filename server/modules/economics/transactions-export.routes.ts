// GET /api/v1/transactions/export (issue 16): the transaction list, every page of it with the
// list's filters, as CSV or XLSX (server/http/list-export.ts). Amounts as the list gives them
// (a refund's amount is positive, its kind says refund), in the base currency.
import type { FastifyInstance } from 'fastify';
import type { TransactionOut } from '../../../shared/api/economics.ts';
import { transactionsListExportQuery } from '../../../shared/api/list-export.ts';
import type { Deps } from '../../deps.ts';
import { registerListExport, type ExportColumn } from '../../http/list-export.ts';
import { presentTransaction } from './economics.routes.ts';
import { listTransactions } from './economics.service.ts';

export const TRANSACTION_COLUMNS: readonly ExportColumn<TransactionOut>[] = [
  { key: 'date', type: 'date', value: (x) => x.date },
  { key: 'externalId', type: 'text', value: (x) => x.externalId },
  { key: 'kind', type: 'text', value: (x) => x.kind },
  { key: 'clientId', type: 'text', value: (x) => x.clientId },
  { key: 'amount', type: 'money', value: (x) => x.amount },
  { key: 'cost', type: 'money', value: (x) => x.cost },
  { key: 'currency', type: 'text', value: (x) => x.currency },
  { key: 'product', type: 'text', value: (x) => x.product },
  { key: 'stage', type: 'text', value: (x) => x.stage },
  { key: 'dueDate', type: 'date', value: (x) => x.dueDate },
  { key: 'paidAt', type: 'date', value: (x) => x.paidAt },
  { key: 'managerId', type: 'text', value: (x) => x.managerId },
  { key: 'id', type: 'text', value: (x) => x.id },
];

export function registerTransactionsExport(app: FastifyInstance, deps: Deps): void {
  registerListExport(app, deps, {
    url: '/api/v1/transactions/export',
    tag: 'economics',
    summary: 'The transaction list (filters as GET /api/v1/transactions) as one CSV or XLSX file',
    querystring: transactionsListExportQuery,
    list: 'transactions',
    columns: TRANSACTION_COLUMNS,
    readPage: async (ctx, q, cursor, limit) => {
      const page = await listTransactions(ctx, { ...q, cursor, limit });
      return { items: page.items.map(presentTransaction), nextCursor: page.nextCursor };
    },
  });
}
