// Shared pieces of the benchmarks: start a server as a child process, load it with autocannon,
// read its peak memory, make fresh PostgreSQL databases and drop them afterwards.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import pg from 'pg';
import type { Deps } from '../server/deps.ts';
import { createOrganisation } from '../server/modules/orgs/index.ts';

const PG_BASE = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const madeDatabases: string[] = [];

async function onPgAdmin(statement: string): Promise<void> {
  const c = new pg.Client({ connectionString: PG_BASE });
  await c.connect();
  try {
    await c.query(statement);
  } finally {
    await c.end();
  }
}

/**
 * A new PostgreSQL database next to BENCH_PG_URL's, empty or a copy of `template`, dropped by
 * dropBenchDatabases().
 */
export async function freshPgDatabase(prefix: string, template?: string): Promise<string> {
  const name = `${prefix}_${Date.now()}_${madeDatabases.length}`;
  await onPgAdmin(`create database ${name}${template ? ` template ${template}` : ''}`);
  madeDatabases.push(name);
  return PG_BASE.replace(/\/[^/]*$/, `/${name}`);
}

/** Whether a database of that name exists on BENCH_PG_URL's server. */
export async function pgDatabaseExists(name: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: PG_BASE });
  await c.connect();
  try {
    return (await c.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
  } finally {
    await c.end();
  }
}

/** A new empty database of that name, kept (a bench's data set template); its URL. */
export async function pgDatabaseFrom(name: string): Promise<string> {
  await onPgAdmin(`drop database if exists ${name} with (force)`);
  await onPgAdmin(`create database ${name}`);
  return PG_BASE.replace(/\/[^/]*$/, `/${name}`);
}

/** Drops the databases freshPgDatabase made (each benchmark run used to leave them behind). */
export async function dropBenchDatabases(): Promise<void> {
  for (const name of madeDatabases.splice(0))
    await onPgAdmin(`drop database if exists ${name} with (force)`);
}

export interface Server {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export async function startServer(
  command: string[],
  env: Record<string, string> = {},
): Promise<Server> {
  const child = spawn(process.execPath, command, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`${command.join(' ')} did not start`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /READY (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.on('exit', (code) => reject(new Error(`${command.join(' ')} exited with ${code}`)));
  });
  return {
    url,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Peak resident memory of a process in MiB (Linux VmHWM). */
export function peakMemoryMiB(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

export async function load(opts: {
  url: string;
  path: string;
  connections: number;
  seconds: number;
  key?: string;
  body: (n: number) => unknown;
  /** Headers of request n besides the common ones (an Idempotency-Key). */
  headers?: (n: number) => Record<string, string>;
}): Promise<LoadResult> {
  let n = 0;
  const result = await autocannon({
    url: `${opts.url}${opts.path}`,
    connections: opts.connections,
    duration: opts.seconds,
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(opts.key ? { authorization: `Bearer ${opts.key}` } : {}),
    },
    requests: [
      {
        setupRequest: (req) => {
          const i = n++;
          const extra = opts.headers?.(i);
          return {
            ...req,
            ...(extra ? { headers: { ...req.headers, ...extra } } : {}),
            body: JSON.stringify(opts.body(i)),
          };
        },
      },
    ],
  });
  // Total over wall time: the per-second average rounds slow, large requests (batches) to zero.
  return {
    rps: Math.round((result.requests.total / Math.max(result.duration, 0.001)) * 10) / 10,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/**
 * Equal-length slices of one load as one result: mean throughput, mean p50, the worst p99 (a
 * slice's p99 cannot be merged exactly without its histogram; the worst is the safe side),
 * errors summed.
 */
export function combineSlices(slices: readonly LoadResult[]): LoadResult {
  const mean = (f: (r: LoadResult) => number) =>
    slices.reduce((sum, r) => sum + f(r), 0) / slices.length;
  return {
    rps: Math.round(mean((r) => r.rps) * 10) / 10,
    p50: Math.round(mean((r) => r.p50) * 10) / 10,
    p99: Math.max(...slices.map((r) => r.p99)),
    errors: slices.reduce((sum, r) => sum + r.errors, 0),
    non2xx: slices.reduce((sum, r) => sum + r.non2xx, 0),
  };
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The organisation a bench writes its data set into, with an admin and an admin API key. */
export function createBenchOrg(
  deps: Deps,
  opts: { name?: string; timeZone?: string; apiKeySecret?: string } = {},
) {
  return deps.db.transaction().execute((trx) =>
    createOrganisation(trx, deps.clock, {
      name: opts.name ?? 'Бенчмарк',
      ...(opts.timeZone ? { timeZone: opts.timeZone } : {}),
      admin: { email: 'bench@example.com', name: 'Bench', password: 'correct-horse-battery' },
      apiKey: { role: 'admin', ...(opts.apiKeySecret ? { secret: opts.apiKeySecret } : {}) },
    }),
  );
}
