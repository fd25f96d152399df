import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as api from '../../../shared/api/surveys.ts';
import { idParam, page } from '../../../shared/api/orgs.ts';
import type { SurveysTable } from '../../db/types.ts';
import type { Deps } from '../../deps.ts';
import { ctxOf } from '../../http/auth.ts';
import { pageQuery } from '../../lib/paging.ts';
import { surveyInviteUrl, surveyOpenUrl, type PublicUrlConfig } from '../../lib/public-urls.ts';
import * as surveys from './surveys.service.ts';

export const presentSurvey = (s: SurveysTable, config: PublicUrlConfig): api.SurveyOut => ({
  id: s.id,
  name: s.name,
  metric: s.metric,
  question: JSON.parse(s.question) as api.LocalizedText,
  commentPrompt: JSON.parse(s.comment_prompt) as api.LocalizedText,
  stage: s.stage,
  status: s.status,
  openUrl: surveyOpenUrl(config, s.open_token),
  createdAt: s.created_at,
  updatedAt: s.updated_at,
});

export const presentInvite = (
  { invite, contact, token }: surveys.InviteView,
  config: PublicUrlConfig,
): api.InviteOut => ({
  id: invite.id,
  surveyId: invite.survey_id,
  contactId: invite.contact_id,
  contactName: contact?.name ?? null,
  contactEmail: contact?.email ?? null,
  url: surveyInviteUrl(config, token),
  feedbackId: invite.feedback_id,
  answeredAt: invite.answered_at,
  expiresAt: invite.expires_at,
  createdAt: invite.created_at,
});

export function registerSurveyRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['surveys'];
  const base = deps.config;

  r.get(
    '/api/v1/surveys',
    {
      schema: {
        tags,
        summary: 'Surveys, newest first',
        querystring: pageQuery,
        response: { 200: page(api.surveyOut) },
      },
    },
    async (req) => {
      const result = await surveys.listSurveys(ctxOf(deps, req), req.query);
      return {
        items: result.items.map((s) => presentSurvey(s, base)),
        nextCursor: result.nextCursor,
      };
    },
  );
  r.post(
    '/api/v1/surveys',
    {
      schema: {
        tags,
        summary:
          'Create an NPS, CSAT or CES survey; question and comment prompt default per metric',
        body: api.createSurveyBody,
        response: { 201: api.surveyOut },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(presentSurvey(await surveys.createSurvey(ctxOf(deps, req), req.body), base)),
  );
  r.get(
    '/api/v1/surveys/:id',
    { schema: { tags, params: idParam, response: { 200: api.surveyOut } } },
    async (req) => presentSurvey(await surveys.getSurvey(ctxOf(deps, req), req.params.id), base),
  );
  r.patch(
    '/api/v1/surveys/:id',
    {
      schema: {
        tags,
        summary: 'Rename, reword, change the stage, close or reopen; the metric is fixed',
        params: idParam,
        body: api.updateSurveyBody,
        response: { 200: api.surveyOut },
      },
    },
    async (req) =>
      presentSurvey(await surveys.updateSurvey(ctxOf(deps, req), req.params.id, req.body), base),
  );

  r.post(
    '/api/v1/surveys/:id/invites',
    {
      schema: {
        tags,
        summary:
          'Personal links for up to 500 contacts; with send=true each contact with an e-mail gets the invitation in their language',
        params: idParam,
        body: api.createInvitesBody,
        response: { 201: api.createdInvitesOut },
      },
    },
    async (req, reply) => {
      const result = await surveys.createInvites(ctxOf(deps, req), req.params.id, req.body);
      if (result.queued) deps.jobs.notify();
      return reply
        .status(201)
        .send({ items: result.items.map((i) => presentInvite(i, base)), queued: result.queued });
    },
  );
  r.get(
    '/api/v1/surveys/:id/invites',
    {
      schema: {
        tags,
        summary: 'Invitations of a survey, newest first, answered or not',
        params: idParam,
        querystring: pageQuery,
        response: { 200: page(api.inviteOut) },
      },
    },
    async (req) => {
      const result = await surveys.listInvites(ctxOf(deps, req), req.params.id, req.query);
      return {
        items: result.items.map((i) => presentInvite(i, base)),
        nextCursor: result.nextCursor,
      };
    },
  );
  r.get(
    '/api/v1/surveys/:id/qr.svg',
    { schema: { tags, summary: 'QR code of the open link (image/svg+xml)', params: idParam } },
    async (req, reply) => {
      const svg = await surveys.surveyQrSvg(ctxOf(deps, req), req.params.id);
      return reply
        .type('image/svg+xml; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .send(svg);
    },
  );
}
