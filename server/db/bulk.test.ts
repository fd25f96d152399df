// Multi-row inserts: every row lands with its own values whatever the chunking (or the unnest
// arrays on PostgreSQL), and
// `on conflict do nothing … returning` reports exactly the rows that were stored.
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDb, testDialects, type TestDb } from '../../tests/support/db.ts';
import { newId } from '../lib/ids.ts';
import { insertRows } from './bulk.ts';
import type { JobsTable } from './types.ts';

const job = (i: number, dedupe: string | null = `k-${i}`): JobsTable => ({
  id: newId(),
  org_id: null,
  name: `job-${i}`,
  payload: JSON.stringify({ i, text: `строка ${i} 'quoted' "double"` }),
  status: 'queued',
  run_at: new Date(Date.UTC(2026, 0, 1, 0, 0, i % 60)).toISOString(),
  attempts: i % 3,
  max_attempts: 8,
  locked_until: null,
  locked_by: null,
  last_error: null,
  dedupe_key: dedupe,
  created_at: '2026-01-01T00:00:00.000Z',
  finished_at: null,
});

describe.each(testDialects())('insertRows on %s', (dialect) => {
  let db: TestDb;
  afterEach(async () => db?.drop());

  it('stores 301 rows (SQLite: chunks of 128, 128, 32, 8, 4 and 1; PostgreSQL: one statement), each with its own values', async () => {
    db = await createTestDb(dialect);
    const rows = Array.from({ length: 301 }, (_, i) => job(i));
    expect(await insertRows(db.db, 'jobs', rows)).toEqual([]);
    const stored = await db.db.selectFrom('jobs').selectAll().orderBy('name').execute();
    expect(stored).toHaveLength(301);
    const byName = new Map(stored.map((r) => [r.name, r]));
    // PostgreSQL stores the payload as jsonb, which re-spaces it: compare it as JSON.
    const parsed = (r: JobsTable | undefined) =>
      r && { ...r, payload: JSON.parse(r.payload) as unknown };
    for (const row of rows) expect(parsed(byName.get(row.name))).toEqual(parsed(row));
  });

  it('skips rows whose unique column clashes and returns only the ids it stored', async () => {
    db = await createTestDb(dialect);
    await insertRows(db.db, 'jobs', [job(1), job(2)]);
    const second = [job(1), job(3), job(2), job(4)];
    const ids = await insertRows(db.db, 'jobs', second, {
      onConflictDoNothing: 'dedupe_key',
      returning: 'id',
    });
    expect(new Set(ids)).toEqual(new Set([second[1]!.id, second[3]!.id]));
    expect(await db.db.selectFrom('jobs').select('id').execute()).toHaveLength(4);
  });

  it('writes nothing for an empty list and joins the caller transaction (rolled back with it)', async () => {
    db = await createTestDb(dialect);
    expect(await insertRows(db.db, 'jobs', [])).toEqual([]);
    await expect(
      db.db.transaction().execute(async (trx) => {
        await insertRows(trx, 'jobs', [job(1), job(2), job(3)]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await db.db.selectFrom('jobs').select('id').execute()).toHaveLength(0);
  });

  it('keeps values that array literals must escape, and nulls, exactly as given', async () => {
    db = await createTestDb(dialect);
    const awkward = [
      'NULL',
      '',
      'a,b',
      '{x}',
      'back\\slash',
      'quote " and \' too',
      'перевод\nстроки',
      'эмодзи 👍',
    ];
    const rows = awkward.map((text, i) => ({
      ...job(i),
      name: text,
      last_error: i % 2 ? null : text,
      dedupe_key: i % 3 ? null : `d-${i}`,
    }));
    await insertRows(db.db, 'jobs', rows);
    const stored = await db.db
      .selectFrom('jobs')
      .select(['id', 'name', 'last_error', 'dedupe_key'])
      .execute();
    const byId = new Map(stored.map((r) => [r.id, r]));
    for (const row of rows)
      expect(byId.get(row.id)).toEqual({
        id: row.id,
        name: row.name,
        last_error: row.last_error,
        dedupe_key: row.dedupe_key,
      });
  });

  it('refuses an object where a column wants a scalar (a JSON column takes its text)', async () => {
    db = await createTestDb(dialect);
    const bad = { ...job(1), payload: { i: 1 } } as unknown as JobsTable;
    if (dialect === 'postgres')
      await expect(insertRows(db.db, 'jobs', [bad])).rejects.toThrow(/must be a scalar/);
    else await expect(insertRows(db.db, 'jobs', [bad])).rejects.toThrow();
    expect(await db.db.selectFrom('jobs').select('id').execute()).toHaveLength(0);
  });

  it.runIf(dialect === 'postgres')(
    'runs as one prepared statement on PostgreSQL, whatever the number of rows',
    async () => {
      db = await createTestDb(dialect);
      const prepared = await db.db.transaction().execute(async (trx) => {
        await insertRows(
          trx,
          'jobs',
          Array.from({ length: 3 }, (_, i) => job(i)),
        );
        await insertRows(
          trx,
          'jobs',
          Array.from({ length: 200 }, (_, i) => job(i + 3)),
        );
        return sql<{
          statement: string;
        }>`select statement from pg_prepared_statements where name like 'cl_%'`.execute(trx);
      });
      expect(prepared.rows).toHaveLength(1);
      expect(prepared.rows[0]!.statement).toMatch(/^insert into "jobs" .* select \* from unnest\(/);
      expect(await db.db.selectFrom('jobs').select('id').execute()).toHaveLength(203);
    },
  );
});
