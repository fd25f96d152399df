// SQL of the feedback list and its count: one set of filters, as the satisfaction metrics count
// records (metrics.repo.ts), so a chart's group and its drill-down list agree (issue 21).
import type { DbOrTrx, FeedbackTable, ScoreType, SentimentLabel } from '../../db/types.ts';
import { before } from '../../db/keyset.ts';
import type { KeyCursor } from '../../lib/paging.ts';
import { likeContains } from '../../db/like.ts';

export interface FeedbackFilter {
  clientId?: string;
  sentiment?: SentimentLabel;
  /** A topic key; topics are a JSON array of keys, matched as a quoted element. */
  topic?: string;
  channel?: string;
  stage?: string;
  hasCase?: boolean;
  /** A score of this type within [min, max] (the satisfaction charts' condition). */
  score?: { type: ScoreType; min: number; max: number };
  segment?: string;
  /** The client's manager (a person of the organisation). */
  managerId?: string;
  noStage?: boolean;
  noSegment?: boolean;
  from?: string;
  to?: string;
}

/** The records a filter matches, as the satisfaction metrics count them (metrics.repo.ts). */
function filtered(db: DbOrTrx, orgId: string, f: FeedbackFilter) {
  let q = db.selectFrom('feedback').where('org_id', '=', orgId);
  if (f.clientId) q = q.where('client_id', '=', f.clientId);
  if (f.channel) q = q.where('channel', '=', f.channel as FeedbackTable['channel']);
  if (f.stage) q = q.where('stage', '=', f.stage);
  if (f.noStage) q = q.where('stage', 'is', null);
  if (f.sentiment) q = q.where('sentiment_label', '=', f.sentiment);
  if (f.topic) q = q.where(likeContains('topics', JSON.stringify(f.topic), { asText: true }));
  if (f.hasCase !== undefined) q = q.where('case_id', f.hasCase ? 'is not' : 'is', null);
  if (f.score)
    q = q
      .where('score_type', '=', f.score.type)
      .where('score_value', '>=', f.score.min)
      .where('score_value', '<=', f.score.max);
  const clientsOf = () =>
    db.selectFrom('clients as c').select('c.id').where('c.org_id', '=', orgId);
  const ofSegment = (segment: string | null) =>
    clientsOf().where('c.segment', segment === null ? 'is' : '=', segment);
  if (f.segment || f.managerId) {
    let group = clientsOf();
    if (f.segment) group = group.where('c.segment', '=', f.segment);
    if (f.managerId) group = group.where('c.manager_id', '=', f.managerId);
    q = q.where('client_id', 'in', group);
  }
  if (f.noSegment)
    q = q.where((eb) =>
      eb.or([eb('client_id', 'is', null), eb('client_id', 'in', ofSegment(null))]),
    );
  if (f.from) q = q.where('received_at', '>=', f.from);
  if (f.to) q = q.where('received_at', '<', f.to);
  return q;
}

/** Newest received first (ties by id); pages on (received_at, id). */
export async function listFeedback(
  db: DbOrTrx,
  orgId: string,
  f: FeedbackFilter & { before?: KeyCursor; limit: number },
): Promise<FeedbackTable[]> {
  let q = filtered(db, orgId, f).selectAll();
  if (f.before) q = q.where(before('received_at', f.before));
  return q
    .orderBy('received_at', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit + 1)
    .execute();
}

/** How many records the filter matches. */
export async function countFeedback(
  db: DbOrTrx,
  orgId: string,
  f: FeedbackFilter,
): Promise<number> {
  const row = await filtered(db, orgId, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
