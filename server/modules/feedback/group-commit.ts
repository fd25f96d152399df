// Group commit: intake requests that arrive together share one transaction, so one fsync
// (the WAL fdatasync on SQLite, the COMMIT on PostgreSQL) serves many records. Every caller's
// promise settles only after the shared COMMIT and, on SQLite, the WAL fdatasync (wal-sync.ts),
// so nothing is acknowledged that a crash of the process or the machine could lose.
// The group is written set-based (intake.ts): one duplicate query, multi-row inserts. A record
// that fails its own checks fails alone inside the group; if the transaction itself fails, the
// group rolls back and each record runs again in a transaction of its own (ADR 006).
import { dialectOf } from '../../db/create-db.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import type { Db } from '../../db/types.ts';
import { relaxedTransaction, walSyncFor, type WalSync } from '../../db/wal-sync.ts';
import { recordMany, type IntakeItem, type IntakeOutcome, type RecordResult } from './intake.ts';

interface Pending {
  item: IntakeItem;
  resolve: (value: RecordResult) => void;
  reject: (error: unknown) => void;
}

/** Most records per shared transaction: bounds how long one commit keeps the others waiting. */
export const MAX_GROUP = 256;

/**
 * Groups in flight at once. SQLite has one writer and its transactions run synchronously, so one.
 * On PostgreSQL a group spends most of its time waiting for round trips (BEGIN, the duplicate
 * query, the inserts, COMMIT); a second group on another pool connection uses that wait. Measured
 * at 50 connections: 1 840 req/s with one group in flight, 1 950–2 320 with two (issue 6).
 */
export const PG_GROUPS_IN_FLIGHT = 2;

export interface GroupStats {
  /** Shared transactions committed with more than one record. */
  groups: number;
  /** Records committed through a shared transaction. */
  grouped: number;
  /** Records that ran alone (a lone arrival, or the retry after a failed group). */
  alone: number;
  /** Most groups that were in flight at once (1 on SQLite, up to PG_GROUPS_IN_FLIGHT). */
  peakInFlight: number;
}

/**
 * Fault injection for the crash harness's negative control only (bench/crash.ts): answer every
 * caller before the commit and hold the transaction open this long. A harness that does not
 * report lost records with this switched on cannot be trusted to find them.
 */
export const faults = { ackBeforeCommitMs: 0 };

export class GroupCommit {
  private queue: Pending[] = [];
  private scheduled = false;
  private inFlight = 0;
  private readonly maxInFlight: number;
  readonly stats: GroupStats = { groups: 0, grouped: 0, alone: 0, peakInFlight: 0 };

  private readonly walSync: WalSync | undefined;

  constructor(private readonly db: Db) {
    this.walSync = walSyncFor(db);
    this.maxInFlight = dialectOf(db) === 'postgres' ? PG_GROUPS_IN_FLIGHT : 1;
  }

  run(item: IntakeItem): Promise<RecordResult> {
    return new Promise<RecordResult>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.scheduled && this.inFlight < this.maxInFlight) {
        this.scheduled = true;
        // Let requests that are already parsed join this group before it starts.
        setImmediate(() => {
          this.scheduled = false;
          this.startGroups();
        });
      }
    });
  }

  /** Starts groups from the queue while fewer than maxInFlight run; a finished group starts the next. */
  private startGroups(): void {
    while (this.queue.length > 0 && this.inFlight < this.maxInFlight) {
      const group = this.queue.splice(0, MAX_GROUP);
      this.inFlight += 1;
      this.stats.peakInFlight = Math.max(this.stats.peakInFlight, this.inFlight);
      this.commitGroup(group)
        .catch((error: unknown) => group.forEach((p) => p.reject(error)))
        .finally(() => {
          this.inFlight -= 1;
          this.startGroups();
        });
    }
  }

  /**
   * A whole batch request as one transaction of its own, committed and made durable like a
   * group (relaxed commit, WAL sync off the event loop). Unlike a group, a failed transaction is
   * thrown to the caller, who decides whether to replay it.
   */
  async batch(items: readonly IntakeItem[]): Promise<IntakeOutcome[]> {
    const outcomes = await this.transaction((trx) => recordMany(trx, items));
    await this.durable();
    return outcomes;
  }

  /** One transaction; on SQLite files committed relaxed, made durable by `durable()` below. */
  private transaction<T>(work: (trx: Db) => Promise<T>): Promise<T> {
    return this.walSync ? relaxedTransaction(this.db, work) : this.db.transaction().execute(work);
  }

  /** Resolves when what was committed so far is on disk (PostgreSQL: at once, COMMIT waited). */
  private durable(): Promise<void> {
    return this.walSync ? this.walSync.sync() : Promise.resolve();
  }

  private async commitGroup(group: Pending[]): Promise<void> {
    if (group.length > 1) {
      try {
        const outcomes = await this.transaction(async (trx) => {
          const done = await recordMany(
            trx,
            group.map((p) => p.item),
          );
          if (faults.ackBeforeCommitMs > 0) await this.settleEarly(group, done);
          return done;
        });
        this.stats.groups += 1;
        this.stats.grouped += group.length;
        // Answer after the WAL sync. The next group waits for it too: while the disk flushes,
        // the event loop parses the requests that will make that group larger.
        try {
          await this.durable();
        } catch (error) {
          group.forEach((p) => p.reject(error));
          return;
        }
        // A per-record error (unknown clientId, reused Idempotency-Key) fails that record alone.
        group.forEach((p, i) => {
          const outcome = outcomes[i]!;
          if (outcome.ok) p.resolve(outcome.result);
          else p.reject(outcome.error);
        });
        return;
      } catch {
        // The transaction failed (a concurrent duplicate, a database error): nothing of the group
        // is stored. Give every record its own transaction, so only a failing one fails.
      }
    }
    for (const p of group) {
      try {
        p.resolve(await this.runAlone(p.item));
      } catch (error) {
        p.reject(error);
      }
    }
  }

  private async runAlone(item: IntakeItem): Promise<RecordResult> {
    this.stats.alone += 1;
    const once = async () => {
      const [outcome] = await this.transaction((trx) => recordMany(trx, [item]));
      await this.durable();
      if (!outcome!.ok) throw outcome!.error;
      return outcome!.result;
    };
    try {
      return await once();
    } catch (error) {
      // A concurrent writer stored the same key or source id first: the replay finds it.
      if (isUniqueViolation(error)) return once();
      throw error;
    }
  }

  private async settleEarly(
    group: Pending[],
    outcomes: Awaited<ReturnType<typeof recordMany>>,
  ): Promise<void> {
    group.forEach((p, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) p.resolve(outcome.result);
      else p.reject(outcome.error);
    });
    await new Promise((r) => setTimeout(r, faults.ackBeforeCommitMs));
  }
}

const groups = new WeakMap<Db, GroupCommit>();

/** The group committer of a database handle (one per process and database). */
export function groupCommitFor(db: Db): GroupCommit {
  let g = groups.get(db);
  if (!g) {
    g = new GroupCommit(db);
    groups.set(db, g);
  }
  return g;
}
