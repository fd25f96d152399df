// One error type, one translation point: any error thrown anywhere becomes RFC 9457
// application/problem+json here. Bad input is always a 4xx; only our own bugs are a 500.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import {
  ERROR_STATUS,
  type ErrorCode,
  type InvalidParam,
  type Problem,
} from '../../shared/api/errors.ts';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: { invalidParams?: InvalidParam[]; headers?: Record<string, string> },
  ) {
    super(message);
    this.name = 'AppError';
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what = 'Resource') => new AppError('not_found', `${what} not found`);
/**
 * An id in a body that names nothing in the caller's organisation. Another organisation's id and
 * an id that exists nowhere get the same answer, so the answer tells nothing about other tenants.
 */
export const unknownReference = (param: string, what: string) =>
  new AppError(
    'not_found',
    `${param.replace(/^body\./, '')} names no ${what} of this organisation`,
    {
      invalidParams: [{ name: param, reason: `unknown ${what}` }],
    },
  );
export const forbidden = (why = 'Your role does not allow this action') =>
  new AppError('forbidden', why);

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Fastify's own error codes → ours. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
  FST_ERR_CTP_INVALID_CHARSET: 'unsupported_media_type',
  FST_ERR_VALIDATION: 'validation_failed',
  FST_ERR_INVALID_URL: 'bad_request',
  FST_ERR_BAD_URL: 'bad_request',
  FST_ERR_MAX_PARAM_LENGTH: 'bad_request',
  FST_ERR_ASYNC_CONSTRAINT: 'bad_request',
  FST_ERR_CSRF_INVALID_TOKEN: 'csrf_failed',
};

function toAppError(err: unknown): { app: AppError; unexpected: boolean } {
  if (err instanceof AppError) return { app: err, unexpected: false };
  const e = err as FastifyError & { statusCode?: number; validationContext?: string };
  if (hasZodFastifySchemaValidationErrors(e)) {
    const invalidParams = e.validation.map((v) => ({
      name: [
        e.validationContext ?? 'body',
        ...String(v.instancePath ?? '')
          .split('/')
          .filter(Boolean),
      ].join('.'),
      reason: v.message ?? 'invalid',
    }));
    return {
      app: new AppError('validation_failed', 'The request is not valid', { invalidParams }),
      unexpected: false,
    };
  }
  if (e?.code && FASTIFY_CODES[e.code]) {
    return { app: new AppError(FASTIFY_CODES[e.code]!, e.message), unexpected: false };
  }
  if (e instanceof SyntaxError && e.statusCode === 400) {
    return { app: new AppError('malformed_json', 'The body is not valid JSON'), unexpected: false };
  }
  if (e?.statusCode === 429)
    return { app: new AppError('rate_limited', 'Too many requests'), unexpected: false };
  if (e?.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    return { app: new AppError('bad_request', e.message || 'Bad request'), unexpected: false };
  }
  // PostgreSQL input errors that slipped past validation (bad uuid, out-of-range) are still bad input.
  const pgCode = (err as { code?: string })?.code;
  // 22021/22P05: a character the database cannot store (data from a file that the NUL guard
  // of requests never saw).
  // 22009: a time-zone offset beyond ±15:59, which ISO 8601 and zod allow (found by the fuzz suite).
  if (['22P02', '22003', '22007', '22008', '22009', '22021', '22P05'].includes(pgCode ?? '')) {
    return {
      app: new AppError('bad_request', 'A value in the request is not valid'),
      unexpected: false,
    };
  }
  return { app: new AppError('internal', 'An unexpected error occurred'), unexpected: true };
}

export function problemOf(app: AppError, requestId: string, instance?: string): Problem {
  return {
    type: `about:blank#${app.code}`,
    title: TITLES[app.status] ?? 'Error',
    status: app.status,
    code: app.code,
    detail: app.code === 'internal' ? 'An unexpected error occurred' : app.message,
    requestId,
    ...(instance ? { instance } : {}),
    ...(app.details?.invalidParams ? { invalidParams: app.details.invalidParams } : {}),
  };
}

export function sendProblem(
  reply: FastifyReply,
  request: FastifyRequest,
  app: AppError,
): FastifyReply {
  for (const [k, v] of Object.entries(app.details?.headers ?? {})) reply.header(k, v);
  return reply
    .status(app.status)
    .type('application/problem+json; charset=utf-8')
    .send(problemOf(app, String(request.id), request.url.split('?')[0]));
}

/** Errors the router finds before any route (Fastify's `frameworkErrors`): a problem too. */
export function sendFrameworkError(
  err: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  reply.header('x-request-id', request.id);
  const code = (err as { code?: string })?.code;
  const app =
    code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? new AppError('bad_request', 'A path parameter is too long')
      : code === 'FST_ERR_BAD_URL'
        ? new AppError('bad_request', 'The path is not validly percent-encoded')
        : toAppError(err).app;
  return sendProblem(reply, request, app);
}

/** Answers a request no route matched, or returns undefined to fall through to the 404 problem. */
export type NotFoundFallback = (
  request: FastifyRequest,
  reply: FastifyReply,
) => FastifyReply | undefined;

export function registerErrorHandling(app: FastifyInstance, fallback?: NotFoundFallback): void {
  app.setErrorHandler((err, request, reply) => {
    const { app: appErr, unexpected } = toAppError(err);
    if (unexpected) request.log.error({ err }, 'unhandled error');
    else if (appErr.status >= 500) request.log.warn({ code: appErr.code }, appErr.message);
    return sendProblem(reply, request, appErr);
  });
  // Fastify allows one not-found handler per prefix, so the SPA's index.html fallback plugs in here.
  app.setNotFoundHandler(
    (request, reply) =>
      fallback?.(request, reply) ??
      sendProblem(
        reply,
        request,
        new AppError('not_found', `No route for ${request.method} ${request.url.split('?')[0]}`),
      ),
  );
}
