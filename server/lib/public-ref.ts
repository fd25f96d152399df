// Public references like CL-7K3M9QX2TB: short enough to read aloud, unguessable, so status pages
// cannot be enumerated.
//
// A feedback record's reference is its number (a counter, 1, 2, 3 …) run through a keyed
// permutation of the 50-bit numbers: a balanced Feistel network with AES-128 as round function,
// in the manner of NIST SP 800-38G's FF1 (10 rounds). Without the key, references look as random
// as 50 random bits and say nothing about each other or about volume. The point of the number:
// the unique index is kept on it, and consecutive numbers append at the index's right edge. A
// random reference as index key dirtied one random index page per record, written whole to the
// WAL at every commit: ~13 % of single-record intake throughput on SQLite (issue 6,
// docs/BENCHMARKS.md). The key lives in the database (migration 0009), so references stay valid
// across restarts and moves; records stored before keep their random references.
import { createCipheriv, type Cipher } from 'node:crypto';
import { randomInto } from './ids.ts';

// No 0/O, 1/I: references are read aloud on the phone and typed from paper.
export const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const CHAR_VALUE = new Map([...ALPHABET].map((c, i) => [c, i]));

export const PUBLIC_REF_RE = /^CL-[A-HJ-NP-Z2-9]{10}$/;

const HALF_BITS = 25;
const HALF = 2 ** HALF_BITS;
const HALF_MASK = HALF - 1;
const ROUNDS = 10;

const refBytes = Buffer.alloc(10);

/** A random reference (cases opened by hand; records stored before migration 0009). */
export function newPublicRef(): string {
  const bytes = randomInto(refBytes);
  let out = '';
  for (const b of bytes) out += ALPHABET[b & 31];
  return `CL-${out}`;
}

function encode50(n: number): string {
  let out = '';
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[n % 32]! + out;
    n = Math.floor(n / 32);
  }
  return `CL-${out}`;
}

function decode50(ref: string): number | undefined {
  if (!PUBLIC_REF_RE.test(ref)) return undefined;
  let n = 0;
  for (let i = 3; i < 13; i++) n = n * 32 + CHAR_VALUE.get(ref[i]!)!;
  return n;
}

/** The keyed permutation of record numbers and references. One per key; cheap to keep. */
export class RefCipher {
  private readonly aes: Cipher;
  private readonly block = Buffer.alloc(16);

  constructor(keyHex: string) {
    const key = Buffer.from(keyHex, 'hex');
    if (key.length !== 16) throw new Error('RefCipher needs a 128-bit key');
    // ECB over single blocks is AES as a plain block function, which is all a Feistel round needs.
    this.aes = createCipheriv('aes-128-ecb', key, null).setAutoPadding(false);
  }

  /** Round function: 25 bits of AES(key, round ‖ half). */
  private round(i: number, half: number): number {
    this.block.fill(0);
    this.block[0] = i;
    this.block.writeUInt32BE(half, 1);
    return this.aes.update(this.block).readUInt32BE(0) & HALF_MASK;
  }

  /** The reference of record number n (1 ≤ n < 2^50). */
  refOf(n: number): string {
    if (!Number.isSafeInteger(n) || n < 1 || n >= HALF * HALF)
      throw new Error(`Record number out of range: ${n}`);
    let left = Math.floor(n / HALF);
    let right = n % HALF;
    for (let i = 0; i < ROUNDS; i++) [left, right] = [right, (left ^ this.round(i, right)) >>> 0];
    return encode50(left * HALF + right);
  }

  /**
   * The references of many record numbers: each round runs AES over all of them in one call
   * (1 000 references: 10 calls instead of 10 000).
   */
  refsOf(ns: readonly number[]): string[] {
    const left = new Array<number>(ns.length);
    const right = new Array<number>(ns.length);
    ns.forEach((n, k) => {
      if (!Number.isSafeInteger(n) || n < 1 || n >= HALF * HALF)
        throw new Error(`Record number out of range: ${n}`);
      left[k] = Math.floor(n / HALF);
      right[k] = n % HALF;
    });
    const blocks = Buffer.alloc(16 * ns.length);
    for (let i = 0; i < ROUNDS; i++) {
      blocks.fill(0);
      for (let k = 0; k < ns.length; k++) {
        blocks[16 * k] = i;
        blocks.writeUInt32BE(right[k]!, 16 * k + 1);
      }
      const out = this.aes.update(blocks);
      for (let k = 0; k < ns.length; k++) {
        const next = (left[k]! ^ (out.readUInt32BE(16 * k) & HALF_MASK)) >>> 0;
        left[k] = right[k]!;
        right[k] = next;
      }
    }
    return ns.map((_, k) => encode50(left[k]! * HALF + right[k]!));
  }

  /** The record number behind a reference, or undefined when it is not one of this form. */
  numberOf(ref: string): number | undefined {
    const c = decode50(ref);
    if (c === undefined) return undefined;
    let left = Math.floor(c / HALF);
    let right = c % HALF;
    for (let i = ROUNDS - 1; i >= 0; i--)
      [left, right] = [(right ^ this.round(i, left)) >>> 0, left];
    const n = left * HALF + right;
    return n >= 1 ? n : undefined;
  }
}

const ciphers = new Map<string, RefCipher>();

/** The cipher of a key, kept per key (a process serves one database; tests many). */
export function refCipher(keyHex: string): RefCipher {
  let c = ciphers.get(keyHex);
  if (!c) {
    if (ciphers.size >= 64) ciphers.clear();
    c = new RefCipher(keyHex);
    ciphers.set(keyHex, c);
  }
  return c;
}

/**
 * The unique lookup key stored for a numbered reference: 'N' and the number, zero-padded so keys
 * sort by number, after every random reference ('CL-…'), at the index's right edge.
 */
export function refKeyOf(n: number): string {
  return `N${String(n).padStart(16, '0')}`;
}
