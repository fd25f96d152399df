// An in-memory token bucket per key (remote address, sender): enough to stop one sender from
// flooding a single process. Pure apart from the clock it is given.

export interface TokenBuckets {
  /** Takes one token for `key`; false when the bucket is empty. */
  take(key: string): boolean;
}

export function createTokenBuckets(opts: {
  capacity: number;
  refillPerMinute: number;
  now?: () => number;
  maxKeys?: number;
}): TokenBuckets {
  const now = opts.now ?? Date.now;
  const maxKeys = opts.maxKeys ?? 10_000;
  const perMs = opts.refillPerMinute / 60_000;
  const buckets = new Map<string, { tokens: number; at: number }>();

  const level = (b: { tokens: number; at: number }, t: number) =>
    Math.min(opts.capacity, b.tokens + (t - b.at) * perMs);

  // Full buckets carry no information, so they are what gets dropped when the map grows.
  function prune(t: number): void {
    for (const [key, b] of buckets) if (level(b, t) >= opts.capacity) buckets.delete(key);
  }

  return {
    take(key) {
      const t = now();
      if (buckets.size >= maxKeys && !buckets.has(key)) prune(t);
      const b = buckets.get(key) ?? { tokens: opts.capacity, at: t };
      const tokens = level(b, t);
      if (tokens < 1) {
        buckets.set(key, { tokens, at: t });
        return false;
      }
      buckets.set(key, { tokens: tokens - 1, at: t });
      return true;
    },
  };
}
