// Who gets the monthly report (issue 16): people of the organisation, chosen by a manager or an
// admin. An id of nobody here (or of another organisation) is a 404 and nothing changes.
import type { Ctx } from '../../context.ts';
import { inTransaction } from '../../context.ts';
import { unknownReference } from '../../http/errors.ts';
import { assertCan } from '../../lib/permissions.ts';
import { findOrgUsers, recordAudit } from '../orgs/index.ts';
import * as repo from './recipients.repo.ts';

export interface RecipientsOut {
  recipients: Array<{ userId: string; name: string; email: string; language: string }>;
}

export async function getReportRecipients(ctx: Ctx): Promise<RecipientsOut> {
  assertCan(ctx.actor, 'scorecard.read');
  const users = await findOrgUsers(ctx, { ids: await repo.listRecipientIds(ctx.db, ctx.orgId) });
  return {
    recipients: users
      .map((u) => ({ userId: u.id, name: u.name, email: u.email, language: u.language }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

export async function putReportRecipients(
  ctx: Ctx,
  userIds: readonly string[],
): Promise<RecipientsOut> {
  assertCan(ctx.actor, 'data.write');
  const unique = [...new Set(userIds)];
  const found = new Set((await findOrgUsers(ctx, { ids: unique })).map((u) => u.id));
  const missing = userIds.findIndex((id) => !found.has(id));
  if (missing >= 0) throw unknownReference(`body.userIds.${missing}`, 'user');
  await inTransaction(ctx, async (tx) => {
    await repo.replaceRecipients(tx.db, tx.orgId, unique, tx.clock.now().toISOString());
    await recordAudit(tx, 'reports.recipients_changed', undefined, { recipients: unique.length });
  });
  return getReportRecipients(ctx);
}
