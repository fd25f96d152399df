import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as api from '../../../shared/api/care.ts';
import { idParam } from '../../../shared/api/orgs.ts';
import type {
  ImportantDatesTable,
  RequirementsTable,
  RequirementVersionsTable,
} from '../../db/types.ts';
import type { Deps } from '../../deps.ts';
import { ctxOf } from '../../http/auth.ts';
import * as care from './care.service.ts';
import * as notes from './notes.service.ts';
import { reminders, timeline } from './care.reads.ts';
import { nextOccurrence } from './occurrence.ts';

/** Dates on the card count days in the same zone the reminders use by default. */
const CARD_TIME_ZONE = 'Europe/Moscow';

export const presentDate = (d: ImportantDatesTable, now: Date): api.DateOut => {
  const next = nextOccurrence(d.date, d.recurring === 1, now, CARD_TIME_ZONE);
  return {
    id: d.id,
    clientId: d.client_id,
    contactId: d.contact_id,
    kind: d.kind,
    date: d.date,
    recurring: d.recurring === 1,
    title: d.title,
    nextDate: next?.date ?? null,
    daysUntil: next?.daysUntil ?? null,
    createdAt: d.created_at,
  };
};

export const presentRequirement = (r: RequirementsTable, today: string): api.RequirementOut => ({
  id: r.id,
  clientId: r.client_id,
  category: r.category,
  text: r.text,
  source: r.source,
  ownerId: r.owner_id,
  employeeId: r.employee_id,
  stage: r.stage,
  product: r.product,
  effectiveFrom: r.effective_from,
  effectiveTo: r.effective_to,
  status: r.status,
  inEffect: care.inEffect(r, today),
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const presentVersion = (v: RequirementVersionsTable) => ({
  version: v.version,
  snapshot: JSON.parse(v.snapshot) as Record<string, unknown>,
  actorType: v.actor_type,
  actorId: v.actor_id,
  createdAt: v.created_at,
});

export function registerCareRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['care'];
  const today = () => care.todayOf(deps);
  const items = <T extends z.ZodType>(s: T) => z.object({ items: z.array(s) });

  r.post(
    '/api/v1/clients/:id/dates',
    {
      schema: {
        tags,
        summary: 'Add an important date (birthday, anniversary, renewal, custom)',
        params: idParam,
        body: api.createDateBody,
        response: { 201: api.dateOut },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(
          presentDate(
            await care.addDate(ctxOf(deps, req), req.params.id, req.body),
            deps.clock.now(),
          ),
        ),
  );
  r.get(
    '/api/v1/clients/:id/dates',
    { schema: { tags, params: idParam, response: { 200: items(api.dateOut) } } },
    async (req) => ({
      items: (await care.listDates(ctxOf(deps, req), req.params.id)).map((d) =>
        presentDate(d, deps.clock.now()),
      ),
    }),
  );
  r.patch(
    '/api/v1/dates/:id',
    { schema: { tags, params: idParam, body: api.updateDateBody, response: { 200: api.dateOut } } },
    async (req) =>
      presentDate(
        await care.updateDate(ctxOf(deps, req), req.params.id, req.body),
        deps.clock.now(),
      ),
  );
  r.delete('/api/v1/dates/:id', { schema: { tags, params: idParam } }, async (req, reply) => {
    await care.deleteDate(ctxOf(deps, req), req.params.id);
    return reply.status(204).send();
  });

  r.get(
    '/api/v1/reminders',
    {
      schema: {
        tags,
        summary:
          'The care inbox: upcoming dates, silent clients, detractors without follow-up, cases at SLA risk',
        querystring: api.remindersQuery,
        response: { 200: items(api.reminderOut) },
      },
    },
    async (req) => ({
      items: await reminders(ctxOf(deps, req), req.query),
    }),
  );

  r.post(
    '/api/v1/clients/:id/requirements',
    {
      schema: {
        tags,
        summary: 'Add a special requirement of a client',
        params: idParam,
        body: api.createRequirementBody,
        response: { 201: api.requirementOut },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(
          presentRequirement(
            await care.addRequirement(ctxOf(deps, req), req.params.id, req.body),
            today(),
          ),
        ),
  );
  r.get(
    '/api/v1/clients/:id/requirements',
    { schema: { tags, params: idParam, response: { 200: items(api.requirementOut) } } },
    async (req) => ({
      items: (await care.listRequirements(ctxOf(deps, req), req.params.id)).map((x) =>
        presentRequirement(x, today()),
      ),
    }),
  );
  r.get(
    '/api/v1/requirements',
    {
      schema: {
        tags,
        summary: 'Search requirements across clients (Cyrillic too)',
        querystring: api.searchRequirementsQuery,
        response: { 200: items(api.requirementSearchOut) },
      },
    },
    async (req) => ({
      items: (await care.searchRequirements(ctxOf(deps, req), req.query)).map((x) => ({
        ...presentRequirement(x, today()),
        clientName: x.client_name,
      })),
    }),
  );
  r.patch(
    '/api/v1/requirements/:id',
    {
      schema: {
        tags,
        summary: 'Change a requirement (each change is a new version)',
        params: idParam,
        body: api.updateRequirementBody,
        response: { 200: api.requirementOut },
      },
    },
    async (req) =>
      presentRequirement(
        await care.updateRequirement(ctxOf(deps, req), req.params.id, req.body),
        today(),
      ),
  );
  r.get(
    '/api/v1/requirements/:id/versions',
    { schema: { tags, params: idParam, response: { 200: items(api.requirementVersionOut) } } },
    async (req) => ({
      items: (await care.requirementVersions(ctxOf(deps, req), req.params.id)).map(presentVersion),
    }),
  );
  r.get(
    '/api/v1/cases/:id/requirements',
    {
      schema: {
        tags,
        summary: "The client's requirements in effect, for the person resolving the case",
        params: idParam,
        response: { 200: items(api.requirementOut) },
      },
    },
    async (req) => ({
      items: (await care.requirementsForCase(ctxOf(deps, req), req.params.id)).map((x) =>
        presentRequirement(x, today()),
      ),
    }),
  );

  r.post(
    '/api/v1/clients/:id/notes',
    { schema: { tags, params: idParam, body: api.createNoteBody, response: { 201: api.noteOut } } },
    async (req, reply) => {
      const n = await notes.addNote(ctxOf(deps, req), req.params.id, req.body.text);
      return reply
        .status(201)
        .send({ id: n.id, clientId: n.client_id, text: n.text, createdAt: n.created_at });
    },
  );
  r.get(
    '/api/v1/clients/:id/timeline',
    {
      schema: {
        tags,
        summary: 'Everything about a client, newest first',
        params: idParam,
        querystring: api.timelineQuery,
        response: {
          200: z.object({ items: z.array(api.timelineItemOut), nextCursor: z.string().nullable() }),
        },
      },
    },
    async (req) => timeline(ctxOf(deps, req), req.params.id, req.query),
  );
}

/** For GET /api/v1/cases/:id: the case's client's requirements in effect, presented (none without a client). */
export const caseRequirementsOut = z.array(api.requirementOut);
export async function requirementsOnCase(
  ctx: Parameters<typeof care.activeRequirementsFor>[0],
  clientId: string | null,
): Promise<api.RequirementOut[]> {
  if (!clientId) return [];
  const today = care.todayOf(ctx);
  return (await care.activeRequirementsFor(ctx, clientId)).map((r) => presentRequirement(r, today));
}
