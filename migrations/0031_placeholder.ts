// Placeholder for 0031, which another branch (the backlog) takes; dropped when the branches merge.
import type { Kysely } from 'kysely';

export async function up(_db: Kysely<any>): Promise<void> {}

export async function down(_db: Kysely<any>): Promise<void> {}
