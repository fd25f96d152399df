import { Migrator, PostgresAdapter, sql, type Kysely, type MigrationResultSet } from 'kysely';
import { migrations } from '../../migrations/index.ts';

async function migrator(db: Kysely<any>): Promise<Migrator> {
  // On PostgreSQL, pin Kysely's bookkeeping tables to the current schema: its existence check
  // otherwise looks at every schema and is fooled by another schema's tables.
  let migrationTableSchema: string | undefined;
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
    migrationTableSchema = rows[0]?.schema;
  }
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableSchema,
  });
}

function unwrap(result: MigrationResultSet): string[] {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(
      `Migration ${failed ?? ''} failed: ${String((result.error as Error).message ?? result.error)}`,
    );
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Applies every pending migration; returns the names applied. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  return unwrap(await (await migrator(db)).migrateToLatest());
}

export async function migrateDown(db: Kysely<any>): Promise<string[]> {
  return unwrap(await (await migrator(db)).migrateDown());
}

/** True when every known migration has been applied. */
export async function isMigrated(db: Kysely<any>): Promise<boolean> {
  try {
    const list = await (await migrator(db)).getMigrations();
    return list.every((m) => m.executedAt !== undefined);
  } catch {
    return false;
  }
}
