// One factory for both dialects. Driver differences are normalised here and nowhere else:
// PostgreSQL returns times as ISO strings, JSON as text and bigints as numbers, like SQLite.
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, PostgresAdapter, sql, type Transaction } from 'kysely';
import pg from 'pg';
import { PostgresDialectWithStableIntrospection } from './pg-introspection.ts';
import type { DB } from './types.ts';
import { ImmediateSqliteDialect } from './sqlite-immediate.ts';
import { registerWalSync, WalSync } from './wal-sync.ts';
import { foldForSearch } from '../../shared/domain/search-fold.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface DbHandle {
  db: Kysely<DB>;
  dialect: Dialect;
  /** The raw better-sqlite3 handle (backup API, pragmas); undefined on PostgreSQL. */
  sqlite?: Database.Database;
  close(): Promise<void>;
}

export interface CreateDbOptions {
  /** PostgreSQL schema to use as search_path (tests give each run its own). */
  pgSchema?: string;
  pgPoolSize?: number;
}

const PG_OIDS = {
  int8: 20,
  numeric: 1700,
  timestamp: 1114,
  timestamptz: 1184,
  date: 1082,
  json: 114,
  jsonb: 3802,
};

function pgTypes(): pg.CustomTypesConfig {
  const toIso = (v: string) =>
    new Date(v.includes('T') || v.includes('+') || v.endsWith('Z') ? v : `${v}Z`).toISOString();
  const parsers: Record<number, (v: string) => unknown> = {
    [PG_OIDS.int8]: Number,
    [PG_OIDS.numeric]: Number,
    [PG_OIDS.timestamptz]: toIso,
    [PG_OIDS.timestamp]: toIso,
    [PG_OIDS.date]: (v) => v,
    [PG_OIDS.json]: (v) => v,
    [PG_OIDS.jsonb]: (v) => v,
  };
  return {
    getTypeParser: ((oid: number, format?: string) =>
      parsers[oid] ??
      pg.types.getTypeParser(oid, format as 'text')) as pg.CustomTypesConfig['getTypeParser'],
  };
}

export function sqlitePathFromUrl(url: string): string {
  const rest = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
  return rest === ':memory:' ? ':memory:' : resolve(rest);
}

/** Page cache per SQLite connection, in KiB (a negative cache_size is KiB; pages are allocated as used). */
export const SQLITE_CACHE_KIB = 64 * 1024;

export function openSqlite(path: string): Database.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const raw = new Database(path);
  // WAL + synchronous=FULL: a commit is on disk before we answer (ADR 0002). Intake groups
  // commit with NORMAL and fdatasync the WAL off the main thread before answering (wal-sync.ts).
  // busy_timeout first: switching to WAL, or opening a WAL file whose last writer was killed
  // (its index must be rebuilt under a lock), waits for another process instead of failing at
  // start with "database is locked" (seen in the multi-process kill test).
  raw.pragma('busy_timeout = 5000');
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.pragma('foreign_keys = ON');
  // 64 MiB of page cache instead of SQLite's 2 MiB: intake touches random pages of the unique
  // indexes (public references, source ids), and re-reading them from the OS cost ~5% of
  // single-record intake (alternating runs: 3 820 vs 4 010 req/s, 239 vs 227 µs per request).
  raw.pragma(`cache_size = ${-SQLITE_CACHE_KIB}`);
  // SQLite's lower() and LIKE fold only ASCII: searches over columns without a search column
  // (contact names) fold with the app's own rule (db/like.ts likeFolded; lower() on PostgreSQL).
  raw.function('cl_fold', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? foldForSearch(text) : text,
  );
  return raw;
}

/**
 * Kysely's SQLite driver prepares every statement anew; intake runs the same few statements
 * thousands of times a second, so keep prepared statements by SQL text (bounded, oldest first
 * out). Safe because better-sqlite3 runs each statement to completion synchronously.
 */
function withStatementCache(raw: Database.Database, max = 500) {
  const cache = new Map<string, Database.Statement>();
  return {
    close: () => raw.close(),
    prepare(sqlText: string): Database.Statement {
      let stmt = cache.get(sqlText);
      if (!stmt) {
        stmt = raw.prepare(sqlText);
        if (cache.size >= max) cache.delete(cache.keys().next().value!);
        cache.set(sqlText, stmt);
      }
      return stmt;
    },
  };
}

export function createDb(url: string, opts: CreateDbOptions = {}): DbHandle {
  if (url.startsWith('sqlite:')) {
    const path = sqlitePathFromUrl(url);
    const raw = openSqlite(path);
    const db = new Kysely<DB>({
      dialect: new ImmediateSqliteDialect({ database: withStatementCache(raw) }),
    });
    const walSync = path === ':memory:' ? undefined : new WalSync(`${path}-wal`);
    if (walSync) registerWalSync(db, walSync);
    return {
      db,
      dialect: 'sqlite',
      sqlite: raw,
      close: async () => {
        await walSync?.close();
        await db.destroy();
      },
    };
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.pgPoolSize ?? 10,
    types: pgTypes(),
    ...(opts.pgSchema ? { options: `-c search_path=${opts.pgSchema}` } : {}),
  });
  // An idle client's error (server restart) must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  pool.on('connect', runRegisteredAsPrepared);
  const db = new Kysely<DB>({ dialect: new PostgresDialectWithStableIntrospection({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

/**
 * Hot statements run as named prepared statements on PostgreSQL: parsed and planned once per
 * connection instead of at every call. Kysely sends every query as text, so a connection's
 * `query(text, values)` is redirected for the texts registered here (bulk.ts registers its
 * inserts). Names derive from the text, so a changed text is a new statement.
 */
const preparedNames = new Map<string, string>();

export function preparedOnPostgres(text: string): void {
  if (!preparedNames.has(text))
    preparedNames.set(text, `cl_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`);
}

function runRegisteredAsPrepared(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as { query: unknown }).query = (...args: unknown[]) => {
    const [text, values] = args;
    const name =
      typeof text === 'string' && Array.isArray(values) && args.length === 2
        ? preparedNames.get(text)
        : undefined;
    return name ? query({ name, text, values }) : query(...args);
  };
}

/** The dialect behind a handle or transaction (the adapter Kysely was built with). */
export function dialectOf(db: Kysely<DB> | Transaction<DB>): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** True once the database answers a query. */
export async function pingDb(db: Kysely<DB>): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
