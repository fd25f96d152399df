// Intake authenticates every request; a short-lived in-process cache of verified keys saves a
// query per request. Revoking a key in this process forgets it at once; other processes stop
// accepting it within TTL_MS (documented in README, ADR 003).
import type { Actor } from '../../lib/permissions.ts';

export const TTL_MS = 5_000;
const MAX_ENTRIES = 1_000;
const entries = new Map<string, { actor: Actor; until: number }>();

export function cachedKey(hash: string, nowMs: number): Actor | undefined {
  const hit = entries.get(hash);
  if (!hit) return undefined;
  if (hit.until <= nowMs) {
    entries.delete(hash);
    return undefined;
  }
  return hit.actor;
}

export function rememberKey(hash: string, actor: Actor, nowMs: number): void {
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  entries.set(hash, { actor, until: nowMs + TTL_MS });
}

export function forgetKey(keyId: string): void {
  for (const [hash, entry] of entries) if (entry.actor.id === keyId) entries.delete(hash);
}
