// SQL of the feedback facts the arbiter weighs (issue 16): who answered NPS on which stage and
// when, who spoke about a stage at all, and the stage's negative texts. orgId first.
import type { DbOrTrx } from '../../db/types.ts';

/** NPS answers of known clients received in [from, to) (instants), stage or not. */
export async function npsAnswers(db: DbOrTrx, orgId: string, from: string, to: string) {
  const rows = await db
    .selectFrom('feedback')
    .select(['id', 'stage', 'client_id', 'score_value', 'received_at'])
    .where('org_id', '=', orgId)
    .where('score_type', '=', 'nps')
    .where('score_value', 'is not', null)
    .where('client_id', 'is not', null)
    .where('received_at', '>=', from)
    .where('received_at', '<', to)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    stage: r.stage,
    clientId: String(r.client_id),
    score: Number(r.score_value),
    receivedAt: new Date(r.received_at).toISOString(),
  }));
}

/** (stage, client) pairs with any feedback record in [from, to). */
export async function stageSpeakers(db: DbOrTrx, orgId: string, from: string, to: string) {
  const rows = await db
    .selectFrom('feedback')
    .select(['stage', 'client_id'])
    .distinct()
    .where('org_id', '=', orgId)
    .where('stage', 'is not', null)
    .where('client_id', 'is not', null)
    .where('received_at', '>=', from)
    .where('received_at', '<', to)
    .execute();
  return rows.map((r) => ({ stage: r.stage!, clientId: String(r.client_id) }));
}

/** The stage's texts in [from, to) that are negative (by sentiment or a low score). */
export async function negativeTexts(
  db: DbOrTrx,
  orgId: string,
  q: { from: string; to: string; limit: number },
) {
  const rows = await db
    .selectFrom('feedback')
    .select([
      'id',
      'public_ref',
      'stage',
      'text',
      'score_type',
      'score_value',
      'sentiment_label',
      'sentiment_score',
      'topics',
      'received_at',
    ])
    .where('org_id', '=', orgId)
    .where('stage', 'is not', null)
    .where('text', 'is not', null)
    .where('received_at', '>=', q.from)
    .where('received_at', '<', q.to)
    .where((eb) =>
      eb.or([
        eb('sentiment_label', '=', 'negative'),
        eb.and([eb('score_type', '=', 'nps'), eb('score_value', '<=', 6)]),
        eb.and([eb('score_type', '=', 'csat'), eb('score_value', '<=', 2)]),
        eb.and([eb('score_type', '=', 'ces'), eb('score_value', '>=', 5)]),
      ]),
    )
    .orderBy('received_at', 'desc')
    .orderBy('id')
    .limit(q.limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    ref: r.public_ref,
    stage: r.stage!,
    text: r.text!,
    score: r.score_value === null ? null : Number(r.score_value),
    sentimentScore: r.sentiment_score === null ? null : Number(r.sentiment_score),
    topics: JSON.parse(r.topics || '[]') as string[],
    receivedAt: new Date(r.received_at).toISOString(),
  }));
}

/** True when a record received in [from, to) (instants) was stored after `since` (late data). */
export async function feedbackStoredSince(
  db: DbOrTrx,
  orgId: string,
  from: string,
  to: string,
  since: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('feedback')
    .select('id')
    .where('org_id', '=', orgId)
    .where('received_at', '>=', from)
    .where('received_at', '<', to)
    .where('created_at', '>', since)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
