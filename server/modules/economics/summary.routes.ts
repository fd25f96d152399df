// HTTP for marketing spend and the economics summary: parse (shared/api/economics.ts) → service.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as api from '../../../shared/api/economics.ts';
import type { Deps } from '../../deps.ts';
import { ctxOf } from '../../http/auth.ts';
import { economicsSummary, listSpend, putSpend } from './summary.service.ts';

export function registerSummaryRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['economics'];

  r.put(
    '/api/v1/marketing-spend/:period',
    {
      schema: {
        tags,
        summary: 'Set the marketing spend of a month (YYYY-MM), optionally per channel',
        description:
          'Replaces the amount stored for (period, channel); channel absent or "" is spend not ' +
          'split by channel. amount: decimal ≥ 0 with at most 2 decimals (422 otherwise).',
        params: api.spendPeriodParam,
        body: api.spendIn,
        response: { 200: api.spendOut },
      },
    },
    async (req) => putSpend(ctxOf(deps, req), req.params.period, req.body),
  );

  r.get(
    '/api/v1/marketing-spend',
    {
      schema: {
        tags,
        summary: 'Marketing spend of the months in [from, to), by month then channel',
        querystring: api.listSpendQuery,
        response: { 200: z.object({ items: z.array(api.spendOut) }) },
      },
    },
    async (req) => ({ items: await listSpend(ctxOf(deps, req), req.query) }),
  );

  r.get(
    '/api/v1/economics/summary',
    {
      schema: {
        tags,
        summary: 'Revenue, margin, N × Q × APPN, CAC, profit, payment discipline and churn',
        description:
          'Figures of METRICS.md "Transactions" for the window [from, to) and, in `series`, for ' +
          'each period inside it. from and to must be first days of a `period` (400 otherwise; ' +
          'at most 120 periods). Money is decimal with 2 decimals in the base currency; a ratio ' +
          'is null when its denominator is 0. With `segment` or `managerId`, marketing spend ' +
          'cannot be attributed: cac and profit are null. Churn uses the default rule (idle ' +
          'whole periods after the last sale > max(2, 3 × the median gap between paying ' +
          'periods)). Feedback dates are UTC. See docs/economics.md.',
        querystring: api.summaryQuery,
        response: { 200: api.summaryOut },
      },
    },
    async (req) => economicsSummary(ctxOf(deps, req), req.query),
  );
}
