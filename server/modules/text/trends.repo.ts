// SQL of the text trends: analysed records of a window, narrowed by the dashboard's filters exactly
// as the satisfaction report narrows its records (metrics.repo.ts countScoresByGroup): stage,
// client and channel on the record, segment and manager on its client as the client is now.
import type { DbOrTrx, FeedbackTable } from '../../db/types.ts';

export interface TrendsFilter {
  /** Inclusive start and exclusive end, ISO instants. */
  from: string;
  to?: string;
  stage?: string;
  segment?: string;
  managerId?: string;
  clientId?: string;
  channel?: string;
}

/** Analysed records of the window and filters, only the columns the trends need; bounded. */
export async function listAnalysedIn(db: DbOrTrx, orgId: string, f: TrendsFilter, limit: number) {
  let q = db
    .selectFrom('feedback as f')
    .select([
      'f.received_at',
      'f.sentiment_label',
      'f.topics',
      'f.topic_sentiments',
      'f.score_type',
      'f.score_value',
    ])
    .where('f.org_id', '=', orgId)
    .where('f.received_at', '>=', f.from)
    .where('f.sentiment_label', 'is not', null);
  if (f.to !== undefined) q = q.where('f.received_at', '<', f.to);
  if (f.stage !== undefined) q = q.where('f.stage', '=', f.stage);
  if (f.clientId !== undefined) q = q.where('f.client_id', '=', f.clientId);
  if (f.channel !== undefined) q = q.where('f.channel', '=', f.channel as FeedbackTable['channel']);
  if (f.segment !== undefined || f.managerId !== undefined)
    q = q.where('f.client_id', 'in', (eb) => {
      let clients = eb.selectFrom('clients as g').select('g.id').where('g.org_id', '=', orgId);
      if (f.segment !== undefined) clients = clients.where('g.segment', '=', f.segment);
      if (f.managerId !== undefined) clients = clients.where('g.manager_id', '=', f.managerId);
      return clients;
    });
  return q.orderBy('f.received_at', 'desc').limit(limit).execute();
}
