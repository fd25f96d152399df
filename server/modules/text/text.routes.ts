// HTTP surface of text analytics: the taxonomy, re-analysis on demand, and corrections.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParam } from '../../../shared/api/orgs.ts';
import * as api from '../../../shared/api/text.ts';
import type { Deps } from '../../deps.ts';
import { ctxOf } from '../../http/auth.ts';
import { MODEL_VERSION } from '../../lib/text/version.ts';
import * as text from './text.service.ts';
import * as topics from './topics.service.ts';
import { textTrends } from './trends.ts';

export function registerTextRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['text'];

  r.get(
    '/api/v1/text/topics',
    {
      schema: {
        tags,
        summary: "The organisation's topic taxonomy (the defaults until edited)",
        response: { 200: api.topicsOut },
      },
    },
    async (req) => ({
      items: await topics.getTopics(ctxOf(deps, req)),
      modelVersion: MODEL_VERSION,
    }),
  );
  r.put(
    '/api/v1/text/topics',
    {
      schema: {
        tags,
        summary: 'Replace the topic taxonomy (org.manage); run reanalyse to re-tag old records',
        body: api.putTopicsBody,
        response: { 200: api.topicsOut },
      },
    },
    async (req) => ({
      items: await topics.putTopics(ctxOf(deps, req), req.body.items),
      modelVersion: MODEL_VERSION,
    }),
  );
  r.post(
    '/api/v1/text/reanalyse',
    {
      schema: {
        tags,
        summary:
          'Queue re-analysis of all records with text (or those received in [from, to)), in batches',
        body: api.reanalyseBody,
        response: { 202: api.reanalyseOut },
      },
    },
    async (req, reply) =>
      reply.status(202).send({ queued: await text.reanalyse(ctxOf(deps, req), req.body) }),
  );
  r.get(
    '/api/v1/text/trends',
    {
      schema: {
        tags,
        summary:
          'Sentiment by month and topic counts of records received in [from, to), with the ' +
          "dashboard's filters (stage, channel, segment, manager, client)",
        querystring: api.trendsQuery,
        response: { 200: api.trendsOut },
      },
    },
    async (req) => textTrends(ctxOf(deps, req), req.query),
  );
  r.get(
    '/api/v1/feedback/:id/analysis',
    {
      schema: {
        tags,
        summary: "One record's analysis: sentiment per topic and whether its NPS and text disagree",
        params: idParam,
        response: { 200: api.analysisOut },
      },
    },
    async (req) => text.getAnalysis(ctxOf(deps, req), req.params.id),
  );
  r.patch(
    '/api/v1/feedback/:id/analysis',
    {
      schema: {
        tags,
        summary: 'Correct sentiment and/or topics by hand; re-analysis keeps the correction',
        params: idParam,
        body: api.correctionBody,
        response: { 200: api.analysisOut },
      },
    },
    async (req) => text.correctAnalysis(ctxOf(deps, req), req.params.id, req.body),
  );
}
