// Intake authenticates every request; a short-lived in-process cache of verified keys saves a
// query per request. One cache per database handle (a process may hold several, e.g. in tests).
// Revoking a key in this process forgets it at once; other processes stop accepting it within
// TTL_MS (README, ADR 003).
import type { Actor } from '../../lib/permissions.ts';

export const TTL_MS = 5_000;
const MAX_ENTRIES = 1_000;
type Entries = Map<string, { actor: Actor; until: number }>;
const caches = new WeakMap<object, Entries>();
const all = new Set<WeakRef<Entries>>();

function entriesOf(db: object): Entries {
  let entries = caches.get(db);
  if (!entries) {
    entries = new Map();
    caches.set(db, entries);
    all.add(new WeakRef(entries));
  }
  return entries;
}

export function cachedKey(db: object, hash: string, nowMs: number): Actor | undefined {
  const entries = entriesOf(db);
  const hit = entries.get(hash);
  if (!hit) return undefined;
  if (hit.until <= nowMs) {
    entries.delete(hash);
    return undefined;
  }
  return hit.actor;
}

export function rememberKey(
  db: object,
  hash: string,
  actor: Actor,
  nowMs: number,
  expiresAt?: string | null,
): void {
  const entries = entriesOf(db);
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  // Never past the key's expiry: an expired key is read again and refused.
  const until = Math.min(nowMs + TTL_MS, expiresAt ? Date.parse(expiresAt) : Infinity);
  entries.set(hash, { actor, until });
}

/** Forgets revoked keys (or keys whose creator changed) everywhere in this process. */
export function forgetKeys(keyIds: readonly string[]): void {
  for (const id of keyIds) forgetKey(id);
}

/** Forgets a revoked key everywhere in this process (the revoking transaction's db handle is not the cache's). */
export function forgetKey(keyId: string): void {
  for (const ref of all) {
    const entries = ref.deref();
    if (!entries) {
      all.delete(ref);
      continue;
    }
    for (const [hash, entry] of entries) if (entry.actor.id === keyId) entries.delete(hash);
  }
}
