// HTTP for the satisfaction metrics: parse (shared/api/metrics.ts) → service → present.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as api from '../../../shared/api/metrics.ts';
import type { Deps } from '../../deps.ts';
import { ctxOf } from '../../http/auth.ts';
import { presentOverview, presentReport, round1 } from './metrics.present.ts';
import * as metrics from './metrics.service.ts';
import { npsByRole } from './nps-roles.ts';
import { weekMovesOut, weekMovesQuery } from '../../../shared/api/week-moves.ts';
import { weekMoves } from './week-moves.ts';

const problem = z.object({ code: z.string(), detail: z.string() }).passthrough();

export function registerMetricsRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['metrics'];

  r.get(
    '/api/v1/metrics/satisfaction',
    {
      schema: {
        tags,
        summary:
          'NPS, CSAT or CES over [from, to), optionally by month, stage, segment, channel or client, with 95 % margins of error',
        querystring: api.satisfactionQuery,
        response: { 200: api.satisfactionOut, 400: problem },
      },
    },
    async (req) => presentReport(await metrics.getSatisfactionReport(ctxOf(deps, req), req.query)),
  );

  r.get(
    '/api/v1/metrics/week-moves',
    {
      schema: {
        tags,
        summary:
          "What moved this week (the CX lead's Today card): NPS, CSAT, detractors, cases, stages and topics against the week before, weeks from Monday in the organisation's zone",
        querystring: weekMovesQuery,
        response: { 200: weekMovesOut },
      },
    },
    async (req) => weekMoves(ctxOf(deps, req), req.query.week),
  );

  r.get(
    '/api/v1/metrics/nps-by-role',
    {
      schema: {
        tags,
        summary:
          "NPS over [from, to) by the answering contact's role (decision maker, influencer, user, payer, none)",
        querystring: api.npsByRoleQuery,
        response: { 200: api.npsByRoleOut, 400: problem },
      },
    },
    async (req) => {
      const r = await npsByRole(ctxOf(deps, req), req.query);
      return {
        ...r,
        roles: r.roles.map((g) => ({
          role: g.role,
          value: round1(g.value),
          responses: g.responses,
          promoters: g.promoters,
          passives: g.passives,
          detractors: g.detractors,
          marginOfError: round1(g.marginOfError),
        })),
      };
    },
  );

  r.get(
    '/api/v1/metrics/overview',
    {
      schema: {
        tags,
        summary: 'NPS, CSAT and CES over the last 90 days (dashboard tiles)',
        response: { 200: api.overviewOut },
      },
    },
    async (req) => presentOverview(await metrics.getSatisfactionOverview(ctxOf(deps, req))),
  );
}
