// The durable job queue: a table in the same database as the data, so a job is enqueued in the
// same transaction as the write that needs it (outbox). Claims take a lease; a crashed worker's
// jobs are taken over when the lease runs out. At-least-once: handlers must be idempotent.
import { EventEmitter } from 'node:events';
import type { z } from 'zod';
import type { Logger } from 'pino';
import { newId } from '../lib/ids.ts';
import type { Clock } from '../lib/clock.ts';
import { insertRows } from '../db/bulk.ts';
import type { DbOrTrx, JobsTable } from '../db/types.ts';
import type { Dialect } from '../db/create-db.ts';

export interface EnqueueInput<P = unknown> {
  name: string;
  orgId: string | null;
  payload: P;
  runAt?: Date;
  /** A second enqueue with the same key is a no-op (one side effect per key). */
  dedupeKey?: string;
  maxAttempts?: number;
}

export interface JobContext {
  jobId: string;
  orgId: string | null;
  attempt: number;
  log: Logger;
}

export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  name: string;
  payload: S;
  maxAttempts?: number;
  handler: (ctx: JobContext, payload: z.infer<S>) => Promise<void>;
}

export function defineJob<S extends z.ZodType>(def: JobDefinition<S>): JobDefinition<S> {
  return def;
}

export type ClaimedJob = Pick<
  JobsTable,
  'id' | 'org_id' | 'name' | 'payload' | 'attempts' | 'max_attempts'
>;

const DEFAULT_MAX_ATTEMPTS = 8;

export class JobQueue {
  private readonly wake = new EventEmitter();

  constructor(
    private readonly dialect: Dialect,
    private readonly clock: Clock,
  ) {
    this.wake.setMaxListeners(0);
  }

  /** Enqueue inside the caller's transaction (pass `trx`). Returns the id, or undefined when deduplicated. */
  async enqueue<P>(db: DbOrTrx, input: EnqueueInput<P>): Promise<string | undefined> {
    const [id] = await this.enqueueMany(db, [input]);
    return id;
  }

  /** Several jobs in one statement (intake groups); returns the ids of those not deduplicated. */
  async enqueueMany(db: DbOrTrx, inputs: readonly EnqueueInput[]): Promise<string[]> {
    if (inputs.length === 0) return [];
    const now = this.clock.now();
    const nowIso = now.toISOString();
    const rows: JobsTable[] = inputs.map((input) => ({
      id: newId(now.getTime()),
      org_id: input.orgId,
      name: input.name,
      payload: JSON.stringify(input.payload ?? {}),
      status: 'queued',
      run_at: input.runAt ? input.runAt.toISOString() : nowIso,
      attempts: 0,
      max_attempts: input.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      locked_until: null,
      locked_by: null,
      last_error: null,
      dedupe_key: input.dedupeKey ?? null,
      created_at: nowIso,
      finished_at: null,
    }));
    const ids = (await insertRows(db, 'jobs', rows, {
      onConflictDoNothing: 'dedupe_key',
      returning: 'id',
    })) as string[];
    if (ids.length > 0) queueMicrotask(() => this.wake.emit('job'));
    return ids;
  }

  /** Claims up to `limit` due jobs with a lease of `leaseMs`; expired leases are taken over. */
  async claim(
    db: DbOrTrx,
    workerId: string,
    limit: number,
    leaseMs: number,
  ): Promise<ClaimedJob[]> {
    const now = this.clock.now();
    const nowIso = now.toISOString();
    const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
    let due = db
      .selectFrom('jobs')
      .select('id')
      .where('status', '=', 'queued')
      .where('run_at', '<=', nowIso)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', nowIso)]))
      .orderBy('run_at')
      .limit(limit);
    // The only dialect branch of the queue: PostgreSQL lets several workers claim at once.
    if (this.dialect === 'postgres') due = due.forUpdate().skipLocked();
    return db
      .updateTable('jobs')
      .set((eb) => ({
        locked_until: leaseUntil,
        locked_by: workerId,
        attempts: eb('attempts', '+', 1),
      }))
      .where('id', 'in', due)
      .returning(['id', 'org_id', 'name', 'payload', 'attempts', 'max_attempts'])
      .execute();
  }

  async complete(db: DbOrTrx, id: string): Promise<void> {
    await db
      .updateTable('jobs')
      .set({
        status: 'done',
        finished_at: this.clock.now().toISOString(),
        locked_until: null,
        last_error: null,
      })
      .where('id', '=', id)
      .execute();
  }

  /** Marks a worker round's finished jobs done in one statement per 500 (one commit). */
  async completeMany(db: DbOrTrx, ids: readonly string[]): Promise<void> {
    const finishedAt = this.clock.now().toISOString();
    for (let i = 0; i < ids.length; i += 500) {
      await db
        .updateTable('jobs')
        .set({ status: 'done', finished_at: finishedAt, locked_until: null, last_error: null })
        .where('id', 'in', ids.slice(i, i + 500))
        .execute();
    }
  }

  /** Records a failure: retried with exponential back-off, or failed for good. */
  async fail(
    db: DbOrTrx,
    job: ClaimedJob,
    error: string,
    permanent: boolean,
  ): Promise<'retry' | 'failed'> {
    const now = this.clock.now();
    const final = permanent || job.attempts >= job.max_attempts;
    await db
      .updateTable('jobs')
      .set({
        status: final ? 'failed' : 'queued',
        last_error: error.slice(0, 2000),
        locked_until: null,
        run_at: final
          ? now.toISOString()
          : new Date(now.getTime() + backoffMs(job.attempts)).toISOString(),
        finished_at: final ? now.toISOString() : null,
      })
      .where('id', '=', job.id)
      .execute();
    return final ? 'failed' : 'retry';
  }

  /** Resolves when a job is enqueued in this process, or after `ms`. */
  waitForWork(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake.off('job', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake.once('job', done);
    });
  }

  /** Wakes waiting workers now (e.g. after a commit that enqueued work). */
  notify(): void {
    this.notifications += 1;
    this.wake.emit('job');
  }

  /** notify() calls so far: requests that stored new work in this process (the worker paces by it). */
  notifications = 0;
}

/** 1 s, 2 s, 4 s … capped at one hour, with ±20 % jitter so retries do not stampede. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(1000 * 2 ** Math.max(0, attempt - 1), 3_600_000);
  return Math.round(base * (0.8 + 0.4 * random()));
}
