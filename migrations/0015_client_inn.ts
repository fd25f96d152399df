// Issue 14: a client's INN (Russian taxpayer number, 10 digits for a company, 12 for a person),
// so imports from 1C and CRMs can match clients by it. Nullable: most clients have none yet.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('clients').addColumn('inn', 'text').execute();
  await db.schema
    .createIndex('clients_org_inn_idx')
    .on('clients')
    .columns(['org_id', 'inn'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('clients_org_inn_idx').execute();
  await db.schema.alterTable('clients').dropColumn('inn').execute();
}
