// SQLite only: how a transaction takes the write lock is a property of SQLite's file locking
// (PostgreSQL has row locks and no such failure). Two connections to one file stand for two
// processes: the app's handle, and a bare connection that writes without waiting.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createDb, type DbHandle } from './create-db.ts';

describe('SQLite transactions begin immediate', () => {
  let dir: string;
  let handle: DbHandle | undefined;
  let other: Database.Database | undefined;
  afterEach(async () => {
    other?.close();
    await handle?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a read-then-write transaction commits although another process tried to write meanwhile', async () => {
    dir = mkdtempSync(join(tmpdir(), 'cl-immediate-'));
    const path = join(dir, 'a.db');
    handle = createDb(`sqlite:${path}`);
    await sql`create table t (n integer)`.execute(handle.db);
    await sql`insert into t values (1)`.execute(handle.db);
    other = new Database(path);
    other.pragma('busy_timeout = 0');

    let otherWrite = 'committed';
    await handle.db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ n: number }>`select count(*) as n from t`.execute(trx);
      expect(rows[0]!.n).toBe(1);
      // Another process writes between our read and our write. With a deferred BEGIN it would
      // commit, and our write would then fail with SQLITE_BUSY (stale snapshot); with BEGIN
      // IMMEDIATE we hold the write lock, so it is the other writer that must wait.
      try {
        other!.prepare('insert into t values (2)').run();
      } catch (err) {
        otherWrite = (err as { code?: string }).code ?? String(err);
      }
      await sql`insert into t values (3)`.execute(trx);
    });

    expect(otherWrite).toBe('SQLITE_BUSY');
    const { rows } = await sql<{ n: number }>`select n from t order by n`.execute(handle.db);
    expect(rows.map((r) => r.n)).toEqual([1, 3]);
  });
});
