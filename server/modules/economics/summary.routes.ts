// HTTP for marketing spend, the economics settings and figures: parse (shared/api/economics.ts) → service.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as api from '../../../shared/api/economics.ts';
import * as figures from '../../../shared/api/economics-figures.ts';
import type { Deps } from '../../deps.ts';
import { ctxOf } from '../../http/auth.ts';
import { idParam } from '../../../shared/api/orgs.ts';
import { clientEconomics } from './client.service.ts';
import { economicsLevers } from './levers.service.ts';
import { economicsBySatisfaction } from './satisfaction.service.ts';
import { getEconomicsSettings, putEconomicsSettings } from './settings.service.ts';
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
          "periods), or the organisation's churnAfterPeriods setting). `stage` keeps the transactions " +
          'of one journey stage (spend is then not attributable either). Feedback dates are UTC. ' +
          'See docs/economics.md.',
        querystring: figures.summaryQuery,
        response: { 200: figures.summaryOut },
      },
    },
    async (req) => economicsSummary(ctxOf(deps, req), req.query),
  );

  r.get(
    '/api/v1/economics/levers',
    {
      schema: {
        tags,
        summary: 'Revenue = N × Q × APPN in windows A and B, the change split by lever (LMDI-I)',
        description:
          'Both windows are made of whole periods of `period` (400 otherwise). contributions add ' +
          'up to change exactly, to the kopeck; null with `reason` when a factor is 0 in either ' +
          'window. margin splits the same way with the margin rate as a fourth factor.',
        querystring: figures.leversQuery,
        response: { 200: figures.leversOut },
      },
    },
    async (req) => economicsLevers(ctxOf(deps, req), req.query),
  );

  r.get(
    '/api/v1/economics/clients/:id',
    {
      schema: {
        tags,
        summary:
          "One client's economics: revenue and margin of 12 months, LTV, lifetime, discipline",
        description:
          'Figures at `asOf` (default today): only documents dated on or before it count; "12 ' +
          'months" is (asOf − 12 months, asOf]. 404 for a client of another organisation.',
        params: idParam,
        querystring: figures.clientEconomicsQuery,
        response: { 200: figures.clientEconomicsOut },
      },
    },
    async (req) => clientEconomics(ctxOf(deps, req), req.params.id, req.query),
  );

  r.get(
    '/api/v1/economics/by-satisfaction',
    {
      schema: {
        tags,
        summary: 'Revenue, payment discipline and retention by NPS group, with 95 % intervals',
        description:
          'Active clients of [from, to) grouped by the latest NPS answer in the window ' +
          '(promoter 9–10, passive 7–8, detractor 0–6, none). Retention looks at the window of ' +
          'the same length right after; `next.complete` is false while it has not ended.',
        querystring: figures.bySatisfactionQuery,
        response: { 200: figures.bySatisfactionOut },
      },
    },
    async (req) => economicsBySatisfaction(ctxOf(deps, req), req.query),
  );

  r.get(
    '/api/v1/economics/settings',
    {
      schema: {
        tags,
        summary: "The organisation's economics settings (defaults when never saved)",
        response: { 200: figures.economicsSettingsOut },
      },
    },
    async (req) => getEconomicsSettings(ctxOf(deps, req)),
  );

  r.put(
    '/api/v1/economics/settings',
    {
      schema: {
        tags,
        summary: 'Change the economics settings (admins); fields left out keep their value',
        description:
          'baseCurrency cannot change once transactions exist (409 conflict). churnAfterPeriods ' +
          'counts periods of `period`; null restores the default per-client rule.',
        body: figures.economicsSettingsIn,
        response: { 200: figures.economicsSettingsOut },
      },
    },
    async (req) => putEconomicsSettings(ctxOf(deps, req), req.body),
  );
}
