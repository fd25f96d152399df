// Who counts as "similar clients" for suggestions. Until the portfolio module places clients in
// its 3×3 matrix, the peers are the other clients of the same segment (a client without a
// segment has no peers, so gets no suggestions). The portfolio module plugs in its cell with
// registerPeerGroup (the highest priority wins), without this module importing it.
import type { OrgScope } from '../../context.ts';
import { clientIdsWhere } from '../clients/index.ts';

export interface PeerGroup {
  /** `segment` by default; e.g. `portfolio_cell` once the portfolio module registers. */
  kind: string;
  /** What the group is, for people (the segment's name, the cell's name); null when none. */
  label: string | null;
  /** The peers, without the client itself. */
  clientIds: string[];
}

export interface PeerGroupSource {
  name: string;
  priority: number;
  /** null: no group for this client here (e.g. not placed in the matrix yet) — ask the next. */
  peersOf(s: OrgScope, client: { id: string; segment: string | null }): Promise<PeerGroup | null>;
}

export const segmentPeers: PeerGroupSource = {
  name: 'segment',
  priority: 0,
  async peersOf(s, client) {
    if (!client.segment) return { kind: 'segment', label: null, clientIds: [] };
    const ids = await clientIdsWhere(s, { segment: client.segment });
    return {
      kind: 'segment',
      label: client.segment,
      clientIds: ids.filter((id) => id !== client.id),
    };
  },
};

const sources = new Map<string, PeerGroupSource>([[segmentPeers.name, segmentPeers]]);

/** Registers (or replaces, by name) a peer-group source; the highest priority is used. */
export function registerPeerGroup(source: PeerGroupSource): void {
  sources.set(source.name, source);
}

/** For tests: back to the segment default. */
export function unregisterPeerGroup(name: string): void {
  if (name !== segmentPeers.name) sources.delete(name);
}

/** The client's peers by the highest-priority source that has a group for it. */
export async function peersOf(
  s: OrgScope,
  client: { id: string; segment: string | null },
): Promise<PeerGroup> {
  for (const source of [...sources.values()].sort((a, b) => b.priority - a.priority)) {
    const group = await source.peersOf(s, client);
    if (group) return group;
  }
  return { kind: 'segment', label: null, clientIds: [] };
}
