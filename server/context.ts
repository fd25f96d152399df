// What every service function receives first. ctx.db may be a transaction.
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { Db, DbOrTrx } from './db/types.ts';
import { durableWrite } from './db/wal-sync.ts';
import type { Deps } from './deps.ts';
import type { JobQueue } from './jobs/queue.ts';
import type { Clock } from './lib/clock.ts';
import type { Actor } from './lib/permissions.ts';

export interface Ctx {
  db: DbOrTrx;
  log: Logger;
  clock: Clock;
  jobs: JobQueue;
  config: Config;
  orgId: string;
  actor: Actor;
}

export function ctxFor(deps: Deps, actor: Actor, log: Logger = deps.log): Ctx {
  return {
    db: deps.db,
    log,
    clock: deps.clock,
    jobs: deps.jobs,
    config: deps.config,
    orgId: actor.orgId,
    actor,
  };
}

/**
 * The context of scheduled work for one organisation (a worker round, a digest, a monthly
 * report): no person stands behind it, so the actor is the system with the admin's reach.
 * `db` may be a transaction the caller opened.
 */
export function systemCtx(deps: Deps, orgId: string, db: DbOrTrx = deps.db): Ctx {
  return { ...ctxFor(deps, { type: 'system', id: null, orgId, role: 'admin' }), db };
}

/** True when ctx.db is already a transaction (the caller's work joins it). */
export function isInTransaction(ctx: Pick<Ctx, 'db'>): boolean {
  return 'isTransaction' in ctx.db && ctx.db.isTransaction;
}

/** Runs `fn` in one transaction with a ctx bound to it. */
export async function inTransaction<T>(ctx: Ctx, fn: (tx: Ctx) => Promise<T>): Promise<T> {
  if (isInTransaction(ctx)) return fn(ctx);
  return (ctx.db as Db).transaction().execute((trx) => fn({ ...ctx, db: trx }));
}

/** The organisation a read is scoped to; a Ctx, a transaction's ctx or `{ db, orgId }` of a job. */
export type OrgScope = Pick<Ctx, 'db' | 'orgId'>;

/**
 * inTransaction for a write that is answered only once it is on disk, without holding the event
 * loop for the fsync: on a SQLite file the transaction commits with synchronous=NORMAL and the
 * WAL is fdatasync'ed on the thread pool before this resolves (db/wal-sync.ts, ADR 006), so
 * other requests run meanwhile and writers that commit during a sync share the next one; on
 * PostgreSQL and in memory it is a plain transaction.
 */
export async function durableTransaction<T>(ctx: Ctx, fn: (tx: Ctx) => Promise<T>): Promise<T> {
  if (isInTransaction(ctx)) return fn(ctx);
  return durableWrite(ctx.db as Db, (trx) => fn({ ...ctx, db: trx }));
}
