// What every service function receives first. ctx.db may be a transaction.
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { DbOrTrx } from './db/types.ts';
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

/** True when ctx.db is already a transaction (the caller's work joins it). */
export function isInTransaction(ctx: Pick<Ctx, 'db'>): boolean {
  return 'isTransaction' in ctx.db && ctx.db.isTransaction;
}

/** Runs `fn` in one transaction with a ctx bound to it. */
export async function inTransaction<T>(ctx: Ctx, fn: (tx: Ctx) => Promise<T>): Promise<T> {
  if (isInTransaction(ctx)) return fn(ctx);
  return (ctx.db as import('./db/types.ts').Db)
    .transaction()
    .execute((trx) => fn({ ...ctx, db: trx }));
}

/** The organisation a read is scoped to; a Ctx, a transaction's ctx or `{ db, orgId }` of a job. */
export type OrgScope = Pick<Ctx, 'db' | 'orgId'>;
