// A client's group — its segment and its manager — as the modules above roll figures up by it
// (economics' stage money, ADR 014): a lookup, and the event clients emits inside the transaction
// that changes a client's segment or manager (ADR 008), so those rollups move the client's part.
import type { OrgScope } from '../../context.ts';
import { createHook } from '../../lib/hook.ts';
import * as repo from './client-groups.repo.ts';

export interface ClientGroup {
  segment: string | null;
  managerId: string | null;
}

export interface ClientsRegrouped {
  changes: { clientId: string; before: ClientGroup; after: ClientGroup }[];
}

export const clientsRegrouped = createHook<OrgScope, ClientsRegrouped>('clients.regrouped');

/** The group of a client row. */
export const groupOf = (c: {
  segment: string | null;
  manager_id?: string | null;
}): ClientGroup => ({
  segment: c.segment ?? null,
  managerId: c.manager_id ?? null,
});

const sameGroup = (a: ClientGroup, b: ClientGroup) =>
  a.segment === b.segment && a.managerId === b.managerId;

/** Emits clientsRegrouped for one client when its segment or manager changed (in the caller's
 * transaction). */
export async function emitRegrouped(
  s: OrgScope,
  clientId: string,
  before: ClientGroup,
  after: ClientGroup,
): Promise<void> {
  if (!sameGroup(before, after))
    await clientsRegrouped.emit(s, { changes: [{ clientId, before, after }] });
}

/** Segment and manager of the organisation's clients among `ids`, by id (others left out). */
export async function clientGroupsOf(
  s: OrgScope,
  ids: readonly string[],
): Promise<Map<string, ClientGroup>> {
  const rows = await repo.clientGroupsByIds(s.db, s.orgId, [...new Set(ids)]);
  return new Map(
    rows.map((r) => [r.id, { segment: r.segment ?? null, managerId: r.manager_id ?? null }]),
  );
}
