// SQL of the scorecard's drill-down into the satisfaction layer (issue 16): the feedback records
// one cell of countStageScoresByPeriod counts — a stage's answers of one score type received in
// [from, to), narrowed to a segment's or a manager's clients — a page at a time, newest first,
// with their count. The same conditions as the count, so the list and the number agree.
import { sql } from 'kysely';
import type { DbOrTrx, ScoreType } from '../../db/types.ts';
import { before } from '../../db/keyset.ts';
import type { CountedRows, KeyPageQuery } from '../../lib/paging.ts';
import type { ClientFilter } from './metrics.repo.ts';

export interface StageScoreFilter extends ClientFilter {
  stage: string;
  scoreType: ScoreType;
  /** The scale of the score type: scores outside it count nowhere (satisfaction.ts). */
  range: { min: number; max: number };
  /** Instants (ISO, UTC): [from, to). */
  from: string;
  to: string;
}

function recordsOf(db: DbOrTrx, orgId: string, q: StageScoreFilter) {
  let query = db
    .selectFrom('feedback as f')
    .where('f.org_id', '=', orgId)
    .where('f.stage', '=', q.stage)
    .where('f.score_type', '=', q.scoreType)
    .where('f.score_value', '>=', q.range.min)
    .where('f.score_value', '<=', q.range.max)
    .where('f.received_at', '>=', q.from)
    .where('f.received_at', '<', q.to);
  if (q.segment !== undefined || q.managerId !== undefined)
    query = query.where('f.client_id', 'in', (eb) => {
      let clients = eb.selectFrom('clients as c').select('c.id').where('c.org_id', '=', orgId);
      if (q.segment !== undefined) clients = clients.where('c.segment', '=', q.segment);
      if (q.managerId !== undefined) clients = clients.where('c.manager_id', '=', q.managerId);
      return clients;
    });
  return query;
}

export async function listStageScoreRecords(
  db: DbOrTrx,
  orgId: string,
  q: StageScoreFilter & KeyPageQuery,
): Promise<
  CountedRows<{
    id: string;
    public_ref: string;
    client_id: string | null;
    score_value: number | null;
    text: string | null;
    received_at: string;
  }>
> {
  let page = recordsOf(db, orgId, q).select([
    'f.id',
    'f.public_ref',
    'f.client_id',
    'f.score_value',
    'f.text',
    'f.received_at',
  ]);
  if (q.before) page = page.where(before('f.received_at', q.before, 'f.id'));
  const [rows, count] = await Promise.all([
    page
      .orderBy('f.received_at', 'desc')
      .orderBy('f.id', 'desc')
      .limit(q.limit + 1)
      .execute(),
    recordsOf(db, orgId, q)
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { total: Number(count.n), rows };
}
