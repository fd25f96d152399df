// 0007 on a database that already holds feedback: analysed records are marked done, the others
// with text become pending for the sweep, and records without text stay out of it.
import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../server/db/migrate.ts';
import type { FeedbackTable } from '../server/db/types.ts';
import { createTestDb, testDialects, type TestDb } from '../tests/support/db.ts';
import { migrateDownThrough } from '../tests/support/migrate.ts';

const AT = '2026-02-01T10:00:00.000Z';

/** A record as stored before 0009 (no ref_key yet). */
type OldRecord = Omit<FeedbackTable, 'ref_key'>;

function record(id: string, orgId: string, over: Partial<OldRecord>): FeedbackTable {
  return {
    id,
    org_id: orgId,
    public_ref: `REF-${id.slice(-4)}`,
    channel: 'api',
    client_id: null,
    contact_id: null,
    stage: null,
    survey_id: null,
    score_type: null,
    score_value: null,
    text: null,
    language: null,
    sentiment_label: null,
    sentiment_score: null,
    topics: '[]',
    source_id: null,
    raw: null,
    case_id: null,
    acknowledged_at: null,
    received_at: AT,
    created_at: AT,
    ...over,
  } as FeedbackTable;
}

describe.each(testDialects())('migration 0007_text_sweep on %s', (dialect) => {
  let t: TestDb;
  afterEach(async () => t?.drop());

  it('backfills analysed_at from created_at for records already analysed', async () => {
    t = await createTestDb(dialect);
    // Back to before 0007: first undo the migrations that came after it.
    await migrateDownThrough(t.db, '0007_text_sweep');
    const orgId = '01950000-0000-7000-8000-000000000001';
    await t.db
      .insertInto('orgs')
      .values({ id: orgId, name: 'Org', default_language: 'ru', created_at: AT })
      .execute();
    const ids = [
      '01950000-0000-7000-8000-00000000000a',
      '01950000-0000-7000-8000-00000000000b',
      '01950000-0000-7000-8000-00000000000c',
    ];
    await t.db
      .insertInto('feedback')
      .values([
        record(ids[0]!, orgId, {
          text: 'Курьер опоздал',
          language: 'ru',
          sentiment_label: 'negative',
          sentiment_score: -0.7,
        }),
        record(ids[1]!, orgId, { text: 'Ещё не разобран' }),
        record(ids[2]!, orgId, { score_type: 'nps', score_value: 9 }),
      ])
      .execute();
    expect((await migrateToLatest(t.db))[0]).toBe('0007_text_sweep');
    const rows = await t.db
      .selectFrom('feedback')
      .select(['id', 'analysed_at'])
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.analysed_at)).toEqual([AT, null, null]);
  });
});
