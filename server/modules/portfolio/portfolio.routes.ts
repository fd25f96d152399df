// HTTP of the client portfolio (issue 17): the matrix, weights and their preview, strategies per
// cell and their care playbooks, snapshots and moves between them.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as api from '../../../shared/api/portfolio.ts';
import type { Deps } from '../../deps.ts';
import { ctxOf } from '../../http/auth.ts';
import { getPortfolio, refreshScores } from './portfolio.service.ts';
import { getMoves, listSnapshots, takeSnapshot } from './snapshots.ts';
import { clientPlaybook, getPlaybooks, markPlaybookDone, putPlaybook } from './playbooks.ts';
import { getStrategies, putStrategy } from './strategies.ts';
import { getWeights, previewWeights, putWeights } from './weights.ts';

/** Serialises an answer whose shape the service guarantees (typed as api.PortfolioOut). */
const plainJson = () => (data: unknown) => JSON.stringify(data);

export function registerPortfolioRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['portfolio'];
  r.get(
    '/api/v1/portfolio',
    {
      // The matrix page is built field by field by getPortfolio (typed as api.PortfolioOut and
      // checked against the strict schema in portfolio.test.ts): the zod encode of 100 clients ×
      // 9 breakdown items would be most of the request (bench/portfolio.ts).
      serializerCompiler: plainJson,
      schema: {
        tags,
        summary:
          'The 3×3 portfolio matrix: per client attractiveness and relationship (0–100) with ' +
          'their breakdown, cell and strategy (a page), and clients and revenue per cell ' +
          '(docs/portfolio.md)',
        querystring: api.portfolioQuery,
        response: { 200: api.portfolioOut },
      },
    },
    async (req) => getPortfolio(ctxOf(deps, req), req.query),
  );
  r.post(
    '/api/v1/portfolio/refresh',
    {
      schema: {
        tags,
        summary: 'Recomputes the stored current scores now (the worker does every 10 minutes)',
        response: { 200: z.object({ computedAt: z.string(), clients: z.number().int() }) },
      },
    },
    async (req) => refreshScores(ctxOf(deps, req)),
  );
  r.get(
    '/api/v1/portfolio/weights',
    {
      schema: {
        tags,
        summary: "The organisation's weights of the score inputs (admins)",
        response: { 200: api.portfolioWeightsOut },
      },
    },
    async (req) => getWeights(ctxOf(deps, req)),
  );
  r.put(
    '/api/v1/portfolio/weights',
    {
      schema: {
        tags,
        summary:
          'Saves the weights (admins; non-negative, each axis sums to 100, else 422 ' +
          'invalid_weights) and rescores every client',
        body: api.portfolioWeights,
        response: { 200: api.portfolioWeightsOut },
      },
    },
    async (req) => putWeights(ctxOf(deps, req), req.body, refreshScores),
  );
  r.post(
    '/api/v1/portfolio/weights/preview',
    {
      schema: {
        tags,
        summary: 'Which clients would change cell if these weights were saved (admins)',
        body: api.portfolioWeights,
        response: { 200: api.weightsPreviewOut },
      },
    },
    async (req) => previewWeights(ctxOf(deps, req), req.body),
  );
  r.get(
    '/api/v1/portfolio/strategies',
    {
      schema: {
        tags,
        summary: 'The strategy of each of the nine cells (seed 001 texts until edited)',
        response: { 200: api.strategiesOut },
      },
    },
    async (req) => getStrategies(ctxOf(deps, req)),
  );
  r.put(
    '/api/v1/portfolio/strategies/:attractiveness/:relationship',
    {
      schema: {
        tags,
        summary: "Replaces a cell's strategy texts (managers and admins)",
        params: api.strategyParams,
        body: api.putStrategyBody,
        response: { 200: api.strategyOut },
      },
    },
    async (req) => putStrategy(ctxOf(deps, req), req.params, req.body),
  );
  r.get(
    '/api/v1/portfolio/playbooks',
    {
      schema: {
        tags,
        summary: 'The care playbook of each of the nine cells (empty until edited)',
        response: { 200: api.playbooksOut },
      },
    },
    async (req) => getPlaybooks(ctxOf(deps, req)),
  );
  r.put(
    '/api/v1/portfolio/playbooks/:attractiveness/:relationship',
    {
      schema: {
        tags,
        summary:
          "Replaces a cell's care playbook (managers and admins): up to 20 actions, each with " +
          'both titles and everyDays 1–3650, else 422 invalid_playbook; an action sent with its ' +
          'id keeps when it was done; an id not of this cell → 404',
        params: api.playbookParams,
        body: api.putPlaybookBody,
        response: { 200: api.playbookOut },
      },
    },
    async (req) => putPlaybook(ctxOf(deps, req), req.params, req.body),
  );
  r.get(
    '/api/v1/portfolio/clients/:clientId/playbook',
    {
      schema: {
        tags,
        summary: "The playbook of the client's cell with each action's state (due, done, next)",
        params: api.clientPlaybookParams,
        response: { 200: api.clientPlaybookOut },
      },
    },
    async (req) => clientPlaybook(ctxOf(deps, req), req.params.clientId),
  );
  r.post(
    '/api/v1/portfolio/clients/:clientId/playbook/:actionId/done',
    {
      schema: {
        tags,
        summary:
          'Marks a playbook action done for the client now: its care reminder comes back ' +
          'everyDays later',
        params: api.playbookDoneParams,
        response: { 200: api.playbookActionStateOut },
      },
    },
    async (req) => markPlaybookDone(ctxOf(deps, req), req.params.clientId, req.params.actionId),
  );
  r.get(
    '/api/v1/portfolio/snapshots',
    {
      schema: {
        tags,
        summary: 'The period snapshots taken, newest first',
        response: { 200: api.snapshotsOut },
      },
    },
    async (req) => listSnapshots(ctxOf(deps, req)),
  );
  r.post(
    '/api/v1/portfolio/snapshots',
    {
      schema: {
        tags,
        summary:
          "Takes a closed period's snapshot (default: the last closed quarter); 201 when taken, " +
          '200 with the stored one when the period has it already',
        body: api.snapshotBody,
        response: { 200: api.snapshotOut, 201: api.snapshotOut },
      },
    },
    async (req, reply) => {
      const out = await takeSnapshot(ctxOf(deps, req), req.body.period);
      return reply.code(out.created ? 201 : 200).send(out);
    },
  );
  r.get(
    '/api/v1/portfolio/moves',
    {
      schema: {
        tags,
        summary: 'Clients whose cell changed between the snapshots of two periods',
        querystring: api.movesQuery,
        response: { 200: api.movesOut },
      },
    },
    async (req) => getMoves(ctxOf(deps, req), req.query),
  );
}
