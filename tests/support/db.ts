// Test databases for both dialects: a SQLite file in a temporary directory (WAL, synchronous,
// wal-sync: the production commit path, which ':memory:' skips), or a fresh schema in the
// PostgreSQL database `test` (127.0.0.1:5432). Both are removed by drop().
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createDb, type DbHandle, type Dialect } from '../../server/db/create-db.ts';
import { migrateToLatest } from '../../server/db/migrate.ts';

export const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Every database test runs on both dialects; TEST_DIALECTS narrows it for a quick local loop. */
export function testDialects(): Dialect[] {
  const wanted = (process.env.TEST_DIALECTS ?? 'sqlite,postgres').split(',').map((s) => s.trim());
  if (process.env.CI && !wanted.includes('postgres'))
    throw new Error('CI must run the PostgreSQL suites');
  return wanted.filter((d): d is Dialect => d === 'sqlite' || d === 'postgres');
}

export interface TestDb extends DbHandle {
  url: string;
  pgSchema?: string;
  drop(): Promise<void>;
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/**
 * `sqlitePath`: a file the caller owns (kept after drop()), or ':memory:' for a test that wants
 * no file. By default a new file in os.tmpdir(), deleted with its directory by drop().
 */
export async function createTestDb(
  dialect: Dialect,
  opts: { migrate?: boolean; sqlitePath?: string } = {},
): Promise<TestDb> {
  let handle: DbHandle;
  let url: string;
  let pgSchema: string | undefined;
  let tempDir: string | undefined;
  if (dialect === 'sqlite') {
    if (!opts.sqlitePath) tempDir = mkdtempSync(join(tmpdir(), 'cl-test-'));
    url = `sqlite:${opts.sqlitePath ?? join(tempDir!, 'test.db')}`;
    try {
      handle = createDb(url);
    } catch (error) {
      if (tempDir) rmSync(tempDir, { recursive: true, force: true });
      throw error;
    }
  } else {
    pgSchema = `t_${randomBytes(6).toString('hex')}`;
    await adminQuery(`create schema ${pgSchema}`);
    url = PG_URL;
    handle = createDb(PG_URL, { pgSchema, pgPoolSize: 5 });
  }
  if (opts.migrate !== false) await migrateToLatest(handle.db);
  return {
    ...handle,
    url,
    pgSchema,
    async drop() {
      try {
        await handle.close();
      } finally {
        if (tempDir) rmSync(tempDir, { recursive: true, force: true });
        if (pgSchema) await adminQuery(`drop schema if exists ${pgSchema} cascade`);
      }
    },
  };
}
