// Key lookups for intake's duplicate checks: every stored key is found once, whatever the number
// of keys (SQLite chunks, one PostgreSQL array), and on PostgreSQL each key is an index probe
// even on a table that was never analysed (issue 6: the plain `= any($n)` read every row of the
// organisation there).
import { CompiledQuery, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDb, testDialects, type TestDb } from '../../tests/support/db.ts';
import { newId } from '../lib/ids.ts';
import { insertRows } from './bulk.ts';
import { IN_CHUNK, pgKeysQuery, selectByKeys } from './select-by-keys.ts';
import type { FeedbackTable } from './types.ts';

const AT = '2026-11-23T10:00:00.000Z';
let numbered = 0;
const feedback = (orgId: string, i: number): FeedbackTable => ({
  id: newId(),
  org_id: orgId,
  public_ref: `R${++numbered}`,
  ref_key: `N${String(numbered).padStart(16, '0')}`,
  channel: 'api',
  client_id: null,
  contact_id: null,
  stage: null,
  survey_id: null,
  score_type: null,
  score_value: null,
  text: `отзыв ${i}`,
  language: null,
  sentiment_label: null,
  sentiment_score: null,
  topics: '[]',
  source_id: `src-${i}`,
  raw: null,
  case_id: null,
  acknowledged_at: null,
  received_at: AT,
  created_at: AT,
  analysed_at: null,
});

async function orgWithFeedback(
  db: TestDb,
  count: number,
): Promise<{ orgId: string; rows: FeedbackTable[] }> {
  const orgId = newId();
  await db.db
    .insertInto('orgs')
    .values({ id: orgId, name: 'Keys', default_language: 'ru', created_at: AT })
    .execute();
  const rows = Array.from({ length: count }, (_, i) => feedback(orgId, i));
  await insertRows(db.db, 'feedback', rows);
  return { orgId, rows };
}

describe.each(testDialects())('selectByKeys on %s', (dialect) => {
  let db: TestDb;
  afterEach(async () => db?.drop());

  const bySource = (orgId: string, keys: string[]) =>
    selectByKeys(db.db, 'source_id', keys, (k) =>
      db.db.selectFrom('feedback').selectAll().where('org_id', '=', orgId).where(k),
    );

  it('finds each stored key once, across more keys than one SQLite IN list (a key repeated in two lists too), and only in the organisation asked', async () => {
    db = await createTestDb(dialect);
    const { orgId, rows } = await orgWithFeedback(db, 2400);
    const other = await orgWithFeedback(db, 3); // same source ids in another organisation
    const keys = [
      ...rows.filter((_, i) => i % 2 === 0).map((r) => r.source_id!),
      'src-missing',
      'src-0',
      'src-0',
    ];
    expect(keys.length).toBeGreaterThan(IN_CHUNK);
    const found = await bySource(orgId, keys);
    expect(found.map((r) => r.source_id).sort()).toEqual(
      rows
        .filter((_, i) => i % 2 === 0)
        .map((r) => r.source_id)
        .sort(),
    );
    expect(found.every((r) => r.org_id === orgId)).toBe(true);
    expect((await bySource(other.orgId, ['src-1', 'src-5'])).map((r) => r.id)).toEqual([
      other.rows[1]!.id,
    ]);
    expect(await bySource(orgId, [])).toEqual([]);
  });

  it('looks up uuid keys by their own type', async () => {
    db = await createTestDb(dialect);
    const { orgId, rows } = await orgWithFeedback(db, 5);
    const found = await selectByKeys(
      db.db,
      'id',
      [rows[1]!.id, rows[3]!.id, newId()],
      (k) => db.db.selectFrom('feedback').selectAll().where('org_id', '=', orgId).where(k),
      'uuid',
    );
    expect(found.map((r) => r.id).sort()).toEqual([rows[1]!.id, rows[3]!.id].sort());
  });

  it.runIf(dialect === 'postgres')(
    'probes the unique index per key on a table never analysed',
    async () => {
      db = await createTestDb(dialect);
      const { orgId } = await orgWithFeedback(db, 20_000);
      const keys = Array.from({ length: 1000 }, (_, i) => `absent-${i}`);
      const plan = async (q: CompiledQuery) =>
        JSON.stringify(
          (
            await db.db.executeQuery(
              CompiledQuery.raw(`explain (analyze, format json) ${q.sql}`, [...q.parameters]),
            )
          ).rows,
        );
      const probed = await plan(
        pgKeysQuery('source_id', keys, (k) =>
          db.db.selectFrom('feedback').selectAll().where('org_id', '=', orgId).where(k),
        ),
      );
      expect(probed).toContain('feedback_org_source_uq');
      expect(probed).not.toContain('Rows Removed by Filter');
      // The form it replaced reads the organisation's rows and filters them here.
      const plain = await plan(
        db.db
          .selectFrom('feedback')
          .selectAll()
          .where('org_id', '=', orgId)
          .where(sql<boolean>`source_id = any(${keys})`)
          .compile(),
      );
      expect(plain).toContain('Rows Removed by Filter');
    },
  );
});
