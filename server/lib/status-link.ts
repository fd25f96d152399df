// Status-page links carry ≥ 96 bits (issue 19). A reference (CL-7K3M9QX2TB) has 50 bits: enough
// to read aloud, too few to keep status pages from being enumerated. The link therefore adds a
// tag, 20 characters (100 bits) of HMAC-SHA256(key, reference): /status/CL-7K3M9QX2TB-<tag>.
// The page shows the short reference; the link without a tag opens only records that existed
// before migration 0040 (table legacy_status_refs), so old e-mails keep working.
//
// Keys: by default the random instance key 'status_link_key' (migration 0040, part of a backup).
// STATUS_LINK_KEYS (comma-separated, each ≥ 32 characters; `stored` names the instance key)
// replaces it: the first key signs new links, every key listed opens them. Rotation: set
// `STATUS_LINK_KEYS=<new>,stored`, and once the old links may die, `STATUS_LINK_KEYS=<new>`.
//
// The keys are read once at start (loadStatusLinkKeys) and kept per Config, so building a link
// stays synchronous.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Config } from '../config.ts';
import type { DbOrTrx } from '../db/types.ts';
import { ALPHABET, PUBLIC_REF_RE } from './public-ref.ts';

export const STATUS_LINK_KEY = 'status_link_key';
const TAG_CHARS = 20;
const LINK_RE = /^(CL-[A-HJ-NP-Z2-9]{10})(?:-([A-HJ-NP-Z2-9]{20}))?$/;

const rings = new WeakMap<object, readonly Buffer[]>();

/** Reads the instance key and STATUS_LINK_KEYS; call once at start, after the migrations. */
export async function loadStatusLinkKeys(deps: { config: Config; db: DbOrTrx }): Promise<void> {
  const row = await deps.db
    .selectFrom('instance_settings')
    .select('value')
    .where('key', '=', STATUS_LINK_KEY)
    .executeTakeFirst();
  const named = deps.config.security.statusLinkKeys;
  const keys = (named.length ? named : ['stored']).map((k) => {
    if (k !== 'stored') return Buffer.from(k, 'utf8');
    if (!row) throw new Error(`instance setting ${STATUS_LINK_KEY} is missing: run the migrations`);
    return Buffer.from(row.value, 'hex');
  });
  rings.set(deps.config, keys);
}

function ringOf(config: object): readonly Buffer[] {
  const ring = rings.get(config);
  if (!ring) throw new Error('status link keys are not loaded (loadStatusLinkKeys at start)');
  return ring;
}

function tagOf(key: Buffer, ref: string): string {
  const mac = createHmac('sha256', key).update(`status:${ref}`).digest();
  let out = '';
  // 5 bits a character from the first 13 bytes (100 of their 104 bits).
  for (let i = 0; i < TAG_CHARS; i++) {
    const bit = i * 5;
    const pair = (mac[bit >> 3]! << 8) | mac[(bit >> 3) + 1]!;
    out += ALPHABET[(pair >> (11 - (bit & 7))) & 31];
  }
  return out;
}

/** The path segment of a reference's status page: the reference and its tag. */
export function statusLinkOf(config: object, ref: string): string {
  if (!PUBLIC_REF_RE.test(ref)) return ref;
  return `${ref}-${tagOf(ringOf(config)[0]!, ref)}`;
}

/**
 * The reference a link segment opens: a tagged link whose tag one of the keys made, or a bare
 * reference (`legacy: true`, to be checked against legacy_status_refs by the caller).
 */
export function parseStatusLink(
  config: object,
  segment: string,
): { ref: string; legacy: boolean } | undefined {
  const m = LINK_RE.exec(segment);
  if (!m) return undefined;
  const ref = m[1]!;
  if (!m[2]) return { ref, legacy: true };
  const given = Buffer.from(m[2]);
  for (const key of ringOf(config))
    if (timingSafeEqual(Buffer.from(tagOf(key, ref)), given)) return { ref, legacy: false };
  return undefined;
}
