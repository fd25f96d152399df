// The WAL checkpointer thread (ADR 006, "Checkpoints"). Plain JavaScript: worker threads do not
// inherit tsx's or vitest's TypeScript loader, so this file must run as it is under all three.
//
// workerData: { path, intervalMs, minFrames }. Every intervalMs, when the WAL holds at least
// minFrames frames not yet copied into the database file (or any, after a tick with no commit),
// run a PASSIVE checkpoint on this thread's own connection. PASSIVE never blocks writers or
// readers and never calls the busy handler: if another checkpoint is running it reports busy and
// we try again next tick.
//
// Messages in: 'stats' (answer with { type: 'stats', stats }), 'stop' (close the connection,
// answer { type: 'stopped', stats }, let the thread end). Anything else, and any database error,
// is thrown: the thread dies and the parent falls back to SQLite's own autocheckpoint.
import { closeSync, openSync, readSync } from 'node:fs';
import { endianness } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const { path, intervalMs, minFrames } = workerData;

// Errors leave a thread structured-cloned, and a SqliteError arrives as { code } alone, its
// message lost: rethrow them as plain Errors that keep both.
function plainError(err) {
  return new Error(err?.code ? `${err.message} (${err.code})` : String(err?.message ?? err));
}
function guarded(fn) {
  return (...args) => {
    try {
      return fn(...args);
    } catch (err) {
      throw plainError(err);
    }
  };
}

const db = guarded(() => new Database(path, { fileMustExist: true }))();
// A checkpoint copies WAL frames into the database file, after which the next writer may start
// overwriting the WAL from its beginning. With synchronous=NORMAL or FULL SQLite fsyncs the WAL
// before copying (intake commits with NORMAL and syncs the WAL itself, maybe not yet) and the
// database file before recording the frames as backfilled, so a power loss never finds the WAL
// reused while the copied pages are only in the page cache. OFF would skip both syncs. FULL
// matches every other connection (ADR 002); for a connection that only checkpoints, NORMAL
// behaves the same.
db.pragma('synchronous = FULL');
// This connection never writes, so it must never run a checkpoint of its own on commit.
db.pragma('wal_autocheckpoint = 0');

const stats = {
  checkpoints: 0,
  framesBackfilled: 0,
  busy: 0,
  ticks: 0,
  checkpointMs: 0,
  lastCheckpointAt: null,
};

// How many frames wait to be checkpointed, read from the wal-index header in the -shm file
// (format: sqlite.org/walformat.html §2.2; native byte order, two copies that agree when no
// writer is updating them). One 136-byte pread from the page cache, no SQLite lock taken.
// Cheaper and more exact than the alternatives: the -wal file's size is its high-water mark and
// stays put after the WAL restarts, so it cannot tell new frames from old; running PASSIVE
// unconditionally would backfill (and fsync twice) whatever is there, ignoring minFrames.
// Returns undefined when the header cannot be trusted; the caller then just checkpoints.
const shmPath = `${path}-shm`;
const header = Buffer.alloc(136);
const readU32 =
  endianness() === 'LE' ? (o) => header.readUInt32LE(o) : (o) => header.readUInt32BE(o);
let shmFd;

function pendingFrames() {
  try {
    shmFd ??= openSync(shmPath, 'r');
    if (readSync(shmFd, header, 0, header.length, 0) < header.length) return undefined;
  } catch {
    return undefined;
  }
  const copiesAgree = header.subarray(0, 48).equals(header.subarray(48, 96));
  if (!copiesAgree || header[12] !== 1 || readU32(0) !== 3007000) return undefined;
  const mxFrame = readU32(16);
  const nBackfill = readU32(96);
  return { mxFrame, nBackfill, waiting: Math.max(0, mxFrame - nBackfill) };
}

// The WAL restarts from its beginning (instead of growing) only when a write begins after a
// checkpoint has copied every frame, and a checkpoint that overlaps a commit misses that commit's
// frames. So besides checkpointing every minFrames, use a quiet moment: when nothing was
// committed since the last tick, copy the tail too, however short.
let lastMxFrame = -1;

function worthCheckpointing(wal) {
  const quiet = wal.mxFrame === lastMxFrame;
  lastMxFrame = wal.mxFrame;
  return wal.waiting >= Math.max(1, minFrames) || (quiet && wal.waiting > 0);
}

function tick() {
  stats.ticks += 1;
  const before = pendingFrames();
  if (before && !worthCheckpointing(before)) return;
  const started = performance.now();
  const [result] = db.pragma('wal_checkpoint(PASSIVE)');
  stats.checkpointMs += performance.now() - started;
  if (result.busy) {
    stats.busy += 1;
    return;
  }
  // `checkpointed` counts from the start of the current WAL generation; without a trusted
  // header we only know the total, which overcounts when several ticks share a generation.
  const backfilled = result.checkpointed - (before?.nBackfill ?? 0);
  if (backfilled <= 0) return;
  stats.checkpoints += 1;
  stats.framesBackfilled += backfilled;
  stats.lastCheckpointAt = new Date().toISOString();
  parentPort.postMessage({ type: 'stats', stats });
}

// An error thrown here ends the thread; the parent reports it in its stats.
const timer = setInterval(guarded(tick), intervalMs);

parentPort.on(
  'message',
  guarded((msg) => {
    if (msg === 'stats') return parentPort.postMessage({ type: 'stats', stats });
    if (msg === 'stop') {
      clearInterval(timer);
      if (shmFd !== undefined) closeSync(shmFd);
      // Not the last connection (the main one is still open), so closing neither checkpoints nor
      // deletes the WAL.
      db.close();
      parentPort.postMessage({ type: 'stopped', stats });
      parentPort.close();
      return;
    }
    throw new Error(`checkpoint worker: unknown message ${JSON.stringify(msg)}`);
  }),
);
