// The ranked, filtered list of initiatives with the backlog's summary (quadrant counts and the
// on-time share over every done initiative of the organisation, whatever the filters), paged by
// position (the rank is computed over all initiatives at once: views.ts).
import type { Ctx } from '../../context.ts';
import type { BacklogSummaryOut, ListInitiativesQuery } from '../../../shared/api/backlog.ts';
import { AppError } from '../../http/errors.ts';
import { onTimeShare } from './figures.ts';
import { listInitiativeViews } from './backlog.service.ts';
import type { InitiativeView } from './views.ts';

const OPEN = new Set(['idea', 'planned', 'in_progress']);

export function summaryOf(views: readonly InitiativeView[]): BacklogSummaryOut {
  const done = views.filter((v) => v.status === 'done');
  const quadrants = { quick_win: 0, big_bet: 0, fill_in: 0, money_pit: 0 };
  for (const v of views) if (v.quadrant && v.status !== 'dropped') quadrants[v.quadrant] += 1;
  return {
    ...onTimeShare(
      done.map((v) => v.onTime),
      done.length,
    ),
    quadrants,
  };
}

function offsetOf(cursor: string | undefined): number {
  if (!cursor) return 0;
  const n = Number(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!Number.isInteger(n) || n < 0)
    throw new AppError('validation_failed', 'Bad cursor', {
      invalidParams: [{ name: 'query.cursor', reason: 'not a cursor of this list' }],
    });
  return n;
}

export async function listInitiatives(
  ctx: Ctx,
  q: Omit<ListInitiativesQuery, 'cursor' | 'limit'> & { cursor?: string; limit: number },
) {
  const { views } = await listInitiativeViews(ctx);
  const needle = q.q?.toLowerCase();
  const matching = views.filter(
    (v) =>
      (!q.status || v.status === q.status) &&
      (!q.stage || v.stage === q.stage) &&
      (!q.quadrant || v.quadrant === q.quadrant) &&
      (q.open === undefined || OPEN.has(v.status) === (q.open === 'true')) &&
      (!needle || `${v.title} ${v.description ?? ''}`.toLowerCase().includes(needle)),
  );
  const from = offsetOf(q.cursor);
  const items = matching.slice(from, from + q.limit);
  const next = from + q.limit < matching.length ? from + q.limit : null;
  return {
    items,
    nextCursor: next === null ? null : Buffer.from(String(next)).toString('base64url'),
    summary: summaryOf(views),
  };
}
