// UUIDv7 (RFC 9562): time-ordered ids made in the app, so both dialects sort rows by creation.
import { randomBytes } from 'node:crypto';

// Random bytes drawn in blocks: one system call per 256 ids instead of one per id, and copied
// into the caller's scratch buffer rather than a new Buffer per id (intake makes two per record).
const POOL_SIZE = 4096;
let pool = Buffer.alloc(0);
let poolOffset = POOL_SIZE;

/** Fills target[0..n) with fresh random bytes from the pool. */
export function randomInto(target: Buffer, n: number = target.length): Buffer {
  if (poolOffset + n > pool.length) {
    pool = randomBytes(POOL_SIZE);
    poolOffset = 0;
  }
  pool.copy(target, 0, poolOffset, poolOffset + n);
  poolOffset += n;
  return target;
}

const idBytes = Buffer.alloc(16);

let lastMs = 0;
let seq = 0;

export function newId(nowMs: number = Date.now()): string {
  // A 12-bit counter in rand_a keeps ids made within one millisecond ordered.
  if (nowMs <= lastMs) {
    seq = (seq + 1) & 0xfff;
    if (seq === 0) lastMs += 1;
    nowMs = lastMs;
  } else {
    lastMs = nowMs;
    seq = 0;
  }
  const b = randomInto(idBytes);
  b.writeUIntBE(nowMs, 0, 6);
  b[6] = 0x70 | (seq >> 8);
  b[7] = seq & 0xff;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(s: string): boolean {
  return UUID_RE.test(s);
}
