// HTTP for sign-in, first-run set-up, the organisation, its people, API keys and audit log.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as api from '../../../shared/api/orgs.ts';
import { loginChallengeOut } from '../../../shared/api/security.ts';
import type { Deps } from '../../deps.ts';
import { ctxOf, sessionCookieName, sessionCookieOptions } from '../../http/auth.ts';
import { AppError } from '../../http/errors.ts';
import { ctxFor } from '../../context.ts';
import { pageQuery } from '../../lib/paging.ts';
import { APP_VERSION } from '../../lib/version.ts';
import * as auth from './auth.service.ts';
import { presentApiKey, presentOrg, presentUser } from './orgs.present.ts';
import * as orgs from './orgs.service.ts';

const problem = z.object({ code: z.string(), detail: z.string() }).passthrough();

/** What a sign-in answers: the person, their organisation and the CSRF token. */
export async function sessionBodyOf(deps: Deps, orgId: string, userId: string, csrfToken: string) {
  const ctx = ctxFor(deps, { type: 'user', id: userId, orgId, role: 'viewer' });
  const [user, org] = await Promise.all([orgs.getCurrentUser(ctx), orgs.getOrganisation(ctx)]);
  return { user: presentUser(user), org: presentOrg(org), csrfToken };
}

/** Public routes: login, logout, the current session, first-run set-up. */
export function registerAuthRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const limited = {
    rateLimit: { max: deps.config.security.publicRatePerMinute, timeWindow: 60_000 },
  };

  const sessionBody = (orgId: string, userId: string, csrfToken: string) =>
    sessionBodyOf(deps, orgId, userId, csrfToken);

  r.post(
    '/api/v1/auth/login',
    {
      config: limited,
      schema: {
        tags: ['auth'],
        summary:
          'Sign in with e-mail and password (sets the session cookie); with two-factor sign-in, ' +
          'answers a challenge for POST /api/v1/auth/login/2fa instead',
        body: api.loginBody,
        response: { 200: z.union([api.sessionOut, loginChallengeOut]), 401: problem },
      },
    },
    async (request, reply) => {
      const result = await auth.login(deps, { ...request.body, ip: request.ip });
      if ('challenge' in result) return { twoFactorRequired: true as const, ...result };
      reply.setCookie(
        sessionCookieName(deps),
        result.token,
        sessionCookieOptions(deps, result.expiresAt),
      );
      return sessionBody(result.orgId, result.userId, result.csrfToken);
    },
  );

  r.post(
    '/api/v1/auth/logout',
    { schema: { tags: ['auth'], summary: 'Sign out (ends this session)' } },
    async (request, reply) => {
      const token = request.cookies[sessionCookieName(deps)];
      if (token) await auth.logout(deps.db, token);
      reply.clearCookie(sessionCookieName(deps), sessionCookieOptions(deps));
      return reply.status(204).send();
    },
  );

  r.get(
    '/api/v1/auth/session',
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in person, their organisation and the CSRF token',
        response: { 200: api.sessionOut, 401: problem },
      },
    },
    async (request) => {
      const token = request.cookies[sessionCookieName(deps)];
      const session = token ? await auth.authenticateSession(deps, token) : undefined;
      if (!session?.actor.id) throw new AppError('unauthorized', 'Not signed in');
      return sessionBody(session.actor.orgId, session.actor.id, session.csrfToken);
    },
  );

  r.get(
    '/api/config',
    {
      schema: {
        tags: ['auth'],
        summary: 'Public facts the UI needs before sign-in',
        response: { 200: api.publicConfigOut },
      },
    },
    async () => ({
      setupRequired: await auth.isSetupRequired(deps.db),
      languages: ['ru' as const, 'en' as const],
      version: APP_VERSION,
    }),
  );

  r.post(
    '/api/v1/setup',
    {
      config: limited,
      schema: {
        tags: ['auth'],
        summary: 'First-run set-up: create the organisation and its admin (once)',
        body: api.setupBody,
        response: { 201: api.sessionOut, 409: problem },
      },
    },
    async (request, reply) => {
      const result = await auth.setupInstance(deps, request.body);
      reply.setCookie(
        sessionCookieName(deps),
        result.token,
        sessionCookieOptions(deps, result.expiresAt),
      );
      return reply
        .status(201)
        .send(await sessionBody(result.orgId, result.userId, result.csrfToken));
    },
  );
}

/** Routes that need a caller (registered inside the authenticated scope). */
export function registerOrgRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['organisation'];

  r.get(
    '/api/v1/org',
    { schema: { tags, summary: "The caller's organisation", response: { 200: api.orgOut } } },
    async (req) => presentOrg(await orgs.getOrganisation(ctxOf(deps, req))),
  );
  r.patch(
    '/api/v1/org',
    {
      schema: {
        tags,
        summary: 'Rename the organisation, change its default language or its time zone (admins)',
        body: api.updateOrgBody,
        response: { 200: api.orgOut },
      },
    },
    async (req) => presentOrg(await orgs.updateOrganisation(ctxOf(deps, req), req.body)),
  );

  r.get(
    '/api/v1/users',
    {
      schema: {
        tags,
        summary: 'People of the organisation',
        querystring: pageQuery,
        response: { 200: api.page(api.userOut) },
      },
    },
    async (req) => {
      const page = await orgs.listUsers(ctxOf(deps, req), req.query);
      return { items: page.items.map(presentUser), nextCursor: page.nextCursor };
    },
  );
  r.post(
    '/api/v1/users',
    {
      schema: {
        tags,
        summary: 'Add a person (admins)',
        body: api.createUserBody,
        response: { 201: api.userOut },
      },
    },
    async (req, reply) =>
      reply.status(201).send(presentUser(await orgs.createUser(ctxOf(deps, req), req.body))),
  );
  r.get(
    '/api/v1/users/:id',
    { schema: { tags, params: api.idParam, response: { 200: api.userOut } } },
    async (req) => presentUser(await orgs.getUser(ctxOf(deps, req), req.params.id)),
  );
  r.patch(
    '/api/v1/users/:id',
    {
      schema: {
        tags,
        summary: 'Change a person (role, language, disabled, password)',
        params: api.idParam,
        body: api.updateUserBody,
        response: { 200: api.userOut },
      },
    },
    async (req) => presentUser(await orgs.updateUser(ctxOf(deps, req), req.params.id, req.body)),
  );

  r.get(
    '/api/v1/api-keys',
    {
      schema: {
        tags,
        summary: 'API keys (secrets are never shown again)',
        response: { 200: z.object({ items: z.array(api.apiKeyOut) }) },
      },
    },
    async (req) => ({
      items: (await orgs.listApiKeys(ctxOf(deps, req))).map(presentApiKey),
    }),
  );
  r.post(
    '/api/v1/api-keys',
    {
      schema: {
        tags,
        summary: 'Create an API key; the secret is in this response only',
        body: api.createApiKeyBody,
        response: { 201: api.createdApiKeyOut },
      },
    },
    async (req, reply) => {
      const { key, secret } = await orgs.createApiKey(ctxOf(deps, req), req.body);
      return reply.status(201).send({ ...presentApiKey(key), secret });
    },
  );
  r.delete(
    '/api/v1/api-keys/:id',
    {
      schema: {
        tags,
        summary: 'Revoke an API key',
        params: api.idParam,
        response: { 200: api.apiKeyOut },
      },
    },
    async (req) => presentApiKey(await orgs.revokeApiKey(ctxOf(deps, req), req.params.id)),
  );
}
