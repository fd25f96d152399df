// What bench/scorecard.ts and bench/dashboards.ts share: the 1 000 000-record data set of a
// previous run (found by its organisation's name), the PostgreSQL database kept between runs,
// p50/p95 of sequential requests over real HTTP, and the machine a run happened on.
import { cpus, loadavg, totalmem } from 'node:os';
import pg from 'pg';
import type { Deps } from './scorecard-data.ts';

export const BENCH_ORG_NAME = 'Бенчмарк карты';

/** The data set of a previous run, when there is one (the bench org, its admin, one client). */
export async function reuse(deps: Deps) {
  const org = await deps.db
    .selectFrom('orgs')
    .select('id')
    .where('name', '=', BENCH_ORG_NAME)
    .executeTakeFirst();
  if (!org) return undefined;
  const done = await deps.db
    .selectFrom('kpi_values')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', org.id)
    .executeTakeFirstOrThrow();
  if (Number(done.n) === 0) return undefined; // an interrupted load
  const admin = await deps.db
    .selectFrom('users')
    .select('id')
    .where('org_id', '=', org.id)
    .executeTakeFirstOrThrow();
  const client = await deps.db
    .selectFrom('clients')
    .select('id')
    .where('org_id', '=', org.id)
    .limit(1)
    .executeTakeFirstOrThrow();
  return { orgId: org.id, managerId: admin.id, clientId: client.id };
}

export const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

export interface TimeOptions {
  requests: number;
  warmup: number;
  before?: () => Promise<void>;
  /** Called with each answer's body (e.g. to keep a cursor for a later line). */
  check?: (body: string) => void;
}

/**
 * p50/p95 of `requests` sequential GETs after `warmup` untimed ones; anything but 200 throws.
 * `auth` is an API key (sent as a bearer token) or the headers to send (a session's cookie).
 */
export async function timeEndpoint(
  base: string,
  auth: string | Record<string, string>,
  url: string,
  opts: TimeOptions,
) {
  const headers = typeof auth === 'string' ? { authorization: `Bearer ${auth}` } : auth;
  const times: number[] = [];
  for (let i = 0; i < opts.requests + opts.warmup; i++) {
    await opts.before?.();
    const t0 = performance.now();
    const res = await fetch(`${base}${url}`, { headers });
    const body = await res.text();
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${body.slice(0, 300)}`);
    if (i >= opts.warmup) times.push(performance.now() - t0);
    opts.check?.(body);
  }
  return { p50: +percentile(times, 50).toFixed(1), p95: +percentile(times, 95).toFixed(1) };
}

/** The kept PostgreSQL database `name` on the server of `baseUrl` (made, or made again if fresh). */
export async function pgDatabase(baseUrl: string, name: string, fresh: boolean): Promise<string> {
  const c = new pg.Client({ connectionString: baseUrl });
  await c.connect();
  try {
    const has = await c.query('select 1 from pg_database where datname = $1', [name]);
    if (has.rowCount && fresh) await c.query(`drop database ${name} with (force)`);
    if (!has.rowCount || fresh) await c.query(`create database ${name}`);
  } finally {
    await c.end();
  }
  return baseUrl.replace(/\/[^/]*$/, `/${name}`);
}

export const machine = () => ({
  cpus: cpus().length,
  cpu: cpus()[0]?.model,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  loadAverageAtStart: loadavg().map((x) => +x.toFixed(2)),
});

export const loadAverage = () => loadavg().map((x) => +x.toFixed(2));
