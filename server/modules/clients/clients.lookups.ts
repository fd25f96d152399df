// Reads the modules above clients need (economics filters). Services without a role check:
// callers have checked. Every read is scoped by the organisation.
import type { OrgScope } from '../../context.ts';
import * as repo from './clients.repo.ts';

/** Ids of the clients in `segment` and/or managed by `managerId` (both optional, ANDed). */
export async function clientIdsWhere(
  s: OrgScope,
  filter: { segment?: string; managerId?: string },
): Promise<string[]> {
  return repo.clientIdsWhere(s.db, s.orgId, filter);
}
