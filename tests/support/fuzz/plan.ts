// What the fuzz suite knows about each route of the catalogue (app.routeCatalog): its path
// parameters, query string and body as JSON Schema taken from the route's own zod schemas, and
// how its refusals look (problem+json for the API, an HTML page for the public pages). A route
// the suite cannot generate for — a path parameter or a body without a schema, and not listed
// below — is a planning error, and the suite fails until the route gets a schema or a line here.
import type { RouteEntry } from '../../../server/app.ts';
import { jsonSchemaOf, type JsonSchema } from './schema-arb.ts';

export type BodyPlan =
  | { kind: 'json'; schema: JsonSchema }
  /** No body is read; hostile JSON is still sent now and then. */
  | { kind: 'none' }
  /** A raw file (CSV, XLSX, octet-stream). */
  | { kind: 'upload' }
  /** An HTML form post with these fields. */
  | { kind: 'form'; fields: readonly string[] };

export interface RoutePlan {
  key: string;
  method: string;
  url: string;
  /** 'page': a server-rendered public page, whose refusals are HTML pages, not problem+json. */
  answers: 'problem' | 'page';
  params: { name: string; schema: JsonSchema; root: JsonSchema }[];
  query?: JsonSchema;
  body: BodyPlan;
}

/** Unsafe routes that read no body. A new one without a body schema must be added here. */
export const BODYLESS = new Set([
  'POST /api/v1/auth/logout',
  'POST /api/v1/me/2fa/setup',
  'POST /api/v1/contacts/:id/resubscribe',
  'POST /api/v1/webhooks/:id/deliveries/:deliveryId/retry',
  'POST /api/v1/inbound/quarantine/:id/accept',
  'POST /api/v1/inbound/quarantine/:id/discard',
  'POST /api/v1/arbiter/refresh',
  'POST /api/v1/portfolio/refresh',
  'POST /api/v1/portfolio/clients/:clientId/playbook/:actionId/done',
  'PUT /api/v1/strategy/goals/:id/effects/:effectId',
  'PUT /api/v1/strategy/goals/:id/items/:kind/:itemId',
  'POST /api/v1/me/sessions/sign-out-everywhere',
  'POST /api/v1/users/:id/2fa/reset',
  'POST /api/v1/contacts/:id/erase',
  'POST /api/v1/me/notifications/:id/read',
  'POST /api/v1/me/notifications/read-all',
]);

/** Routes whose body is a raw file (server/http/file-upload.ts). */
export const UPLOADS = new Set(['POST /api/v1/imports', 'POST /api/v1/calls/import']);

/** The fields of the public pages' HTML forms (their handlers read them by hand). */
export const FORM_FIELDS: Record<string, readonly string[]> = {
  'POST /status/:ref/rate': ['score'],
  'POST /unsubscribe/:token': ['List-Unsubscribe'],
  'POST /s/:token': ['score', 'comment', 'website'],
  'POST /s/o/:openToken': ['score', 'comment', 'website'],
  'POST /p/:token': ['score', 'comment', 'website'],
  'POST /p/t/:token': ['score', 'comment', 'website'],
};

/** Path parameters of routes that are not ours (Swagger UI's static files): any string. */
const UNSCHEMED_PARAMS: Record<string, JsonSchema> = {
  'GET /docs/static/*': { type: 'object', properties: { '*': { type: 'string' } } },
};

const OPS = /^\/(health|ready|metrics|docs)(\/|$)/;
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

export interface Planned {
  plans: RoutePlan[];
  /** One line per route the suite cannot generate for. */
  errors: string[];
}

/** Every route but HEAD (Fastify answers HEAD with the GET handler). */
export function planRoutes(catalog: readonly RouteEntry[]): Planned {
  const plans: RoutePlan[] = [];
  const errors: string[] = [];
  for (const route of catalog) {
    if (route.method === 'HEAD') continue;
    const key = `${route.method} ${route.url}`;
    const problems: string[] = [];
    const paramsSchema = jsonSchemaOf(route.params) ?? UNSCHEMED_PARAMS[key];
    const names = [...route.url.matchAll(/:(\w+)|\*/g)].map((m) => m[1] ?? '*');
    const params = names.flatMap((name) => {
      const schema = paramsSchema?.properties?.[name] as JsonSchema | undefined;
      if (schema) return [{ name, schema, root: paramsSchema! }];
      problems.push(`path parameter :${name} has no schema`);
      return [];
    });
    const isPage = !route.url.startsWith('/api/') && !OPS.test(route.url);
    const body = bodyPlanOf(route, key);
    if (!body) problems.push('takes a body without a schema (add one, or list it in fuzz/plan.ts)');
    if (problems.length) errors.push(`${key}: ${problems.join('; ')}`);
    else
      plans.push({
        key,
        method: route.method,
        url: route.url,
        answers: isPage ? 'page' : 'problem',
        params,
        query: jsonSchemaOf(route.querystring),
        body: body!,
      });
  }
  return { plans, errors };
}

function bodyPlanOf(route: RouteEntry, key: string): BodyPlan | undefined {
  const schema = jsonSchemaOf(route.body);
  if (schema) return { kind: 'json', schema };
  if (UPLOADS.has(key)) return { kind: 'upload' };
  if (FORM_FIELDS[key]) return { kind: 'form', fields: FORM_FIELDS[key] };
  if (!BODY_METHODS.has(route.method) || BODYLESS.has(key)) return { kind: 'none' };
  // An API route needs a body schema; a public page's form must be listed with its fields.
  return undefined;
}
