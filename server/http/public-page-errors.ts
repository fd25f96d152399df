// The error handler of a scope of server-rendered public pages (survey answers, eNPS pulses,
// unsubscribing): never JSON. A rate limit gets its page with the Retry-After headers, any client
// error a 4xx page, anything else is logged and gets the 500 page. Each module renders its pages.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';

export type PageProblem = 'tooMany' | 'badRequest' | 'failed';

export function publicPageErrors(
  scope: FastifyInstance,
  what: string,
  page: (req: FastifyRequest, reply: FastifyReply, status: number, problem: PageProblem) => unknown,
): void {
  scope.setErrorHandler((err, req, reply) => {
    if (err instanceof AppError && err.code === 'rate_limited') {
      for (const [k, v] of Object.entries(err.details?.headers ?? {})) reply.header(k, v);
      return page(req, reply, 429, 'tooMany');
    }
    const status =
      err instanceof AppError ? err.status : (err as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) return page(req, reply, status, 'badRequest');
    req.log.error({ err }, `${what} failed`);
    return page(req, reply, 500, 'failed');
  });
}
