// One initiative with what it links, for its page: the feedback records (text, score, client),
// the clients by name, the cases, and how many contacts were told "you said, we did".
import type { Ctx } from '../../context.ts';
import type { InitiativeDetailOut } from '../../../shared/api/backlog.ts';
import { findCaseInOrg } from '../cases/index.ts';
import { clientNames } from '../clients/index.ts';
import { findFeedbackRecords } from '../feedback/index.ts';
import * as repo from './backlog.repo.ts';
import { getInitiativeView } from './backlog.service.ts';
import { presentInitiative } from './present.ts';

export async function initiativeDetail(ctx: Ctx, id: string): Promise<InitiativeDetailOut> {
  const view = await getInitiativeView(ctx, id);
  const records = await findFeedbackRecords(ctx, view.feedbackIds);
  records.sort((a, b) => b.received_at.localeCompare(a.received_at));
  const names = await clientNames(ctx, [
    ...view.clientIds,
    ...records.flatMap((r) => (r.client_id ? [r.client_id] : [])),
  ]);
  const cases = [];
  for (const caseId of view.caseIds) {
    const c = await findCaseInOrg(ctx, caseId);
    if (c) cases.push({ id: c.id, publicRef: c.public_ref, title: c.title, status: c.status });
  }
  return {
    ...presentInitiative(view),
    feedback: records.map((r) => ({
      id: r.id,
      publicRef: r.public_ref,
      text: r.text,
      score: r.score_value,
      clientId: r.client_id,
      clientName: (r.client_id && names.get(r.client_id)) || null,
      contactId: r.contact_id,
      receivedAt: new Date(r.received_at).toISOString(),
    })),
    clients: view.clientIds.map((c) => ({ id: c, name: names.get(c) ?? '' })),
    cases,
    noticesSent: (await repo.noticedContacts(ctx.db, ctx.orgId, id)).size,
  };
}
