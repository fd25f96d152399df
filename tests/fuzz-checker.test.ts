// The fuzz suite's checker on planted faults: a route that throws a plain Error on some input
// (→ 500), one that refuses with text/plain, one that writes before it refuses, and one with a
// body and no schema are all reported; a sound route is not. Without this, a checker that never
// fails would look like a product that never breaks.
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError, registerErrorHandling, sendFrameworkError } from '../server/http/errors.ts';
import { planRoutes } from './support/fuzz/plan.ts';
import { fuzzRoute } from './support/fuzz/runner.ts';

describe('the fuzz checker', () => {
  // As server/app.ts builds it: router errors are problems too.
  const app = Fastify({ frameworkErrors: sendFrameworkError });
  let writes = 0;
  beforeAll(async () => {
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    registerErrorHandling(app);
    const numberBody = z.object({ n: z.number() });
    app.post('/planted/throws', { schema: { body: numberBody } }, async (req) => {
      if ((req.body as { n: number }).n < 0) throw new Error('planted');
      return { ok: true };
    });
    app.get(
      '/planted/plain',
      { schema: { querystring: z.object({ q: z.string().optional() }) } },
      async (req, reply) =>
        (req.query as { q?: string }).q ? reply.code(400).type('text/plain').send('bad') : 'ok',
    );
    app.post(
      '/planted/writes',
      { schema: { body: z.object({ name: z.string() }) } },
      async (req) => {
        writes += 1;
        if ((req.body as { name: string }).name.length > 3)
          throw new AppError('unprocessable', 'too long, but written already');
        return { ok: true };
      },
    );
    app.get('/planted/sound/:id', { schema: { params: z.object({ id: z.uuid() }) } }, async () => ({
      ok: true,
    }));
    await app.ready();
  });
  afterAll(async () => app.close());

  const catalog = () => [
    { method: 'POST', url: '/planted/throws', body: z.object({ n: z.number() }) },
    {
      method: 'GET',
      url: '/planted/plain',
      querystring: z.object({ q: z.string().optional() }),
    },
    { method: 'POST', url: '/planted/writes', body: z.object({ name: z.string() }) },
    { method: 'GET', url: '/planted/sound/:id', params: z.object({ id: z.uuid() }) },
  ];
  const opts = () => ({
    ctx: { ids: ['01a206ea-dd6a-7001-8c1b-5f588a061bc6'], words: [] },
    creds: { apiKey: 'cl_planted' },
    fingerprint: async () => String(writes),
    numRuns: 100,
  });

  it('reports a plain Error thrown on some input as a 500', async () => {
    const { plans } = planRoutes(catalog());
    const report = await fuzzRoute(
      app,
      plans.find((p) => p.url === '/planted/throws')!,
      opts(),
    );
    expect(report).toMatch(/^POST \/planted\/throws \(seed -?\d+, path [\d:]+\): answered 500/);
    expect(report).toContain('request: POST /planted/throws');
  });

  it('reports a refusal that is not problem+json, and one that wrote', async () => {
    const { plans } = planRoutes(catalog());
    const plain = await fuzzRoute(
      app,
      plans.find((p) => p.url === '/planted/plain')!,
      opts(),
    );
    expect(plain).toContain('refused with 400 text/plain');
    const wrote = await fuzzRoute(
      app,
      plans.find((p) => p.url === '/planted/writes')!,
      opts(),
    );
    expect(wrote).toContain('refused with 422 but wrote to the database');
  });

  it('passes a sound route', async () => {
    const { plans } = planRoutes(catalog());
    expect(
      await fuzzRoute(
        app,
        plans.find((p) => p.url === '/planted/sound/:id')!,
        opts(),
      ),
    ).toBeUndefined();
  });

  it('cannot plan a route with a path parameter or a body but no schema', () => {
    const { plans, errors } = planRoutes([
      { method: 'GET', url: '/planted/:id' },
      { method: 'POST', url: '/api/v1/planted' },
      { method: 'POST', url: '/planted-page/:token', params: z.object({ token: z.string() }) },
      { method: 'HEAD', url: '/planted/:id' },
    ]);
    expect(plans).toEqual([]);
    expect(errors).toEqual([
      'GET /planted/:id: path parameter :id has no schema',
      'POST /api/v1/planted: takes a body without a schema (add one, or list it in fuzz/plan.ts)',
      'POST /planted-page/:token: takes a body without a schema (add one, or list it in fuzz/plan.ts)',
    ]);
  });
});
