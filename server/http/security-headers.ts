// Security headers (helmet's defaults plus our CSP), computed once at start-up. @fastify/helmet
// built a new helmet middleware on every request, ~6 % of the intake's CPU (docs/BENCHMARKS.md);
// the headers never vary per request, so we run helmet once against a recorder and copy them.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

export function securityHeaders(https: boolean): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  let failure: unknown;
  helmet({
    // Self-hosted on plain HTTP (a LAN address) must keep working: HSTS and upgrades only with HTTPS.
    strictTransportSecurity: https,
    contentSecurityPolicy: {
      directives: {
        upgradeInsecureRequests: https ? [] : null,
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
  })({} as IncomingMessage, recorder as unknown as ServerResponse, (err?: unknown) => {
    failure = err;
  });
  if (failure) throw failure;
  return headers;
}

/**
 * The headers a JSON API answer needs (OWASP REST Security Cheat Sheet): nothing may be loaded or
 * framed from it, no sniffing, no caching. Five instead of helmet's twelve, which are for pages;
 * each header costs ~2–3 µs of a request (issue 6).
 */
export function apiSecurityHeaders(https: boolean): Record<string, string> {
  return {
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'cache-control': 'no-store',
    ...(https
      ? { 'strict-transport-security': securityHeaders(true)['strict-transport-security']! }
      : {}),
  };
}

/** Security headers on every response: the API set under /api/, the page set everywhere else. */
export function registerSecurityHeaders(app: FastifyInstance, https: boolean): void {
  const pages = securityHeaders(https);
  const api = apiSecurityHeaders(https);
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(request.url.startsWith('/api/') ? api : pages);
    done();
  });
}
