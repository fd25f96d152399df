// The WAL checkpointer thread. SQLite only by nature: PostgreSQL has no WAL file for us to
// checkpoint (the server does its own), so the one PostgreSQL case only checks that nothing
// starts there. Real database files in temp dirs, a real worker thread.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { endianness, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testDialects, createTestDb } from '../../tests/support/db.ts';
import { loadConfig } from '../config.ts';
import { startClientLoop } from '../main.ts';
import { startWalCheckpointer, type WalCheckpointer } from './checkpointer.ts';
import { createDb, openSqlite, type DbHandle } from './create-db.ts';

const ROW_BYTES = 200;
/** One WAL frame: a 4 KiB page and its 24-byte header. */
const FRAME_BYTES = 4096 + 24;

let handle: DbHandle | undefined;
let checkpointer: WalCheckpointer | undefined;

afterEach(async () => {
  await checkpointer?.stop();
  await handle?.close();
  checkpointer = handle = undefined;
});

function tempPath(): string {
  return join(mkdtempSync(join(tmpdir(), 'cl-ckpt-')), 'clientloop.db');
}

/** A file database with one table of ~200-byte rows, committing like intake (synchronous=NORMAL). */
function openRowsDb(path: string): Database.Database {
  handle = createDb(`sqlite:${path}`);
  const raw = handle.sqlite!;
  raw.exec('create table rows (id integer primary key, body text not null)');
  raw.pragma('synchronous = NORMAL');
  return raw;
}

interface WriteOptions {
  rows: number;
  perTransaction: number;
  /** Every this many transactions, await pause(); otherwise only yield to the event loop. */
  pauseEvery?: number;
  pause?: () => Promise<void>;
}

/** Resolves once the wal-index shows every WAL frame copied into the database (the -shm file's
 * header: mxFrame at byte 16, nBackfill at byte 96, native byte order; sqlite.org/walformat.html). */
async function walCopied(raw: Database.Database): Promise<void> {
  await vi.waitFor(
    () => {
      const header = readFileSync(`${raw.name}-shm`).subarray(0, 136);
      const u32 = (o: number) =>
        endianness() === 'LE' ? header.readUInt32LE(o) : header.readUInt32BE(o);
      expect(header.subarray(0, 48).equals(header.subarray(48, 96))).toBe(true);
      expect(u32(96)).toBe(u32(16));
    },
    { timeout: 20_000, interval: 2 },
  );
}

/** Many small transactions from the main connection; returns the largest WAL file size seen. */
async function writeRows(raw: Database.Database, opts: WriteOptions): Promise<number> {
  const insert = raw.prepare('insert into rows (body) values (?)');
  const writeSome = raw.transaction((from: number) => {
    for (let i = from; i < from + opts.perTransaction; i++)
      insert.run(`${i} `.padEnd(ROW_BYTES, 'x'));
  });
  let maxWal = 0;
  for (let n = 0, tx = 1; n < opts.rows; n += opts.perTransaction, tx++) {
    writeSome(n);
    maxWal = Math.max(maxWal, statSync(`${raw.name}-wal`).size);
    if (opts.pauseEvery && tx % opts.pauseEvery === 0) await opts.pause?.();
    else await new Promise((resolve) => setImmediate(resolve));
  }
  return maxWal;
}

const autocheckpoint = (raw: Database.Database) =>
  raw.pragma('wal_autocheckpoint', { simple: true });

