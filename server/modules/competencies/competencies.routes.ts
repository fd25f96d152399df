// HTTP of the competency model, assessments and gaps (issue 18; docs/competencies.md).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as api from '../../../shared/api/competencies.ts';
import { idParam } from '../../../shared/api/orgs.ts';
import type { Deps } from '../../deps.ts';
import { ctxOf } from '../../http/auth.ts';
import { createAssessment, listAssessments } from './assessments.service.ts';
import * as svc from './competencies.service.ts';
import { getGaps, getReportsGaps } from './gaps.service.ts';

export function registerCompetencyRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['competencies'];
  r.get(
    '/api/v1/competencies',
    { schema: { tags, summary: 'The competencies', response: { 200: api.competenciesOut } } },
    async (req) => ({
      items: (await svc.listCompetencies(ctxOf(deps, req))).map(svc.presentCompetency),
    }),
  );
  r.post(
    '/api/v1/competencies',
    {
      schema: {
        tags,
        summary: 'Add a competency (admins, managers)',
        body: api.createCompetencyBody,
        response: { 201: api.competencyOut },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(svc.presentCompetency(await svc.createCompetency(ctxOf(deps, req), req.body))),
  );
  r.get(
    '/api/v1/competencies/models',
    {
      schema: {
        tags,
        summary: 'The competency model per position: target levels 1–5',
        response: { 200: api.modelsOut },
      },
    },
    async (req) => svc.getModels(ctxOf(deps, req)),
  );
  r.put(
    '/api/v1/competencies/models',
    {
      schema: {
        tags,
        summary: "Replace one position's model (competency id → target level)",
        body: api.putModelBody,
        response: { 200: api.modelsOut },
      },
    },
    async (req) => svc.putModel(ctxOf(deps, req), req.body),
  );
  r.get(
    '/api/v1/competencies/settings',
    { schema: { tags, response: { 200: api.competencySettingsOut } } },
    async (req) => svc.getSettings(ctxOf(deps, req)),
  );
  r.put(
    '/api/v1/competencies/settings',
    {
      schema: {
        tags,
        summary: 'The anonymity threshold of 360 answers (admins)',
        body: api.competencySettingsBody,
        response: { 200: api.competencySettingsOut },
      },
    },
    async (req) => svc.putSettings(ctxOf(deps, req), req.body),
  );
  r.get(
    '/api/v1/competencies/gaps',
    {
      schema: {
        tags,
        summary:
          'Gaps per person and competency (target − assessed, 0 when met), per competency ' +
          '(mean gap, share meeting) and coverage; everyone, one stage or one employee',
        querystring: api.gapsQuery,
        response: { 200: api.gapsOut },
      },
    },
    async (req) => getGaps(ctxOf(deps, req), req.query),
  );
  r.get(
    '/api/v1/competencies/gaps/reports/:id',
    {
      schema: {
        tags,
        summary: "Gaps of one employee's direct reports (a manager's team)",
        params: idParam,
        response: { 200: api.gapsOut },
      },
    },
    async (req) => getReportsGaps(ctxOf(deps, req), req.params.id),
  );
  r.get(
    '/api/v1/competencies/:id',
    { schema: { tags, params: idParam, response: { 200: api.competencyOut } } },
    async (req) => svc.presentCompetency(await svc.getCompetency(ctxOf(deps, req), req.params.id)),
  );
  r.patch(
    '/api/v1/competencies/:id',
    {
      schema: {
        tags,
        params: idParam,
        body: api.updateCompetencyBody,
        response: { 200: api.competencyOut },
      },
    },
    async (req) =>
      svc.presentCompetency(await svc.updateCompetency(ctxOf(deps, req), req.params.id, req.body)),
  );
  r.delete(
    '/api/v1/competencies/:id',
    {
      schema: {
        tags,
        summary: 'Remove a competency, its targets and assessments',
        params: idParam,
      },
    },
    async (req, reply) => {
      await svc.deleteCompetency(ctxOf(deps, req), req.params.id);
      return reply.status(204).send();
    },
  );
  r.get(
    '/api/v1/employees/:id/assessments',
    {
      schema: {
        tags,
        summary:
          "An employee's self and manager assessments, and 360 answers per competency — never " +
          'who rated; levels and mean only at or above the anonymity threshold of raters',
        params: idParam,
        response: { 200: api.assessmentsOut },
      },
    },
    async (req) => listAssessments(ctxOf(deps, req), req.params.id),
  );
  r.post(
    '/api/v1/employees/:id/assessments',
    {
      schema: {
        tags,
        summary:
          'Assess an employee: manager (admins, managers), self (the linked user only) or peer ' +
          '(a 360 answer by another user)',
        params: idParam,
        body: api.createAssessmentBody,
        response: { 201: api.assessmentsOut },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createAssessment(ctxOf(deps, req), req.params.id, req.body)),
  );
}
