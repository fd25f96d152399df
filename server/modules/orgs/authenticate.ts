// Authentication for /api/v1: a Bearer API key, or the session cookie from the UI login.
// Cookie sessions must also send X-CSRF-Token on every unsafe request (synchroniser token).
// API keys are held to the scope their route needs (api-scopes.ts) by `authorizeScope`, a
// preHandler of the same scope: after the body is parsed and validated (so malformed input is a
// 400 for every caller, as tests/bad-input.test.ts requires), before any handler runs.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../deps.ts';
import { sessionCookieName } from '../../http/auth.ts';
import { AppError } from '../../http/errors.ts';
import { safeEqual } from '../../lib/crypto.ts';
import type { Actor } from '../../lib/permissions.ts';
import { authenticateApiKey, authenticateSession } from './access.ts';
import { assertKeyScope } from './api-scopes.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** What a session may reach while its organisation waits for the person to enrol in 2FA. */
const ENROLMENT_ROUTES = new Set([
  '/api/v1/me/2fa',
  '/api/v1/me/2fa/setup',
  '/api/v1/me/2fa/enable',
]);

/** onRequest hook for a scope whose routes all need a caller. */
export function authenticate(deps: Deps) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const header = request.headers.authorization;
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
      const actor = match ? await authenticateApiKey(deps, match[1]!) : undefined;
      if (!actor) throw new AppError('unauthorized', 'The API key is missing, wrong or revoked');
      return bind(request, actor);
    }
    const token = request.cookies[sessionCookieName(deps)];
    const session = token ? await authenticateSession(deps, token) : undefined;
    if (!session) throw new AppError('unauthorized', 'Sign in or send an API key');
    // The organisation requires a second factor this person has not set up: enrolment only.
    if (session.enrolmentRequired && !ENROLMENT_ROUTES.has(request.routeOptions.url ?? ''))
      throw new AppError('two_factor_required', 'Switch two-factor sign-in on first');
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, session.csrfToken)) {
        throw new AppError('csrf_failed', 'The X-CSRF-Token header is missing or wrong');
      }
    }
    bind(request, session.actor);
  };
}

/** preHandler for the authenticated scope: an API key without the route's scope is a 403. */
export function authorizeScope() {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    if (request.actor)
      assertKeyScope(request.actor, request.method, request.routeOptions.url ?? request.url);
  };
}

function bind(request: FastifyRequest, actor: Actor): void {
  request.actor = actor;
  request.log = request.log.child({ orgId: actor.orgId, actorType: actor.type, actorId: actor.id });
}
