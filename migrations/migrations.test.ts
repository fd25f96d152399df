import { afterAll, describe, expect, it } from 'vitest';
import { migrateDown, migrateToLatest, isMigrated } from '../server/db/migrate.ts';
import { createTestDb, type TestDb } from '../tests/support/db.ts';
import { migrateDownAll, migrateDownThrough } from '../tests/support/migrate.ts';
import { migrations } from './index.ts';

interface ColumnShape {
  name: string;
  nullable: boolean;
}

/** Tables → columns (name, nullability), as the dialect's own catalogue reports them. */
async function introspect(t: TestDb): Promise<Record<string, ColumnShape[]>> {
  const tables = await t.db.introspection.getTables();
  const out: Record<string, ColumnShape[]> = {};
  for (const table of tables) {
    if (table.isView || (t.pgSchema && table.schema !== t.pgSchema)) continue;
    out[table.name] = table.columns
      .map((c) => ({ name: c.name, nullable: c.isNullable }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }
  return out;
}

describe('migrations', () => {
  const dbs: TestDb[] = [];
  afterAll(async () => {
    for (const d of dbs) await d.drop();
  });

  it('migrate an empty SQLite and an empty PostgreSQL database to the same schema', async () => {
    const sqlite = await createTestDb('sqlite', { migrate: false });
    const postgres = await createTestDb('postgres', { migrate: false });
    dbs.push(sqlite, postgres);
    expect(await migrateToLatest(sqlite.db)).toEqual(Object.keys(migrations));
    expect(await migrateToLatest(postgres.db)).toEqual(Object.keys(migrations));
    const a = await introspect(sqlite);
    const b = await introspect(postgres);
    expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
    expect(a).toEqual(b);
    expect(Object.keys(a)).toEqual(
      expect.arrayContaining(['orgs', 'users', 'sessions', 'api_keys', 'jobs', 'audit_log']),
    );
    expect(await isMigrated(sqlite.db)).toBe(true);
    expect(await isMigrated(postgres.db)).toBe(true);
  });

  it.each(['sqlite', 'postgres'] as const)(
    'migrate down to empty and up again on %s',
    async (dialect) => {
      const t = await createTestDb(dialect);
      dbs.push(t);
      expect(await migrateDownAll(t.db)).toEqual(Object.keys(migrations).reverse());
      const left = (await introspect(t)).orgs;
      expect(left).toBeUndefined();
      expect(await isMigrated(t.db)).toBe(false);
      await migrateToLatest(t.db);
      expect(await isMigrated(t.db)).toBe(true);
    },
  );

  it('a down-walk that cannot reach its migration fails with a message instead of looping', async () => {
    const t = await createTestDb('sqlite');
    dbs.push(t);
    await expect(migrateDownThrough(t.db, '0042_never_written')).rejects.toThrow(/no migration/);
    await migrateDownAll(t.db);
    // Nothing left to undo: the loop stops at once and names what it did.
    await expect(migrateDownThrough(t.db, '0001_foundation')).rejects.toThrow(/undid nothing/);
    expect(await migrateDown(t.db)).toEqual([]);
  });

  it('are numbered in sequence with no gaps or duplicates', () => {
    const numbers = Object.keys(migrations).map((n) => Number(n.slice(0, 4)));
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  });
});
