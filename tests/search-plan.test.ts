// The record and case text searches read a bounded window of one organisation's newest rows
// through their date index, newest first, with no sort step: their cost is the window's, not
// the table's (docs/search.md gives the figures at 1 000 000 records). SQLite's plan, checked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from './support/db.ts';
import { recentTextsQuery } from '../server/modules/feedback/search.repo.ts';
import { casesByRefPrefixQuery } from '../server/modules/cases/search.repo.ts';

describe('search query plans on sqlite', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb('sqlite');
  });
  afterAll(async () => db?.drop());

  const planOf = (compiled: { sql: string; parameters: readonly unknown[] }) =>
    (
      db.sqlite!.prepare(`explain query plan ${compiled.sql}`).all(...compiled.parameters) as {
        detail: string;
      }[]
    )
      .map((r) => r.detail)
      .join('\n');

  it('reads the newest records through feedback_org_received_idx, without sorting', async () => {
    const plan = planOf(recentTextsQuery(db.db, 'org', 5000).compile());
    expect(plan).toMatch(/SEARCH feedback USING INDEX feedback_org_received_idx \(org_id=\?\)/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
    expect(plan).not.toMatch(/SCAN feedback/);
  });

  it('finds a case by reference prefix through the unique index on public_ref', () => {
    const plan = planOf(casesByRefPrefixQuery(db.db, 'org', 'CL-7K3M', 5).compile());
    expect(plan).toMatch(/SEARCH cases USING INDEX \S+ \(public_ref>\? AND public_ref<\?\)/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
  });
});
