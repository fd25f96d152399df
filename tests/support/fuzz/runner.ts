// Runs the generated requests of one route against an app and checks the promises of ADR 009:
// never a 5xx; every refusal (4xx) of the API is application/problem+json with a code of the
// closed set whose status it carries, and of a public page an HTML page; a refused request
// writes nothing (the database fingerprint is the same before and after it).
import type { FastifyInstance, InjectOptions } from 'fastify';
import fc from 'fast-check';
import { sql, type Kysely } from 'kysely';
import { ERROR_STATUS } from '../../../shared/api/errors.ts';
import type { RoutePlan } from './plan.ts';
import { requestArb, type Credentials, type FuzzRequest } from './requests.ts';
import type { GenContext } from './schema-arb.ts';

/** CI: a fixed seed and a bounded number of runs; FUZZ_SEED / FUZZ_RUNS for a longer hunt. */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 19);
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 12);

export type Fingerprint = () => Promise<string>;

export interface FuzzOptions {
  ctx: GenContext;
  creds: Credentials;
  fingerprint: Fingerprint;
  seed?: number;
  numRuns?: number;
  /** Answers counted by status class ('2xx', '4xx' …), to see how deep the requests reach. */
  tally?: Record<string, number>;
}

/** A stable per-route seed, so adding a route does not reshuffle the others' cases. */
function seedOf(key: string, base: number): number {
  let h = base | 0;
  for (let i = 0; i < key.length; i += 1) h = (Math.imul(h, 31) + key.charCodeAt(i)) | 0;
  return h;
}

const short = (s: string, n = 300) => (s.length > n ? `${s.slice(0, n)}… (${s.length} chars)` : s);

/** What is wrong with one answer, or undefined. */
export function verdict(
  plan: RoutePlan,
  res: { statusCode: number; headers: Record<string, unknown>; body: string },
  wrote: boolean,
): string | undefined {
  const type = String(res.headers['content-type'] ?? '');
  if (res.statusCode >= 500) return `answered ${res.statusCode}: ${short(res.body)}`;
  if (res.statusCode < 400) return undefined;
  if (wrote) return `refused with ${res.statusCode} but wrote to the database`;
  // A public page refuses with a page; what the router refuses before the page is a problem.
  if (plan.answers === 'page' && type.startsWith('text/html')) return undefined;
  if (!type.startsWith('application/problem+json'))
    return `refused with ${res.statusCode} ${type || 'no content type'}, not problem+json`;
  let problem: { code?: string; requestId?: string };
  try {
    problem = JSON.parse(res.body);
  } catch {
    return `a problem that is not JSON: ${short(res.body)}`;
  }
  const expected = ERROR_STATUS[problem.code as keyof typeof ERROR_STATUS];
  if (expected === undefined) return `unknown problem code ${String(problem.code)}`;
  if (expected !== res.statusCode) return `code ${problem.code} with status ${res.statusCode}`;
  if (!problem.requestId) return 'a problem without a requestId';
  return undefined;
}

function describeRequest(req: FuzzRequest): string {
  const body =
    req.payload === undefined ? '' : ` body=${short(JSON.stringify(String(req.payload)), 400)}`;
  return `${req.method} ${short(req.url, 400)} headers=${JSON.stringify(req.headers)}${body}`;
}

/** Fuzzes one route; returns the report of the first failing request, or undefined. */
export async function fuzzRoute(
  app: FastifyInstance,
  plan: RoutePlan,
  opts: FuzzOptions,
): Promise<string | undefined> {
  let last: string | undefined;
  const property = fc.asyncProperty(requestArb(plan, opts.ctx, opts.creds), async (req) => {
    const before = last ?? (await opts.fingerprint());
    const res = await app.inject(req as InjectOptions);
    const after = await opts.fingerprint();
    last = after;
    if (opts.tally) {
      const cls = `${String(res.statusCode)[0]}xx`;
      opts.tally[cls] = (opts.tally[cls] ?? 0) + 1;
    }
    if (process.env.FUZZ_DEBUG && res.statusCode >= 400)
      console.log(res.statusCode, res.body.slice(0, 300));
    const wrong = verdict(plan, res, before !== after);
    if (wrong) throw new Error(`${wrong}\n    request: ${describeRequest(req)}`);
  });
  const seed = seedOf(plan.key, opts.seed ?? FUZZ_SEED);
  const out = await fc.check(property, {
    seed,
    numRuns: opts.numRuns ?? FUZZ_RUNS,
    // Shrinking replays against a database that has moved on; the first failure is the report.
    endOnFailure: true,
  });
  if (!out.failed) return undefined;
  const error =
    out.errorInstance instanceof Error ? out.errorInstance.message : String(out.errorInstance);
  return `${plan.key} (seed ${seed}, path ${out.counterexamplePath}): ${error}`;
}

/**
 * Row counts of every table but those a refusal writes by design (`allowed`), in one query:
 * cheap enough to take after every request.
 */
export async function rowCountFingerprint(
  db: Kysely<any>,
  pgSchema: string | undefined,
  allowed: ReadonlySet<string>,
): Promise<Fingerprint> {
  const { rows } = pgSchema
    ? await sql<{ name: string }>`select table_name as name from information_schema.tables
        where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db)
    : await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db);
  const tables = rows
    .map((r) => r.name)
    .filter((n) => !n.startsWith('kysely_') && !n.startsWith('sqlite_') && !allowed.has(n))
    .sort();
  if (tables.length < 20) throw new Error(`the fingerprint sees only ${tables.length} tables`);
  const query = sql.raw(
    `select ${tables.map((t, i) => `(select count(*) from "${t}") as c${i}`).join(', ')}`,
  );
  return async () => {
    const { rows: counts } = await query.execute(db);
    const row = counts[0] as Record<string, unknown>;
    return tables.map((t, i) => `${t}=${String(row[`c${i}`])}`).join(',');
  };
}
