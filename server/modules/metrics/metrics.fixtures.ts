// Shared by the satisfaction API tests: feedback and client rows written straight into the tables
// so the expected numbers can be computed by hand, and the data set both test files start from.
import type { Db, ScoreType } from '../../db/types.ts';
import { newId } from '../../lib/ids.ts';
import { rebuildReportCounts, rebuildScoreGroups, rebuildScoreMonths } from '../feedback/index.ts';

export const NOW = '2026-06-15T12:00:00.000Z';

/** The part of a test app these helpers use. */
interface WithDb {
  deps: { db: Db };
}

export interface Row {
  at: string;
  type: ScoreType | null;
  score: number | null;
  stage?: string;
  channel?: 'api' | 'survey' | 'email';
  clientId?: string;
}

let refSeq = 0;
export async function insertFeedback(t: WithDb, orgId: string, rows: Row[]): Promise<void> {
  await t.deps.db
    .insertInto('feedback')
    .values(
      rows.map((r) => ({
        id: newId(),
        org_id: orgId,
        public_ref: `M-${++refSeq}-${Date.now()}`,
        ref_key: `M-${refSeq}-${Date.now()}`,
        channel: r.channel ?? 'api',
        client_id: r.clientId ?? null,
        stage: r.stage ?? null,
        score_type: r.type,
        score_value: r.score,
        text: r.score === null ? 'just words' : null,
        topics: '[]',
        received_at: r.at,
        created_at: r.at,
      })),
    )
    .execute();
  // Rows written past the intake: the rollups are counted again, as a bulk load does, so these
  // hand-computed tests read the report counts (ADR 020) and the group counts (ADR 017) too.
  await t.deps.db.transaction().execute(async (db) => {
    const s = { db, orgId };
    await rebuildScoreMonths(s);
    await rebuildScoreGroups(s);
    await rebuildReportCounts(s);
  });
}

export async function insertClient(
  t: WithDb,
  orgId: string,
  name: string,
  segment: string | null,
): Promise<string> {
  const id = newId();
  await t.deps.db
    .insertInto('clients')
    .values({
      id,
      org_id: orgId,
      name,
      kind: 'company',
      external_id: null,
      segment,
      search_text: name.toLowerCase(),
      created_at: NOW,
      updated_at: NOW,
    })
    .execute();
  return id;
}

export const nps = (at: string, ...scores: number[]): Row[] =>
  scores.map((score) => ({ at, type: 'nps', score }));

/**
 * Organisation A: three segmented clients and a client-less answer, NPS answers in January and
 * February 2026 and others that the NPS report must not count; organisation B: three detractors.
 */
export async function seedSatisfaction(
  t: WithDb,
  aOrgId: string,
  bOrgId: string,
): Promise<{ retail: string; wholesale: string; unsegmented: string }> {
  const retail = await insertClient(t, aOrgId, 'Ромашка', 'retail');
  const wholesale = await insertClient(t, aOrgId, 'Опт-Торг', 'wholesale');
  const unsegmented = await insertClient(t, aOrgId, 'Без сегмента', null);
  const bRetail = await insertClient(t, bOrgId, 'Beta retail', 'retail');

  await insertFeedback(t, aOrgId, [
    // January: 10, 10, 9 | 8 | 3 → 3 promoters, 1 passive, 1 detractor; the last at 23:30 UTC
    // must stay in January whatever the database session's time zone.
    {
      at: '2026-01-05T10:00:00.000Z',
      type: 'nps',
      score: 10,
      clientId: retail,
      stage: 'delivery',
    },
    {
      at: '2026-01-10T10:00:00.000Z',
      type: 'nps',
      score: 10,
      clientId: retail,
      stage: 'delivery',
      channel: 'survey',
    },
    {
      at: '2026-01-20T10:00:00.000Z',
      type: 'nps',
      score: 9,
      clientId: wholesale,
      stage: 'sales',
      channel: 'survey',
    },
    { at: '2026-01-25T10:00:00.000Z', type: 'nps', score: 8, clientId: unsegmented },
    {
      at: '2026-01-31T23:30:00.000Z',
      type: 'nps',
      score: 3,
      clientId: wholesale,
      stage: 'delivery',
      channel: 'email',
    },
    // February: 9 and 0, the 0 in the last millisecond of the month.
    { at: '2026-02-03T08:00:00.000Z', type: 'nps', score: 9, clientId: retail, stage: 'sales' },
    { at: '2026-02-28T23:59:59.999Z', type: 'nps', score: 0 },
    // Not NPS, no score, or outside the window: never counted in the NPS reports.
    { at: '2026-01-15T10:00:00.000Z', type: 'csat', score: 1 },
    { at: '2026-01-16T10:00:00.000Z', type: null, score: null },
    { at: '2026-03-01T00:00:00.000Z', type: 'nps', score: 0 },
    { at: '2025-12-31T23:59:59.999Z', type: 'nps', score: 0 },
  ]);
  // Organisation B: three detractors in January, at a client whose segment A also uses.
  await insertFeedback(
    t,
    bOrgId,
    nps('2026-01-12T10:00:00.000Z', 0, 1, 2).map((r) => ({
      ...r,
      clientId: bRetail,
      stage: 'delivery',
    })),
  );
  return { retail, wholesale, unsegmented };
}
