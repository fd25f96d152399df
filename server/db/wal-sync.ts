// Durable group commit on SQLite without blocking the event loop on fsync (ADR 006).
// better-sqlite3 runs COMMIT on the main thread; with synchronous=FULL every group commit stalls
// every request for the WAL fsync. Instead an intake group commits with synchronous=NORMAL (the
// WAL frames are in the OS page cache: a killed process loses nothing) and, before anyone of the
// group is answered, the WAL file is fdatasync'ed on libuv's thread pool (a crashed machine
// loses nothing either). Requests keep being parsed and the next group committed meanwhile, and
// callers that arrive during a sync share the next one.
import { open, type FileHandle } from 'node:fs/promises';
import { sql, type Kysely } from 'kysely';

export interface WalSyncStats {
  /** fdatasync calls completed. */
  syncs: number;
  /** sync() requests served (many share one fdatasync). */
  requests: number;
}

export class WalSync {
  private handle: FileHandle | undefined;
  private inFlight: Promise<void> | undefined;
  private next: Promise<void> | undefined;
  readonly stats: WalSyncStats = { syncs: 0, requests: 0 };

  constructor(readonly walPath: string) {}

  /** Resolves once everything committed before this call is on disk. */
  sync(): Promise<void> {
    this.stats.requests += 1;
    if (!this.inFlight) return this.start();
    // The running fdatasync may have started before our commit: wait for the one after it.
    this.next ??= this.inFlight.then(
      () => this.startNext(),
      () => this.startNext(),
    );
    return this.next;
  }

  async close(): Promise<void> {
    await this.inFlight?.catch(() => undefined);
    await this.handle?.close();
    this.handle = undefined;
  }

  private startNext(): Promise<void> {
    this.next = undefined;
    return this.start();
  }

  private start(): Promise<void> {
    const run = (async () => {
      // The WAL file exists from the first commit in WAL mode and keeps its inode until the last
      // connection closes, so one handle serves the process.
      this.handle ??= await open(this.walPath, 'r');
      await this.handle.datasync();
      this.stats.syncs += 1;
    })();
    const tracked = run.finally(() => {
      if (this.inFlight === tracked) this.inFlight = undefined;
    });
    this.inFlight = tracked;
    return tracked;
  }
}

const registry = new WeakMap<object, WalSync>();

export function registerWalSync(db: object, sync: WalSync): void {
  registry.set(db, sync);
}

/** The WAL syncer of a SQLite file database handle; undefined on PostgreSQL and in memory. */
export function walSyncFor(db: object): WalSync | undefined {
  return registry.get(db);
}

/**
 * Runs `work` in a transaction committed with synchronous=NORMAL on one reserved connection
 * (the setting cannot change inside a transaction, and no other statement may slip in between),
 * then restores FULL for everyone else. The caller must await `walSyncFor(db).sync()` before
 * acknowledging anything the transaction wrote.
 */
export async function relaxedTransaction<DB, T>(
  db: Kysely<DB>,
  work: (trx: Kysely<DB>) => Promise<T>,
): Promise<T> {
  return db.connection().execute(async (conn) => {
    await sql`pragma synchronous = normal`.execute(conn);
    try {
      return await conn.transaction().execute(async (trx) => {
        // Take the write lock first (waiting up to busy_timeout), as BEGIN IMMEDIATE would: a
        // deferred transaction that reads first fails with SQLITE_BUSY at its first write when
        // another process (a separate worker) committed meanwhile.
        await sql`delete from jobs where 0`.execute(trx);
        return work(trx);
      });
    } finally {
      await sql`pragma synchronous = full`.execute(conn);
    }
  });
}

/**
 * A transaction that is on disk when this resolves, without holding the event loop for the fsync:
 * on a SQLite file it commits with synchronous=NORMAL and the WAL is fdatasync'ed on the thread
 * pool (writers committing meanwhile share the next sync); on PostgreSQL and in memory it is a
 * plain transaction. The worker's bookkeeping uses it (a job round's completions, a sent mail):
 * with synchronous=FULL each of those commits stalled every request of a web,worker process for
 * an fsync — two per mail (bench/mail-drain.ts, issue 20).
 */
export async function durableWrite<DB, T>(
  db: Kysely<DB>,
  work: (trx: Kysely<DB>) => Promise<T>,
): Promise<T> {
  const wal = walSyncFor(db);
  if (!wal) return db.transaction().execute(work);
  const out = await relaxedTransaction(db, work);
  await wal.sync();
  return out;
}
