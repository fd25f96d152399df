// Operations endpoints: liveness, readiness, Prometheus metrics, and request metrics.
import { AppError, notFound } from './errors.ts';
import { safeEqual } from '../lib/crypto.ts';
import type { FastifyInstance } from 'fastify';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { isMigrated } from '../db/migrate.ts';
import { pingDb } from '../db/create-db.ts';
import type { Deps } from '../deps.ts';
import { registerQueueMetrics } from '../jobs/queue-metrics.ts';

/** Adds a module's Prometheus series to the registry; read at scrape time, never per request. */
export type MetricsContributor = (registry: Registry, deps: Deps) => void;

export function registerOps(
  app: FastifyInstance,
  deps: Deps,
  contributors: MetricsContributor[] = [],
): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'clientloop_' });
  const duration = new Histogram({
    name: 'clientloop_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'clientloop_http_errors_total',
    help: 'HTTP responses with status >= 500',
    labelNames: ['route'],
    registers: [registry],
  });

  // One labelled child per method, route and status, looked up by a string key: prom-client
  // otherwise hashes the label object on every observation (~13 µs of a request, issue 6).
  const series = new Map<string, ReturnType<typeof duration.labels>>();
  app.addHook('onResponse', (request, reply, done) => {
    // The route pattern, never the raw URL: ids would explode the label set.
    const route = request.routeOptions.url ?? 'unmatched';
    const status = reply.statusCode;
    const key = `${request.method} ${status} ${route}`;
    let child = series.get(key);
    if (!child) {
      child = duration.labels({ method: request.method, route, status });
      series.set(key, child);
    }
    child.observe(reply.elapsedTime / 1000);
    if (status >= 500) errors.inc({ route });
    // Access log at debug: the route pattern only, since raw URLs may carry tokens (survey links).
    if (request.log.level === 'debug' || request.log.level === 'trace')
      request.log.debug(
        { method: request.method, route, status, durationMs: Math.round(reply.elapsedTime) },
        'request completed',
      );
    done();
  });

  registerQueueMetrics(registry, deps);
  for (const contribute of contributors) contribute(registry, deps);
  app.get('/health', { schema: { tags: ['operations'], summary: 'Liveness' } }, async () => ({
    status: 'ok',
  }));

  app.get(
    '/ready',
    {
      schema: { tags: ['operations'], summary: 'Readiness: the database answers and is migrated' },
    },
    async (_req, reply) => {
      const db = await pingDb(deps.db);
      const migrated = db && (await isMigrated(deps.db));
      if (!db || !migrated)
        return reply.status(503).send({ status: 'unavailable', database: db, migrated });
      return { status: 'ready', database: true, migrated: true };
    },
  );

  app.get(
    '/metrics',
    {
      schema: {
        tags: ['operations'],
        summary: 'Prometheus metrics (Bearer METRICS_TOKEN when set; without it off in production)',
        hide: false,
      },
    },
    async (req, reply) => {
      const { metricsToken, metricsOpen } = deps.config.security;
      if (metricsToken) {
        const given = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
        if (!safeEqual(given, metricsToken))
          throw new AppError('unauthorized', 'The metrics need the METRICS_TOKEN bearer token');
      } else if (!metricsOpen) throw notFound('Route');
      reply.type(registry.contentType);
      return registry.metrics();
    },
  );
  return registry;
}
