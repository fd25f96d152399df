// Suggested opportunities (pure): the products a client's peers bought in the last 12 months
// and the client never bought, ranked by the share of peers buying (ties: the higher estimate,
// then the name), each estimated at the median 12-month spend of the peers who bought it. A peer "bought" a product when its net spend on it in the window is positive.

export interface PeerSpend {
  clientId: string;
  product: string;
  spendMinor: number;
}

export interface Suggestion {
  product: string;
  peerShare: number;
  peersBuying: number;
  peers: number;
  estimatedMinor: number;
}

/** The median of a non-empty list; of an even count, the mean of the middle two, rounded. */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : Math.round((s[mid - 1]! + s[mid]!) / 2);
}

export function suggestProducts(input: {
  /** The peers, without the client itself. */
  peerIds: readonly string[];
  spend: readonly PeerSpend[];
  /** Everything the client bought, ever; compared as written, without case. */
  clientProducts: readonly string[];
  /** Products already on one of the client's open or won opportunities. */
  alreadyPlanned?: readonly string[];
  limit?: number;
}): Suggestion[] {
  const peers = new Set(input.peerIds);
  if (peers.size === 0) return [];
  const fold = (p: string) => p.trim().toLocaleLowerCase('ru');
  const skip = new Set([...input.clientProducts, ...(input.alreadyPlanned ?? [])].map(fold));
  const byProduct = new Map<string, { name: string; spend: Map<string, number> }>();
  for (const r of input.spend) {
    if (!peers.has(r.clientId) || skip.has(fold(r.product))) continue;
    const key = fold(r.product);
    const entry = byProduct.get(key) ?? { name: r.product, spend: new Map<string, number>() };
    entry.spend.set(r.clientId, (entry.spend.get(r.clientId) ?? 0) + r.spendMinor);
    byProduct.set(key, entry);
  }
  const out: Suggestion[] = [];
  for (const { name, spend } of byProduct.values()) {
    const buying = [...spend.values()].filter((v) => v > 0);
    if (buying.length === 0) continue;
    out.push({
      product: name,
      peerShare: buying.length / peers.size,
      peersBuying: buying.length,
      peers: peers.size,
      estimatedMinor: median(buying),
    });
  }
  out.sort(
    (a, b) =>
      b.peerShare - a.peerShare ||
      b.estimatedMinor - a.estimatedMinor ||
      a.product.localeCompare(b.product),
  );
  return out.slice(0, input.limit ?? 10);
}
