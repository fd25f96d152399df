// Bulk actions on cases (issue 21): assign, resolve or tag up to 200 cases at once. All or
// nothing: one transaction, every id checked to be a case of the caller's organisation before
// anything is written (a foreign or unknown id → 404, nothing changed), then each case goes
// through the single-case update, so it gets its normal events, audit entry, mails and webhooks;
// one refused case (a closed one cannot be resolved) rolls the whole batch back.
import { inTransaction, type Ctx } from '../../context.ts';
import type { CasesTable } from '../../db/types.ts';
import { unknownReference } from '../../http/errors.ts';
import { assertCan } from '../../lib/permissions.ts';
import { recordAudit } from '../orgs/index.ts';
import { findCases } from './case-closing.repo.ts';
import { updateCase, type CasePatch } from './cases.service.ts';

export type BulkAction =
  | { action: 'assign'; ids: string[]; ownerId: string | null }
  | {
      action: 'resolve';
      ids: string[];
      resolutionCode?: string;
      note?: string;
      /** Send each case's closing message to its client (off unless chosen). */
      notifyClients?: boolean;
    }
  | { action: 'tag'; ids: string[]; tag: string };

function patchOf(input: BulkAction): CasePatch {
  switch (input.action) {
    case 'assign':
      return { ownerId: input.ownerId };
    case 'resolve':
      return { status: 'resolved', resolutionCode: input.resolutionCode, resolution: input.note };
    case 'tag':
      return { addTags: [input.tag] };
  }
}

export async function bulkUpdateCases(ctx: Ctx, input: BulkAction): Promise<CasesTable[]> {
  assertCan(ctx.actor, 'data.write');
  const ids = [...new Set(input.ids)];
  return inTransaction(ctx, async (tx) => {
    const found = await findCases(tx.db, tx.orgId, ids);
    if (found.length !== ids.length) throw unknownReference('body.ids', 'case');
    const notify = input.action === 'resolve' ? input.notifyClients === true : true;
    const patch = patchOf(input);
    const out: CasesTable[] = [];
    for (const id of ids) out.push(await updateCase(tx, id, patch, { notify }));
    await recordAudit(
      tx,
      'cases.bulk',
      { type: 'org', id: tx.orgId },
      {
        action: input.action,
        count: ids.length,
      },
    );
    return out;
  });
}
