// HTTP for the layered scorecard's operational layer (the employee layer sits beside it).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as api from '../../../shared/api/scorecard.ts';
import * as layers from '../../../shared/api/scorecard-layers.ts';
import type { Deps } from '../../deps.ts';
import { ctxOf } from '../../http/auth.ts';
import { registerKpiRoutes } from './kpis.routes.ts';
import * as arbiterApi from '../../../shared/api/arbiter.ts';
import { getDrivers } from './drivers.service.ts';
import { getScorecardRecords } from './drill.service.ts';
import { getScorecard } from './layers.service.ts';
import { getOperationsScorecard } from './operations.service.ts';
import * as training from '../../../shared/api/scorecard-training.ts';
import { trainingSuggestions } from './training-suggestions.ts';

export function registerScorecardRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/scorecard',
    {
      schema: {
        tags: ['scorecard'],
        summary:
          'The layered scorecard (analyst and up): per stage the satisfaction, transactional, ' +
          'operational and employee layers, each metric with value, previous, target, status, n, ' +
          'sparkline and drill-down link (docs/scorecard.md)',
        querystring: layers.scorecardQuery,
        response: { 200: layers.scorecardOut },
      },
    },
    async (req) => getScorecard(ctxOf(deps, req), req.query),
  );
  r.get(
    '/api/v1/scorecard/drivers',
    {
      schema: {
        tags: ['scorecard'],
        summary:
          "Key drivers of a stage's NPS, CSAT or retention over the months of a window: Pearson r " +
          'with n and p, and the share of R² each explains (Shapley, ≤ 8 drivers); fewer than 8 ' +
          'months: not_enough_data (docs/scorecard.md)',
        querystring: arbiterApi.driversQuery,
        response: { 200: arbiterApi.driversOut },
      },
    },
    async (req) => getDrivers(ctxOf(deps, req), req.query),
  );
  r.get(
    '/api/v1/scorecard/records',
    {
      schema: {
        tags: ['scorecard'],
        summary:
          'The rows behind one scorecard number (analyst and up): its drill link — stage, ' +
          'metric, period, segment, managerId — gives exactly the feedback, invitations, ' +
          'transactions, clients, cases, calls, KPI values or eNPS score counts the number ' +
          'counts, newest first, with the count over all pages (docs/scorecard.md)',
        querystring: layers.drillQuery,
        response: { 200: layers.drillOut },
      },
    },
    async (req) => getScorecardRecords(ctxOf(deps, req), req.query),
  );
  r.get(
    '/api/v1/scorecard/operations',
    {
      schema: {
        tags: ['scorecard'],
        summary:
          'The operational layer per stage and period (analyst and up): case metrics in business ' +
          'hours, phone metrics and process KPIs, each with target and status (docs/scorecard.md)',
        querystring: api.operationsScorecardQuery,
        response: { 200: api.operationsScorecardOut },
      },
    },
    async (req) => getOperationsScorecard(ctxOf(deps, req), req.query),
  );
  r.get(
    '/api/v1/scorecard/training-suggestions',
    {
      schema: {
        tags: ['scorecard'],
        summary:
          "Training suggestions (analyst and up): a stage's satisfaction or operational metric " +
          "is red in the window's last period and people of the stage fall short in a " +
          'competency linked to it (docs/competencies.md)',
        querystring: training.trainingSuggestionsQuery,
        response: { 200: training.trainingSuggestionsOut },
      },
    },
    async (req) => trainingSuggestions(ctxOf(deps, req), req.query),
  );
  registerKpiRoutes(app, deps);
}
