// The OpenAPI document is generated from the routes' zod schemas and served at /docs/json,
// with Swagger UI (bundled in the package, no CDN) at /docs.
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { notFound } from './errors.ts';

export async function registerOpenApi(
  app: FastifyInstance,
  publicUrl: string,
  version: string,
  /** DOCS_ENABLED (issue 19): off, /docs and /docs/json answer 404; the document is still built. */
  docsEnabled = true,
): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'ClientLoop API',
        version,
        description:
          'Closed-loop client experience. Authenticate with `Authorization: Bearer <api key>` or the session cookie (plus `X-CSRF-Token` on unsafe requests). Errors are RFC 9457 `application/problem+json` with a stable `code`.',
      },
      servers: [{ url: publicUrl }],
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer', description: 'An organisation API key' },
          session: { type: 'apiKey', in: 'cookie', name: 'cl_session' },
        },
      },
      security: [{ apiKey: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    staticCSP: true,
    uiHooks: {
      onRequest: (_req, _reply, done) => done(docsEnabled ? undefined : notFound('Route')),
    },
  });
}
