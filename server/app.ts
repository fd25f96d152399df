// buildApp(deps): Fastify with every plugin and module route; no listen() here.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Deps } from './deps.ts';
import { registerAuthDecorators } from './http/auth.ts';
import { AppError, registerErrorHandling, sendFrameworkError } from './http/errors.ts';
import { registerNulGuard } from './http/nul-guard.ts';
import { registerOpenApi } from './http/openapi.ts';
import { registerSecurityHeaders } from './http/security-headers.ts';
import { registerOps } from './http/ops.ts';
import { newId } from './lib/ids.ts';
import { lazyChild } from './lib/logger.ts';
import type { Logger } from 'pino';
import { modules } from './modules/index.ts';
import { APP_VERSION } from './lib/version.ts';
import { authenticate, authorizeScope } from './modules/orgs/index.ts';
import { runWithRequestMeta } from './lib/request-meta.ts';

export const WEB_DIST = fileURLToPath(new URL('../dist/web', import.meta.url));
const REQUEST_ID = /^[\w.:-]{1,64}$/;

export interface RouteEntry {
  method: string;
  url: string;
  /** The route's zod schemas for the body, the query string and the path, when it has them. */
  body?: unknown;
  querystring?: unknown;
  params?: unknown;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeCatalog: RouteEntry[];
  }
}

export interface BuildAppOptions {
  /** Serve the built SPA from dist/web (default: when it exists). */
  serveWeb?: boolean;
}

export async function buildApp(deps: Deps, opts: BuildAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.log as unknown as FastifyBaseLogger,
    // One log line per request costs throughput; errors are logged by the error handler instead.
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'reqId' }),
    // The request's logger is made on first use: most requests log nothing (lib/logger.ts).
    childLoggerFactory: (logger, bindings) =>
      lazyChild(logger as unknown as Logger, bindings) as unknown as FastifyBaseLogger,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : newId();
    },
    bodyLimit: deps.config.http.bodyLimit,
    trustProxy: deps.config.http.trustProxy,
    routerOptions: { maxParamLength: 200 },
    // A bad percent-escape or an over-long path parameter is found by the router, before any
    // route: answer it as a problem too, not with Fastify's own JSON (found by tests/fuzz.test.ts).
    frameworkErrors: (err, request, reply) => sendFrameworkError(err, request, reply),
  });
  // Every route, for the generic isolation and bad-input tests (a route nobody covers fails them).
  const routeCatalog: RouteEntry[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat())
      routeCatalog.push({
        method: String(method),
        url: route.url,
        body: route.schema?.body,
        querystring: route.schema?.querystring,
        params: route.schema?.params,
      });
  });
  app.decorate('routeCatalog', routeCatalog);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // JSON only: a text/plain body on a JSON route is a 415, not a confusing validation error.
  app.removeContentTypeParser('text/plain');

  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    // The address and user agent the audit log and the session list record (lib/request-meta.ts).
    runWithRequestMeta(request, done);
  });

  const serveWeb = opts.serveWeb ?? existsSync(WEB_DIST);
  registerErrorHandling(app, serveWeb ? spaIndexFallback : undefined);
  registerAuthDecorators(app);
  registerNulGuard(app);
  await app.register(cookie);
  registerSecurityHeaders(app, deps.config.http.publicUrl.startsWith('https://'));
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) =>
      new AppError('rate_limited', `Too many requests; retry in ${Math.ceil(ctx.ttl / 1000)} s`, {
        headers: { 'retry-after': String(Math.ceil(ctx.ttl / 1000)) },
      }),
  });
  await registerOpenApi(
    app,
    deps.config.http.publicUrl,
    APP_VERSION,
    deps.config.security.docsEnabled,
  );
  registerOps(
    app,
    deps,
    modules.flatMap((m) => (m.metrics ? [m.metrics] : [])),
  );

  for (const m of modules) await m.publicRoutes?.(app, deps);
  await app.register(async (scope) => {
    scope.addHook('onRequest', authenticate(deps));
    scope.addHook('preHandler', authorizeScope());
    for (const m of modules) await m.routes?.(scope, deps);
  });

  if (serveWeb)
    await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false, index: false });
  return app;
}

/** The SPA: index.html for any other GET that a browser asks for as a page (not the API). */
function spaIndexFallback(request: FastifyRequest, reply: FastifyReply): FastifyReply | undefined {
  const path = request.url.split('?')[0] ?? '/';
  const isApi = path.startsWith('/api/') || path.startsWith('/docs') || path === '/metrics';
  if (request.method === 'GET' && !isApi && request.headers.accept?.includes('text/html')) {
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  }
  return undefined;
}
