// The job loop: claim due jobs → run their handlers → complete, or retry with back-off.
// Several workers may run (PostgreSQL); a crashed worker's leases expire and are taken over.
import { hostname } from 'node:os';
import { durableWrite } from './db/wal-sync.ts';
import type { Deps } from './deps.ts';
import { AppError } from './http/errors.ts';
import type { ClaimedJob, JobDefinition } from './jobs/queue.ts';
import type { Schedule, Sweep } from './modules/module.ts';
import { newId } from './lib/ids.ts';

const PERMANENT: ReadonlySet<string> = new Set([
  'validation_failed',
  'not_found',
  'forbidden',
  'unprocessable',
]);

export interface WorkerOptions {
  batchSize?: number;
  leaseMs?: number;
}

export interface Worker {
  /** Runs one claim-and-run round, then the sweeps; returns how many jobs ran plus how many items
   * the sweeps handled (tests drive the worker with this; 0 means there was nothing to do). */
  runOnce(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}

/**
 * Background work yields to requests in the same process. While requests keep storing work
 * (intake), a sweep round (CPU-heavy text analysis) is followed by a pause four times its length,
 * so sweeps take at most a fifth of the time and catch up when the burst ends; job rounds (mail,
 * webhooks: latency-sensitive, light) keep running, spaced by 20 ms instead of woken by every
 * request. "Requests" means more than BUSY_REQUESTS_PER_SECOND since the last round; a trickle
 * changes nothing. A worker process of its own sees no requests and runs flat out.
 */
const SWEEP_YIELD_FACTOR = 4;
const ROUND_GAP_UNDER_LOAD_MS = 20;
/**
 * Requests per second (that stored work) from which the worker counts as under load. Below it
 * (50 feedback/s, say) the CPU is mostly idle: rounds are woken at once, so acknowledgements
 * leave within milliseconds instead of waiting for the next 20 ms slot.
 */
export const BUSY_REQUESTS_PER_SECOND = 200;

/** Whether `arrived` requests in the last `elapsedMs` put the worker under load. */
export function isUnderLoad(arrived: number, elapsedMs: number): boolean {
  return arrived > 0 && arrived * 1000 >= BUSY_REQUESTS_PER_SECOND * Math.max(elapsedMs, 1);
}

export function sweepPauseMs(sweepMs: number): number {
  return Math.min(
    1_000,
    Math.max(ROUND_GAP_UNDER_LOAD_MS, Math.round(sweepMs * SWEEP_YIELD_FACTOR)),
  );
}

export function createWorker(
  deps: Deps,
  jobs: JobDefinition[],
  opts: WorkerOptions = {},
  schedules: Schedule[] = [],
  sweeps: Sweep[] = [],
): Worker {
  const registry = new Map(jobs.map((j) => [j.name, j]));
  const workerId = `${hostname()}:${process.pid}:${newId().slice(-8)}`;
  const batchSize = opts.batchSize ?? deps.config.jobs.batchSize;
  const leaseMs = opts.leaseMs ?? deps.config.jobs.leaseMs;
  const lastBucket = new Map<string, number>();
  let running = false;
  let loop: Promise<void> | undefined;

  /** Runs one job; true when it succeeded (the round marks it done with the others). */
  async function runJob(job: ClaimedJob): Promise<boolean> {
    const log = deps.log.child({
      jobId: job.id,
      job: job.name,
      orgId: job.org_id,
      attempt: job.attempts,
    });
    const def = registry.get(job.name);
    try {
      if (!def) throw new AppError('unprocessable', `No handler for job ${job.name}`);
      const payload = def.payload.parse(JSON.parse(job.payload));
      const started = performance.now();
      await def.handler({ jobId: job.id, orgId: job.org_id, attempt: job.attempts, log }, payload);
      log.debug({ durationMs: Math.round(performance.now() - started) }, 'job done');
      return true;
    } catch (err) {
      const permanent =
        (err instanceof AppError && PERMANENT.has(err.code)) || (err as Error)?.name === 'ZodError';
      const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      const outcome = await deps.jobs.fail(deps.db, job, message, permanent);
      log.warn({ outcome, error: message }, 'job failed');
      return false;
    }
  }

  // Periodic jobs: one per time bucket instance-wide, whatever the number of workers (dedupe key).
  async function enqueueDueSchedules(): Promise<void> {
    const now = deps.clock.now().getTime();
    for (const s of schedules) {
      const bucket = Math.floor(now / s.everyMs);
      if (lastBucket.get(s.name) === bucket) continue;
      lastBucket.set(s.name, bucket);
      await deps.jobs.enqueue(deps.db, {
        name: s.name,
        orgId: null,
        payload: {},
        dedupeKey: `${s.name}:${bucket}`,
      });
    }
  }

  // A failing sweep counts as idle, so the loop backs off instead of spinning on the error.
  async function runSweep(sweep: Sweep): Promise<number> {
    try {
      return await sweep.run();
    } catch (err) {
      deps.log.error({ err, sweep: sweep.name }, 'sweep failed');
      return 0;
    }
  }

  async function runJobs(): Promise<number> {
    await enqueueDueSchedules();
    const claimed = await deps.jobs.claim(deps.db, workerId, batchSize, leaseMs);
    const succeeded = await Promise.all(claimed.map(runJob));
    // One commit for the round's completions, its fsync off the event loop (durableWrite): a
    // commit per job cost every request of a web,worker process an fsync stall per mail. A crash
    // before it runs the round's jobs again, as a crash before a single completion did: jobs are
    // at-least-once and their handlers skip work already done (a sent mail is not sent again).
    const done = claimed.filter((_, i) => succeeded[i]).map((job) => job.id);
    if (done.length > 0) await durableWrite(deps.db, (trx) => deps.jobs.completeMany(trx, done));
    return claimed.length;
  }

  async function runSweeps(): Promise<number> {
    let swept = 0;
    for (const sweep of sweeps) swept += await runSweep(sweep);
    return swept;
  }

  async function runOnce(): Promise<number> {
    const jobsRan = await runJobs();
    // After the jobs, so work they marked pending (e.g. a re-analysis batch) is swept this round.
    return jobsRan + (await runSweeps());
  }

  let endPause: (() => void) | undefined;
  const pauseFor = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        endPause = undefined;
        resolve();
      }
      endPause = done;
    });

  async function runLoop(): Promise<void> {
    let seen = deps.jobs.notifications;
    let seenAt = performance.now();
    let sweepAt = 0;
    while (running) {
      let ran = 0;
      const now = performance.now();
      const arrived = deps.jobs.notifications - seen;
      const requests = isUnderLoad(arrived, now - seenAt);
      seen = deps.jobs.notifications;
      seenAt = now;
      try {
        ran = await runJobs();
        if (performance.now() >= sweepAt) {
          const started = performance.now();
          const swept = await runSweeps();
          ran += swept;
          sweepAt =
            swept > 0 && requests
              ? performance.now() + sweepPauseMs(performance.now() - started)
              : 0;
        }
      } catch (err) {
        deps.log.error({ err }, 'worker round failed');
      }
      if (!running) break;
      // Under intake, rounds are spaced instead of woken by every request.
      if (requests) await pauseFor(ROUND_GAP_UNDER_LOAD_MS);
      else if (ran === 0)
        await deps.jobs.waitForWork(
          sweepAt > 0 ? Math.max(1, sweepAt - performance.now()) : deps.config.jobs.pollMs,
        );
      // On SQLite every await above may resolve without I/O: let timers and requests in.
      else await new Promise((resolve) => setImmediate(resolve));
    }
  }

  return {
    runOnce,
    start() {
      if (running) return;
      running = true;
      loop = runLoop();
    },
    async stop() {
      running = false;
      endPause?.();
      deps.jobs.notify();
      await loop;
    },
  };
}
