// Bounded migration walks for tests: a down-loop that waits for a name that never comes (a
// renamed migration, a typo, a migration that undoes nothing) fails with a message, not a hang.
import type { Kysely } from 'kysely';
import { migrateDown } from '../../server/db/migrate.ts';
import { migrations } from '../../migrations/index.ts';

/** Undoes migrations, newest first, until `name` itself has been undone. */
export async function migrateDownThrough(db: Kysely<any>, name: string): Promise<string[]> {
  if (!(name in migrations)) throw new Error(`migrateDownThrough: no migration named ${name}`);
  const undone: string[] = [];
  const limit = Object.keys(migrations).length;
  for (let step = 0; step < limit; step++) {
    const names = await migrateDown(db);
    if (names.length === 0) break;
    undone.push(...names);
    if (names.includes(name)) return undone;
  }
  throw new Error(
    `migrateDownThrough: ${name} was not undone (undid ${undone.join(', ') || 'nothing'})`,
  );
}

/** Undoes every migration; fails if the database is not empty of migrations afterwards. */
export async function migrateDownAll(db: Kysely<any>): Promise<string[]> {
  const undone: string[] = [];
  const limit = Object.keys(migrations).length;
  for (let step = 0; step <= limit; step++) {
    const names = await migrateDown(db);
    if (names.length === 0) return undone;
    undone.push(...names);
  }
  throw new Error(`migrateDownAll: still undoing after ${limit + 1} steps`);
}
