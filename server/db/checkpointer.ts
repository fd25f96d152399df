// WAL checkpoints on a thread of their own (ADR 006, "Checkpoints"). better-sqlite3 is
// synchronous, so SQLite's automatic checkpoint (every 1000 WAL pages) runs inside whichever
// COMMIT crosses the threshold, on the event loop: it copies the pages into the database file and
// fsyncs it while every request waits. Here a worker thread with its own connection runs PASSIVE
// checkpoints instead, and the main connection's autocheckpoint is only raised, not turned off:
// if the thread falls behind or dies, SQLite still checkpoints by itself.
import { Worker } from 'node:worker_threads';
import type { DbHandle } from './create-db.ts';

export interface WalCheckpointerOptions {
  /**
   * How often the thread looks at the WAL (default 25 ms; a look is one 136-byte read). Short,
   * so that a pause in writes is seen and used to copy the tail, letting the WAL restart.
   */
  intervalMs?: number;
  /** Frames not yet in the database file that make a checkpoint worth its two fsyncs (default 1000, as SQLite's). */
  minFrames?: number;
  /** The main connection's wal_autocheckpoint while the thread runs (default 8192 pages ≈ 32 MB). */
  safetyNetPages?: number;
  /** Told once if the thread fails; gets the error's message only. */
  log?: { warn(obj: object, msg: string): void };
}

export interface WalCheckpointerStats {
  running: boolean;
  /** PASSIVE checkpoints that copied at least one frame. */
  checkpoints: number;
  framesBackfilled: number;
  /** Checkpoints skipped because another one (a connection's own) was running. */
  busy: number;
  ticks: number;
  /** Time the thread spent inside wal_checkpoint (copying pages, two fsyncs each). */
  checkpointMs: number;
  lastCheckpointAt: string | null;
  /** Why the thread stopped on its own; autocheckpoint is back to its old value then. */
  error?: string;
}

export interface WalCheckpointer {
  /** The last stats the thread posted (after each checkpoint, and on refresh or stop). */
  stats(): WalCheckpointerStats;
  /** Asks the thread for its current stats. */
  refreshStats(): Promise<WalCheckpointerStats>;
  /** Closes the thread's connection and restores the autocheckpoint. Call before closing the handle. */
  stop(): Promise<void>;
}

type WorkerStats = Omit<WalCheckpointerStats, 'running' | 'error'>;
type WorkerMessage = { type: 'stats' | 'stopped'; stats: WorkerStats };

const STOP_TIMEOUT_MS = 5_000;

/** Undefined on PostgreSQL, in memory and outside WAL mode: there is no WAL file to checkpoint. */
export function startWalCheckpointer(
  handle: DbHandle,
  opts: WalCheckpointerOptions = {},
): WalCheckpointer | undefined {
  const raw = handle.sqlite;
  if (!raw || raw.memory || raw.pragma('journal_mode', { simple: true }) !== 'wal')
    return undefined;

  const previousAutocheckpoint = raw.pragma('wal_autocheckpoint', { simple: true }) as number;
  const worker = new Worker(new URL('./checkpoint-worker.mjs', import.meta.url), {
    workerData: {
      path: raw.name,
      intervalMs: opts.intervalMs ?? 25,
      minFrames: opts.minFrames ?? 1000,
    },
  });
  raw.pragma(`wal_autocheckpoint = ${opts.safetyNetPages ?? 8192}`);

  let current: WorkerStats = {
    checkpoints: 0,
    framesBackfilled: 0,
    busy: 0,
    ticks: 0,
    checkpointMs: 0,
    lastCheckpointAt: null,
  };
  let running = true;
  let stopping = false;
  let error: string | undefined;
  const refreshes: Array<() => void> = [];

  const restoreAutocheckpoint = () => {
    // The handle may already be closed if stop() was skipped; then there is nothing to restore.
    if (raw.open) raw.pragma(`wal_autocheckpoint = ${previousAutocheckpoint}`);
  };
  const fail = (err: unknown) => {
    if (error !== undefined || stopping) return;
    error = messageOf(err);
    restoreAutocheckpoint();
    opts.log?.warn(
      { err: error },
      'WAL checkpointer thread failed; SQLite checkpoints on commit again',
    );
  };
  const snapshot = (): WalCheckpointerStats => ({
    ...current,
    running,
    ...(error === undefined ? {} : { error }),
  });

  worker.on('message', (msg: WorkerMessage) => {
    current = msg.stats;
    if (msg.type === 'stats') refreshes.splice(0).forEach((resolve) => resolve());
  });
  worker.on('error', fail);
  const exited = new Promise<void>((resolve) =>
    worker.on('exit', (code) => {
      running = false;
      if (!stopping) fail(new Error(`checkpoint thread exited with code ${code}`));
      refreshes.splice(0).forEach((done) => done());
      resolve();
    }),
  );
  // The thread alone must not keep the process running; stop() takes it back. After the
  // listeners: adding a 'message' listener refs the worker's port again.
  worker.unref();

  return {
    stats: snapshot,
    async refreshStats() {
      if (!running) return snapshot();
      // Held while waiting: an unref'd thread's answer alone would not keep the process up.
      worker.ref();
      await new Promise<void>((resolve) => {
        refreshes.push(resolve);
        worker.postMessage('stats');
      });
      if (!stopping) worker.unref();
      return snapshot();
    },
    async stop() {
      if (stopping) return exited;
      if (!running) return;
      stopping = true;
      worker.ref();
      worker.postMessage('stop');
      const timeout = setTimeout(() => void worker.terminate(), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timeout);
      restoreAutocheckpoint();
    },
  };
}

/** The thread sends plain Errors (checkpoint-worker.mjs); anything else is shown as it is. */
function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
