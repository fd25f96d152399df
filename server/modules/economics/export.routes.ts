// Economics tables as CSV or XLSX files: parse (shared/api/economics-export.ts) → the same
// services as the JSON reports → a table (export-tables.ts) → bytes (lib/tabular/write-table.ts).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParam } from '../../../shared/api/orgs.ts';
import * as api from '../../../shared/api/economics-export.ts';
import type { SUMMARY_PERIODS } from '../../../shared/api/economics-figures.ts';
import type { Ctx } from '../../context.ts';
import type { Deps } from '../../deps.ts';
import { ctxOf } from '../../http/auth.ts';
import { notFound } from '../../http/errors.ts';
import { assertCan } from '../../lib/permissions.ts';
import { sendTable } from '../../http/list-export.ts';
import { findClient } from '../clients/index.ts';
import { listTransactions } from './economics.service.ts';
import {
  formulaTable,
  satisfactionTable,
  transactionsTable,
  type FormulaWindow,
} from './export-tables.ts';
import { economicsLevers } from './levers.service.ts';
import { economicsBySatisfaction } from './satisfaction.service.ts';
import { settingsOf } from './settings.service.ts';
import { economicsSummary } from './summary.service.ts';

const file = {
  description:
    'A file: CSV (UTF-8 with BOM; lang=ru: ";" between fields and a decimal comma, for Excel-ru; ' +
    'lang=en: "," and a decimal point) or XLSX (typed cells). Headers are in `lang`.',
};

type Filters = Pick<api.ProfitFormulaExportQuery, 'segment' | 'managerId' | 'stage'>;

async function formulaWindow(
  ctx: Ctx,
  from: string,
  to: string,
  period: (typeof SUMMARY_PERIODS)[number],
  filters: Filters,
) {
  const d = new Date(`${to}T00:00:00Z`);
  const yearFrom = new Date(Date.UTC(d.getUTCFullYear() - 1, d.getUTCMonth(), 1))
    .toISOString()
    .slice(0, 10);
  const [figures, lastYear] = await Promise.all([
    economicsSummary(ctx, { from, to, period, ...filters }),
    economicsSummary(ctx, { from: yearFrom, to, period: 'month', ...filters }),
  ]);
  return { from, to, figures, lastYear } satisfies FormulaWindow;
}

export function registerExportRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['economics'];

  r.get(
    '/api/v1/economics/export/profit-formula',
    {
      schema: {
        tags,
        summary: 'The profit formula of windows A and B with the change, as CSV or XLSX',
        description: `${file.description} Windows as in GET /api/v1/economics/summary; LTV is the margin of the 12 months ending with the window per client who paid in them. Filters (segment, managerId, stage) and their refusals as the summary's.`,
        querystring: api.profitFormulaExportQuery,
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(deps, req);
      const q = req.query;
      const filters = { segment: q.segment, managerId: q.managerId, stage: q.stage };
      // One after the other: a refusal of A (400, or 404 for a managerId of no person of the
      // organisation, as the JSON summary) is answered before B is read.
      const a = await formulaWindow(ctx, q.aFrom, q.aTo, q.period, filters);
      const b = await formulaWindow(ctx, q.bFrom, q.bTo, q.period, filters);
      const levers = await economicsLevers(ctx, q);
      const { appnLabel } = await settingsOf(ctx);
      const table = formulaTable(q.lang, a, b, levers, appnLabel);
      return sendTable(reply, table, q, `profit-formula-${q.bFrom}`);
    },
  );

  r.get(
    '/api/v1/economics/export/by-satisfaction',
    {
      schema: {
        tags,
        summary: 'Figures by NPS group with their 95 % intervals, as CSV or XLSX',
        description: `${file.description} The rows of GET /api/v1/economics/by-satisfaction, then the promoter − detractor differences. Filters and their refusals as that report's.`,
        querystring: api.bySatisfactionExportQuery,
      },
    },
    async (req, reply) => {
      const out = await economicsBySatisfaction(ctxOf(deps, req), req.query);
      const table = satisfactionTable(req.query.lang, out);
      return sendTable(reply, table, req.query, `nps-groups-${req.query.from}`);
    },
  );

  r.get(
    '/api/v1/economics/export/clients/:id/transactions',
    {
      schema: {
        tags,
        summary: "A client's transactions, newest first, as CSV or XLSX",
        description: `${file.description} At most ${api.MAX_EXPORT_TRANSACTIONS} transactions (the newest); refunds are written negative.`,
        params: idParam,
        querystring: api.transactionsExportQuery,
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(deps, req);
      assertCan(ctx.actor, 'data.read');
      if (!(await findClient(ctx, req.params.id))) throw notFound('Client');
      const items = [];
      let cursor: string | undefined;
      do {
        const page = await listTransactions(ctx, { clientId: req.params.id, cursor, limit: 200 });
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor && items.length < api.MAX_EXPORT_TRANSACTIONS);
      const today = ctx.clock.now().toISOString().slice(0, 10);
      const table = transactionsTable(
        req.query.lang,
        items.slice(0, api.MAX_EXPORT_TRANSACTIONS),
        today,
      );
      return sendTable(reply, table, req.query, `transactions-${today}`);
    },
  );
}
