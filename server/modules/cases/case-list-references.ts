// The case list's (and its export's) id filters name this organisation's people and clients:
// another organisation's id is the same 404 as one that exists nowhere, never an empty page that
// would tell the caller nothing was wrong (SECURITY.md: ids in query strings are scoped too).
import type { Ctx } from '../../context.ts';
import { unknownReference } from '../../http/errors.ts';
import { findClient } from '../clients/index.ts';
import { findOrgUser } from '../orgs/index.ts';

export async function assertCaseListReferences(
  ctx: Ctx,
  q: { ownerId?: string; clientId?: string },
): Promise<void> {
  if (q.ownerId !== undefined && !(await findOrgUser(ctx, q.ownerId)))
    throw unknownReference('query.ownerId', 'user');
  if (q.clientId !== undefined && !(await findClient(ctx, q.clientId)))
    throw unknownReference('query.clientId', 'client');
}
