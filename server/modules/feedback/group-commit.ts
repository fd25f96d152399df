// Group commit: intake requests that arrive together share one transaction, so one fsync
// (SQLite synchronous=FULL, PostgreSQL commit) serves many records. Every caller's promise
// settles only after the shared COMMIT, so nothing is acknowledged that a crash could lose.
// Optimistic: if any record of a group fails, the group rolls back and each of its records runs
// again in a transaction of its own, so one bad record fails alone (ADR 006).
import type { Ctx } from '../../context.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import type { Db } from '../../db/types.ts';

type Work<T> = (tx: Ctx) => Promise<T>;

interface Pending {
  ctx: Ctx;
  work: Work<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Most records per shared transaction: bounds how long one commit keeps the others waiting. */
export const MAX_GROUP = 256;

export interface GroupStats {
  /** Shared transactions committed with more than one record. */
  groups: number;
  /** Records committed through a shared transaction. */
  grouped: number;
  /** Records that ran alone (a lone arrival, or the retry after a failed group). */
  alone: number;
}

export class GroupCommit {
  private queue: Pending[] = [];
  private running = false;
  readonly stats: GroupStats = { groups: 0, grouped: 0, alone: 0 };

  constructor(private readonly db: Db) {}

  run<T>(ctx: Ctx, work: Work<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ ctx, work: work as Work<unknown>, resolve: resolve as (v: unknown) => void, reject });
      if (!this.running) {
        this.running = true;
        // Let requests that are already parsed join this group before it starts.
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) await this.commitGroup(this.queue.splice(0, MAX_GROUP));
    } finally {
      this.running = false;
    }
  }

  private async commitGroup(group: Pending[]): Promise<void> {
    if (group.length > 1) {
      try {
        const values = await this.db.transaction().execute(async (trx) => {
          const done: unknown[] = [];
          for (const item of group) done.push(await item.work({ ...item.ctx, db: trx }));
          return done;
        });
        this.stats.groups += 1;
        this.stats.grouped += group.length;
        group.forEach((item, i) => item.resolve(values[i]));
        return;
      } catch {
        // Some record failed (or the commit did): nothing of the group is stored. Fall through
        // and give every record its own transaction, so only the failing one fails.
      }
    }
    for (const item of group) {
      try {
        item.resolve(await this.runAlone(item));
      } catch (error) {
        item.reject(error);
      }
    }
  }

  private async runAlone(item: Pending): Promise<unknown> {
    this.stats.alone += 1;
    const once = () => this.db.transaction().execute((trx) => item.work({ ...item.ctx, db: trx }));
    try {
      return await once();
    } catch (error) {
      // A concurrent writer stored the same key or source id first: the replay finds it.
      if (isUniqueViolation(error)) return once();
      throw error;
    }
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
