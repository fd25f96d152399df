import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as api from '../../../shared/api/cases.ts';
import { idParam, page } from '../../../shared/api/orgs.ts';
import type { CaseEventsTable, CasesTable, SlaPoliciesTable } from '../../db/types.ts';
import type { Deps } from '../../deps.ts';
import { ctxOf } from '../../http/auth.ts';
import * as cases from './cases.service.ts';
import * as policies from './sla-policies.ts';
import { sendReply } from './reply.ts';
import { allowedNext } from './status-machine.ts';
import { statusUrl, type PublicUrlConfig } from '../../lib/public-urls.ts';

export const presentCase = (c: CasesTable, config: PublicUrlConfig): api.CaseOut => ({
  id: c.id,
  publicRef: c.public_ref,
  statusUrl: statusUrl(config, c.public_ref),
  title: c.title,
  type: c.type,
  priority: c.priority,
  status: c.status,
  allowedNext: [...allowedNext(c.status)],
  stage: c.stage,
  clientId: c.client_id,
  contactId: c.contact_id,
  feedbackId: c.feedback_id,
  ownerId: c.owner_id,
  slaPolicyId: c.sla_policy_id,
  openedBy: c.opened_by,
  firstResponseDueAt: c.first_response_due_at,
  dueAt: c.due_at,
  firstRespondedAt: c.first_responded_at,
  resolvedAt: c.resolved_at,
  closedAt: c.closed_at,
  breachedAt: c.breached_at,
  resolution: c.resolution,
  resolutionCode: c.resolution_code,
  tags: JSON.parse(c.tags) as string[],
  followupRequested: c.followup_requested === 1,
  createdAt: c.created_at,
  updatedAt: c.updated_at,
});

const presentEvent = (e: CaseEventsTable) => ({
  id: e.id,
  kind: e.kind,
  fromStatus: e.from_status,
  toStatus: e.to_status,
  actorType: e.actor_type,
  actorId: e.actor_id,
  body: e.body,
  createdAt: e.created_at,
});

const presentPolicy = (p: SlaPoliciesTable) => ({
  id: p.id,
  name: p.name,
  priority: p.priority,
  firstResponseMinutes: p.first_response_minutes,
  resolutionMinutes: p.resolution_minutes,
  timeZone: p.time_zone,
  businessHours: p.business_hours ? JSON.parse(p.business_hours) : null,
  holidays: JSON.parse(p.holidays) as string[],
  isDefault: p.is_default === 1,
});

export function registerCaseRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['cases'];
  const base = deps.config;

  r.get(
    '/api/v1/cases',
    {
      schema: {
        tags,
        summary: 'Cases, newest first; open=true for the working set',
        querystring: api.listCasesQuery,
        response: { 200: page(api.caseOut) },
      },
    },
    async (req) => {
      const result = await cases.listCases(ctxOf(deps, req), {
        ...req.query,
        open: req.query.open === 'true',
      });
      return {
        items: result.items.map((c) => presentCase(c, base)),
        nextCursor: result.nextCursor,
      };
    },
  );
  r.post(
    '/api/v1/cases',
    {
      schema: {
        tags,
        summary: 'Open a case by hand',
        body: api.createCaseBody,
        response: { 201: api.caseOut },
      },
    },
    async (req, reply) =>
      reply.status(201).send(presentCase(await cases.openCase(ctxOf(deps, req), req.body), base)),
  );
  // GET /api/v1/cases/:id is registered by the care module: the case carries its client's
  // special requirements, which care owns (care sits above cases in the module graph).
  r.patch(
    '/api/v1/cases/:id',
    {
      schema: {
        tags,
        summary:
          'Change status (invalid transition → 409), owner, priority, resolution; add a note',
        params: idParam,
        body: api.updateCaseBody,
        response: { 200: api.caseOut },
      },
    },
    async (req) =>
      presentCase(await cases.updateCase(ctxOf(deps, req), req.params.id, req.body), base),
  );
  r.get(
    '/api/v1/cases/:id/events',
    {
      schema: {
        tags,
        summary: 'The case timeline',
        params: idParam,
        response: { 200: z.object({ items: z.array(api.caseEventOut) }) },
      },
    },
    async (req) => ({
      items: (await cases.listCaseEvents(ctxOf(deps, req), req.params.id)).map(presentEvent),
    }),
  );

  r.post(
    '/api/v1/cases/:id/replies',
    {
      schema: {
        tags,
        summary:
          "Reply to the case's contact by e-mail, in their language (threaded onto the case)",
        params: idParam,
        body: api.caseReplyBody,
        response: { 201: api.caseReplyOut },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await sendReply(ctxOf(deps, req), req.params.id, req.body.text)),
  );

  const ptags = ['sla'];
  r.get(
    '/api/v1/sla-policies',
    { schema: { tags: ptags, response: { 200: z.object({ items: z.array(api.slaPolicyOut) }) } } },
    async (req) => ({
      items: (await policies.listPolicies(ctxOf(deps, req))).map(presentPolicy),
    }),
  );
  r.post(
    '/api/v1/sla-policies',
    {
      schema: {
        tags: ptags,
        summary: 'Create an SLA policy (business hours, holidays, time zone)',
        body: api.slaPolicyBody,
        response: { 201: api.slaPolicyOut },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(presentPolicy(await policies.createPolicy(ctxOf(deps, req), req.body))),
  );
  r.patch(
    '/api/v1/sla-policies/:id',
    {
      schema: {
        tags: ptags,
        params: idParam,
        body: api.slaPolicyPatch,
        response: { 200: api.slaPolicyOut },
      },
    },
    async (req) =>
      presentPolicy(await policies.updatePolicy(ctxOf(deps, req), req.params.id, req.body)),
  );
  r.delete(
    '/api/v1/sla-policies/:id',
    { schema: { tags: ptags, params: idParam } },
    async (req, reply) => {
      await policies.deletePolicy(ctxOf(deps, req), req.params.id);
      return reply.status(204).send();
    },
  );
}
