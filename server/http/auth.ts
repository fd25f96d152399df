// The authenticated request: its actor, the service context built from it, and the session
// cookie's name and options. Who the caller is, is decided by the orgs module's `authenticate`
// hook (API key or session + CSRF), which app.ts registers on the /api/v1 scope.
import type { Logger } from 'pino';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ctxFor, type Ctx } from '../context.ts';
import type { Deps } from '../deps.ts';
import type { Actor } from '../lib/permissions.ts';
import { AppError } from './errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export const SESSION_COOKIE = 'cl_session';

/**
 * The session cookie's name: with the `__Host-` prefix when the cookie is Secure (an https
 * PUBLIC_URL), so the browser refuses it unless set by this host over https with path=/ and no
 * Domain; plain on http (dev, tests on loopback), where a prefixed cookie would be refused.
 */
export function sessionCookieName(deps: Deps): string {
  return isSecure(deps) ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE;
}

const isSecure = (deps: Deps) => deps.config.http.publicUrl.startsWith('https://');

export function registerAuthDecorators(app: FastifyInstance): void {
  app.decorateRequest('actor', null);
}

/** The service context of an authenticated request. */
export function ctxOf(deps: Deps, request: FastifyRequest): Ctx {
  if (!request.actor) throw new AppError('unauthorized', 'Sign in or send an API key');
  return ctxFor(deps, request.actor, request.log as unknown as Logger);
}

export function sessionCookieOptions(deps: Deps, expiresAt?: string) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: isSecure(deps),
    ...(expiresAt ? { expires: new Date(expiresAt) } : {}),
  };
}
