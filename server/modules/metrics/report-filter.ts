// The satisfaction report's filters name only this organisation's client and people (issue 21):
// another organisation's id, or one that exists nowhere, is the same 404, so the answer says
// nothing about other tenants and never narrows to their records.
import type { Ctx } from '../../context.ts';
import { unknownReference } from '../../http/errors.ts';
import { findClient } from '../clients/index.ts';
import { findOrgUser } from '../orgs/index.ts';

export async function assertReportFilter(
  ctx: Ctx,
  q: { clientId?: string; managerId?: string },
): Promise<void> {
  if (q.clientId !== undefined && !(await findClient(ctx, q.clientId)))
    throw unknownReference('query.clientId', 'client');
  if (q.managerId !== undefined && !(await findOrgUser(ctx, q.managerId)))
    throw unknownReference('query.managerId', 'user');
}
