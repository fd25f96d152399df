// SQL of the scorecard's drill-down into the response rate (issue 16): the personal invitations
// one cell of countStageInvitesByPeriod counts — of the stage's surveys, created in [from, to),
// narrowed to a segment's or a manager's clients through the contact — a page at a time, newest
// first, with their count. The same conditions as the count, so the list and the number agree.
import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/types.ts';
import { before } from '../../db/keyset.ts';
import type { CountedRows, KeyPageQuery } from '../../lib/paging.ts';

export interface StageInviteFilter {
  stage: string;
  /** Instants (ISO, UTC): [from, to). */
  from: string;
  to: string;
  segment?: string;
  managerId?: string;
}

function invitesOf(db: DbOrTrx, orgId: string, q: StageInviteFilter) {
  let query = db
    .selectFrom('survey_invites as i')
    .innerJoin('surveys as s', (j) =>
      j.onRef('s.id', '=', 'i.survey_id').onRef('s.org_id', '=', 'i.org_id'),
    )
    .where('i.org_id', '=', orgId)
    .where('s.stage', '=', q.stage)
    .where('i.created_at', '>=', q.from)
    .where('i.created_at', '<', q.to);
  if (q.segment !== undefined || q.managerId !== undefined)
    query = query.where('i.contact_id', 'in', (eb) => {
      let contacts = eb
        .selectFrom('contacts as k')
        .innerJoin('clients as c', (j) =>
          j.onRef('c.id', '=', 'k.client_id').onRef('c.org_id', '=', 'k.org_id'),
        )
        .select('k.id')
        .where('k.org_id', '=', orgId);
      if (q.segment !== undefined) contacts = contacts.where('c.segment', '=', q.segment);
      if (q.managerId !== undefined) contacts = contacts.where('c.manager_id', '=', q.managerId);
      return contacts;
    });
  return query;
}

export async function listStageInvites(
  db: DbOrTrx,
  orgId: string,
  q: StageInviteFilter & KeyPageQuery,
): Promise<
  CountedRows<{
    id: string;
    created_at: string;
    answered_at: string | null;
    survey_name: string;
    client_id: string | null;
  }>
> {
  let page = invitesOf(db, orgId, q)
    .leftJoin('contacts as k', (j) =>
      j.onRef('k.id', '=', 'i.contact_id').onRef('k.org_id', '=', 'i.org_id'),
    )
    .select(['i.id', 'i.created_at', 'i.answered_at', 's.name as survey_name', 'k.client_id']);
  if (q.before) page = page.where(before('i.created_at', q.before, 'i.id'));
  const [rows, count] = await Promise.all([
    page
      .orderBy('i.created_at', 'desc')
      .orderBy('i.id', 'desc')
      .limit(q.limit + 1)
      .execute(),
    invitesOf(db, orgId, q)
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { total: Number(count.n), rows };
}
