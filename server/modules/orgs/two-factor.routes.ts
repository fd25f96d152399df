// HTTP for two-factor sign-in (the code step, and enrolment of the signed-in person) and password
// reset by e-mail (issue 19).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as api from '../../../shared/api/security.ts';
import { sessionOut } from '../../../shared/api/orgs.ts';
import type { Deps } from '../../deps.ts';
import { ctxOf, sessionCookieName, sessionCookieOptions } from '../../http/auth.ts';
import { sessionBodyOf } from './orgs.routes.ts';
import { confirmPasswordReset, requestPasswordReset } from './password-reset.service.ts';
import { completeChallenge } from './two-factor-login.ts';
import * as twoFactor from './two-factor.service.ts';

const problem = z.object({ code: z.string(), detail: z.string() }).passthrough();

/** Public: the code step of signing in, and password reset. */
export function registerTwoFactorAuthRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const limited = {
    rateLimit: { max: deps.config.security.publicRatePerMinute, timeWindow: 60_000 },
  };
  const tags = ['auth'];

  r.post(
    '/api/v1/auth/login/2fa',
    {
      config: limited,
      schema: {
        tags,
        summary: 'Complete a sign-in with a TOTP code or a recovery code (sets the session cookie)',
        body: api.twoFactorLoginBody,
        response: { 200: sessionOut, 401: problem, 422: problem },
      },
    },
    async (request, reply) => {
      const result = await completeChallenge(deps, { ...request.body, ip: request.ip });
      reply.setCookie(
        sessionCookieName(deps),
        result.token,
        sessionCookieOptions(deps, result.expiresAt),
      );
      return sessionBodyOf(deps, result.orgId, result.userId, result.csrfToken);
    },
  );

  r.post(
    '/api/v1/auth/password-reset',
    {
      config: limited,
      schema: {
        tags,
        summary:
          'Ask for a password reset link by e-mail; the answer is the same whether or not the ' +
          'address has an account',
        body: api.passwordResetBody,
        response: { 202: api.passwordResetAcceptedOut },
      },
    },
    async (request, reply) => {
      await requestPasswordReset(deps, request.body.email);
      return reply.status(202).send({ accepted: true as const });
    },
  );

  r.post(
    '/api/v1/auth/password-reset/confirm',
    {
      config: limited,
      schema: {
        tags,
        summary: "Set a new password with the e-mailed token (once); ends the person's sessions",
        body: api.passwordResetConfirmBody,
        response: { 204: z.null().describe('Password set'), 400: problem },
      },
    },
    async (request, reply) => {
      await confirmPasswordReset(deps, request.body);
      return reply.status(204).send(null);
    },
  );
}

/** Authenticated: the signed-in person's second factor. */
export function registerTwoFactorRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['security'];
  r.get(
    '/api/v1/me/2fa',
    {
      schema: {
        tags,
        summary: 'Whether two-factor sign-in is on for me, and required by the organisation',
        response: { 200: api.twoFactorStatusOut },
      },
    },
    async (req) => twoFactor.twoFactorStatus(ctxOf(deps, req)),
  );
  r.post(
    '/api/v1/me/2fa/setup',
    {
      schema: {
        tags,
        summary: 'Start two-factor set-up: a new secret, its otpauth URI and QR code (shown once)',
        response: { 200: api.twoFactorSetupOut, 409: problem },
      },
    },
    async (req) => twoFactor.setupTwoFactor(ctxOf(deps, req)),
  );
  r.post(
    '/api/v1/me/2fa/enable',
    {
      schema: {
        tags,
        summary: 'Switch two-factor sign-in on with a current code; returns 10 recovery codes once',
        body: api.enableTwoFactorBody,
        response: { 200: api.recoveryCodesOut, 409: problem, 422: problem },
      },
    },
    async (req) => twoFactor.enableTwoFactor(ctxOf(deps, req), req.body.code),
  );
  r.post(
    '/api/v1/me/2fa/disable',
    {
      schema: {
        tags,
        summary: 'Switch two-factor sign-in off with the password and a current code',
        body: api.disableTwoFactorBody,
        response: { 204: z.null().describe('Switched off'), 409: problem, 422: problem },
      },
    },
    async (req, reply) => {
      await twoFactor.disableTwoFactor(ctxOf(deps, req), req.body);
      return reply.status(204).send(null);
    },
  );
}