describe('startWalCheckpointer', () => {
  it('backfills the WAL from its own thread while the main connection keeps a safety net', async () => {
    const raw = openRowsDb(tempPath());
    checkpointer = startWalCheckpointer(handle!, { intervalMs: 10, minFrames: 64 });
    expect(autocheckpoint(raw)).toBe(8192);

    await writeRows(raw, {
      rows: 5_000,
      perTransaction: 5,
      pauseEvery: 50,
      pause: () => sleep(20),
    });
    await vi.waitFor(async () =>
      expect((await checkpointer!.refreshStats()).framesBackfilled).toBeGreaterThan(0),
    );

    const stats = checkpointer!.stats();
    expect(stats).toMatchObject({ running: true });
    expect(stats.checkpoints).toBeGreaterThan(0);
    expect(stats.error).toBeUndefined();
    expect(autocheckpoint(raw)).toBe(8192);
  });

  it('restarts the WAL by itself when writes pause until a checkpoint has copied everything', async () => {
    // Safety net out of the way: only the thread checkpoints. The WAL is reused from its start
    // only by a write that begins after a checkpoint copied everything, so each pause lasts until
    // the wal-index says so (not a fixed sleep, which a slow machine could outrun).
    const raw = openRowsDb(tempPath());
    checkpointer = startWalCheckpointer(handle!, {
      intervalMs: 10,
      minFrames: 64,
      safetyNetPages: 1_000_000,
    });
    const rows = 100_000; // ~20 MB of rows, ~45 MB of WAL frames
    const maxWal = await writeRows(raw, {
      rows,
      perTransaction: 50,
      pauseEvery: 25,
      pause: () => walCopied(raw),
    });

    const stats = await checkpointer!.refreshStats();
    expect(stats.framesBackfilled * FRAME_BYTES).toBeGreaterThan(rows * ROW_BYTES);
    // One burst of 25 transactions at most, never the ~45 MB the writes add up to.
    expect(maxWal).toBeLessThan((rows * ROW_BYTES) / 2.5);
  });

  it('bounds the WAL by the safety net when the thread falls behind', async () => {
    // The thread falling behind a writer (commits arriving during every checkpoint) is played
    // by a thread whose first tick comes after the test: how far behind a real thread falls
    // depends on the machine (bench/ territory). The main connection's own checkpoint, once the
    // WAL holds safetyNetPages frames, copies it all and the next write restarts the WAL.
    const raw = openRowsDb(tempPath());
    const safetyNetPages = 1024; // ~4 MB
    checkpointer = startWalCheckpointer(handle!, {
      intervalMs: 600_000,
      minFrames: 64,
      safetyNetPages,
    });
    const rows = 100_000;
    const maxWal = await writeRows(raw, { rows, perTransaction: 50 });

    expect((await checkpointer!.refreshStats()).checkpoints).toBe(0);
    expect(maxWal).toBeGreaterThanOrEqual(safetyNetPages * FRAME_BYTES);
    // The net plus one transaction's frames, far under the ~45 MB of frames this writes.
    expect(maxWal).toBeLessThan((safetyNetPages + 64) * FRAME_BYTES + 32);
  });

  it('restores autocheckpoint on stop and leaves every row in the file', async () => {
    const path = tempPath();
    const raw = openRowsDb(path);
    checkpointer = startWalCheckpointer(handle!, { intervalMs: 10, minFrames: 16 });
    await writeRows(raw, { rows: 3_000, perTransaction: 10 });
    await checkpointer!.stop();
    expect(checkpointer!.stats().running).toBe(false);
    expect(autocheckpoint(raw)).toBe(1000);
    await handle!.close();
    handle = undefined;

    const fresh = openSqlite(path);
    try {
      expect(fresh.prepare('select count(*) as n from rows').get()).toEqual({ n: 3_000 });
      expect(fresh.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      fresh.close();
    }
  });

  it('falls back to SQLite’s own checkpoints when the thread fails', async () => {
    const path = tempPath();
    const raw = openRowsDb(path);
    const warnings: object[] = [];
    // The main connection keeps the unlinked file open; the thread cannot open it by name.
    unlinkSync(path);
    checkpointer = startWalCheckpointer(handle!, {
      intervalMs: 10,
      log: { warn: (obj) => warnings.push(obj) },
    });
    expect(autocheckpoint(raw)).toBe(8192);

    await vi.waitFor(() => expect(checkpointer!.stats().running).toBe(false));
    expect(checkpointer!.stats().error).toBe('unable to open database file (SQLITE_CANTOPEN)');
    expect(autocheckpoint(raw)).toBe(1000);
    expect(warnings).toEqual([{ err: checkpointer!.stats().error }]);
    await checkpointer!.stop();
  });

  it('does not keep the process alive on its own', async () => {
    const path = tempPath();
    await createDb(`sqlite:${path}`).close();
    // A script file, not `node -e`: a thread inherits the parent's flags, and `--input-type`
    // (needed with -e) stops a thread from starting at all, which once made this test pass
    // with no thread running.
    const script = join(mkdtempSync(join(tmpdir(), 'cl-alive-')), 'alive.mjs');
    const moduleUrl = (file: string) => pathToFileURL(join(process.cwd(), file)).href;
    writeFileSync(
      script,
      `import { createDb } from '${moduleUrl('server/db/create-db.ts')}';
      import { startWalCheckpointer } from '${moduleUrl('server/db/checkpointer.ts')}';
      const c = startWalCheckpointer(createDb('sqlite:' + process.argv[2]), { intervalMs: 10 });
      // The thread answers, so it runs; then nothing but the thread is left.
      const stats = await c.refreshStats();
      console.log(JSON.stringify({ running: stats.running, ticks: stats.ticks, error: stats.error ?? null }));`,
    );
    const child = spawnSync(process.execPath, ['--import', 'tsx', script, path], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(child.signal).toBeNull(); // not killed by the timeout
    const stats = JSON.parse(child.stdout.trim()) as {
      running: boolean;
      ticks: number;
      error: string | null;
    };
    expect(stats).toMatchObject({ running: true, error: null });
    expect(child.status).toBe(0);
  });

  it('starts nothing for an in-memory database', () => {
    handle = createDb('sqlite::memory:');
    expect(startWalCheckpointer(handle)).toBeUndefined();
    expect(autocheckpoint(handle.sqlite!)).toBe(1000);
  });

  it.runIf(testDialects().includes('postgres'))('starts nothing on PostgreSQL', async () => {
    const pg = await createTestDb('postgres', { migrate: false });
    try {
      expect(startWalCheckpointer(pg)).toBeUndefined();
    } finally {
      await pg.drop();
    }
  });
});

describe('startClientLoop on a SQLite file', () => {
  it('runs the checkpointer and stops it before closing the database', async () => {
    const path = tempPath();
    const running = await startClientLoop(
      loadConfig({ DATABASE_URL: `sqlite:${path}`, SERVICES: 'worker', LOG_LEVEL: 'silent' }),
    );
    expect(autocheckpoint(running.deps.dbHandle.sqlite!)).toBe(8192);
    await running.stop();
    // The main connection closed last, so SQLite checkpointed and removed the WAL: the thread's
    // connection was already closed.
    expect(existsSync(`${path}-wal`)).toBe(false);
  });
});
