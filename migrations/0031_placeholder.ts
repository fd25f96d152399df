// Placeholder for migration 0031, taken by a branch developed in parallel (issue 18); this empty
// file keeps the numbering of 0033_strategy valid on this branch. Drop it at merge.
import type { Kysely } from 'kysely';

export async function up(_db: Kysely<any>): Promise<void> {}

export async function down(_db: Kysely<any>): Promise<void> {}
