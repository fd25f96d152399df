// HTTP for client economics: parse (shared/api/economics.ts) → service → present.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as api from '../../../shared/api/economics.ts';
import { idParam, page } from '../../../shared/api/orgs.ts';
import type { TransactionsTable } from '../../db/types.ts';
import type { Deps } from '../../deps.ts';
import { ctxOf } from '../../http/auth.ts';
import * as economics from './economics.service.ts';
import { registerExportRoutes } from './export.routes.ts';
import { registerSummaryRoutes } from './summary.routes.ts';
import { fromMinorUnits } from './transaction-values.ts';

export function presentTransaction(t: TransactionsTable): api.TransactionOut {
  return {
    id: t.id,
    externalId: t.external_id,
    clientId: t.client_id,
    kind: t.kind,
    date: t.date,
    amount: fromMinorUnits(t.amount_minor),
    cost: t.cost_minor === null ? null : fromMinorUnits(t.cost_minor),
    currency: t.currency,
    exchangeRate: t.exchange_rate,
    product: t.product,
    stage: t.stage,
    dueDate: t.due_date,
    paidAt: t.paid_at,
    managerId: t.manager_id,
    createdAt: t.created_at,
    updatedAt: t.updated_at,
  };
}

export function registerEconomicsRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['economics'];

  r.post(
    '/api/v1/transactions',
    {
      schema: {
        tags,
        summary:
          'Record a sale or refund by its document number: 201 new; the same externalId again → 200 (updated or unchanged)',
        body: api.transactionIn,
        response: { 201: api.transactionOut, 200: api.transactionOut },
      },
    },
    async (req, reply) => {
      const { status, row } = await economics.upsertTransaction(ctxOf(deps, req), req.body);
      return reply.status(status === 'created' ? 201 : 200).send(presentTransaction(row));
    },
  );

  r.post(
    '/api/v1/transactions/batch',
    {
      schema: {
        tags,
        summary: 'Record up to 1000 transactions; each item succeeds or fails on its own',
        body: api.transactionBatchIn,
        response: { 200: api.transactionBatchOut },
      },
    },
    async (req) => ({
      results: await economics.upsertTransactionBatch(ctxOf(deps, req), req.body.items),
    }),
  );

  r.get(
    '/api/v1/transactions',
    {
      schema: {
        tags,
        summary: 'Transactions, newest document date first; from/to are a window [from, to)',
        querystring: api.listTransactionsQuery,
        response: { 200: page(api.transactionOut) },
      },
    },
    async (req) => {
      const result = await economics.listTransactions(ctxOf(deps, req), req.query);
      return { items: result.items.map(presentTransaction), nextCursor: result.nextCursor };
    },
  );

  r.get(
    '/api/v1/transactions/:id',
    { schema: { tags, params: idParam, response: { 200: api.transactionOut } } },
    async (req) =>
      presentTransaction(await economics.getTransaction(ctxOf(deps, req), req.params.id)),
  );

  r.delete(
    '/api/v1/transactions/:id',
    { schema: { tags, summary: 'Delete a transaction', params: idParam } },
    async (req, reply) => {
      await economics.deleteTransaction(ctxOf(deps, req), req.params.id);
      return reply.status(204).send();
    },
  );

  registerSummaryRoutes(app, deps);
  registerExportRoutes(app, deps);
}
