// Hostile input on every route (issue 19): property-based requests derived from each route's own
// schemas (path, query string, body), with boundary values, wrong types, huge strings, Unicode
// edge cases and the ids of another organisation. Never a 5xx; every API refusal is a
// problem+json with a stable code; a refused request writes nothing. A route the suite cannot
// generate for fails it. CI runs a fixed seed and FUZZ_RUNS requests per route; a longer hunt:
// FUZZ_RUNS=500 FUZZ_SEED=$RANDOM npx vitest run tests/fuzz.test.ts (docs/SECURITY.md).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestOrg, type TestApp, type TestOrg } from './support/app.ts';
import { testDialects } from './support/db.ts';
import { planRoutes } from './support/fuzz/plan.ts';
import {
  FUZZ_RUNS,
  fuzzRoute,
  rowCountFingerprint,
  type Fingerprint,
} from './support/fuzz/runner.ts';
import type { GenContext } from './support/fuzz/schema-arb.ts';
import { seedResources, type ForeignIds } from './support/isolation.ts';

/**
 * Tables a refusal writes to by design: a failed sign-in is audited (and counts towards the
 * lock-out) before it is answered 401.
 */
const REFUSALS_RECORDED = new Set(['audit_log']);

const NOWHERE = '01a206ea-dd6a-7001-8c1b-5f588a061bc6';
const idsOf = (ids: ForeignIds) =>
  Object.entries(ids).flatMap(([k, v]) => (k === 'needles' ? [] : [v as string]));

describe.each(testDialects())('fuzzing every route on %s', (dialect) => {
  let t: TestApp;
  let a: TestOrg;
  let b: TestOrg;
  let ctx: GenContext;
  let fingerprint: Fingerprint;
  beforeAll(async () => {
    t = await createTestApp({
      dialect,
      env: { RATE_LIMIT_PUBLIC_PER_MINUTE: '1000000' },
    });
    a = await createTestOrg(t.deps, 'alpha');
    b = await createTestOrg(t.deps, 'beta');
    const aIds = await seedResources(t, a);
    const bIds = await seedResources(t, b);
    // A's ids are the other organisation's; B's own ids reach past "not found" into the code.
    ctx = {
      ids: [...idsOf(aIds), ...idsOf(bIds), NOWHERE, '00000000-0000-0000-0000-000000000000'],
      words: [...aIds.needles, ...bIds.needles].filter((n) => !/^[0-9a-f-]{36}$/.test(n)),
    };
    fingerprint = await rowCountFingerprint(t.deps.db, t.testDb.pgSchema, REFUSALS_RECORDED);
  });
  afterAll(async () => t?.close());

  it('has a generator for every route of the catalogue', () => {
    const { plans, errors } = planRoutes(t.app.routeCatalog);
    expect(errors).toEqual([]);
    // The API, the public pages and the operations routes: far fewer means the walk broke.
    expect(plans.length).toBeGreaterThanOrEqual(250);
    expect(plans.filter((p) => p.answers === 'page').length).toBeGreaterThanOrEqual(10);
  });

  it(
    'never answers a 5xx, refuses with problem+json and writes nothing on a refusal',
    async () => {
      // FUZZ_ONLY=<regex>: only the routes whose "METHOD /path" matches (to replay one).
      const only = process.env.FUZZ_ONLY ? new RegExp(process.env.FUZZ_ONLY) : undefined;
      const plans = planRoutes(t.app.routeCatalog).plans.filter((p) => !only || only.test(p.key));
      const failures: string[] = [];
      const tally: Record<string, number> = {};
      for (const plan of plans) {
        const failure = await fuzzRoute(t.app, plan, {
          ctx,
          creds: { apiKey: b.apiKey },
          fingerprint,
          tally,
        });
        if (failure) failures.push(failure);
      }
      // Requests that got past validation into the services: without them the suite tests
      // only the validator.
      if (process.env.FUZZ_VERBOSE) console.log(dialect, tally);
      if (!only) expect(tally['2xx'] ?? 0).toBeGreaterThan(plans.length * FUZZ_RUNS * 0.1);
      expect(
        failures,
        `${failures.length} of ${plans.length} routes, ${FUZZ_RUNS} runs each`,
      ).toEqual([]);
    },
    Math.max(600_000, FUZZ_RUNS * 120_000),
  );
});
