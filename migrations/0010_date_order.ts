// Lists in the order of the date they show (issue 21): feedback by received_at, cases and the
// audit log by created_at, ties broken by id, paged on (date, id). Each list gets an index that
// ends in id, so the keyset walk never sorts; the indexes they replace were prefixes of them.
import type { Kysely } from 'kysely';

const REPLACED: [string, string, string[], string[]][] = [
  // [old name, table, old columns, new columns]
  [
    'feedback_org_received_idx',
    'feedback',
    ['org_id', 'received_at'],
    ['org_id', 'received_at', 'id'],
  ],
  [
    'feedback_org_client_idx',
    'feedback',
    ['org_id', 'client_id', 'received_at'],
    ['org_id', 'client_id', 'received_at', 'id'],
  ],
  ['audit_org_idx', 'audit_log', ['org_id', 'created_at'], ['org_id', 'created_at', 'id']],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [name, table, , columns] of REPLACED) {
    await db.schema.dropIndex(name).execute();
    await db.schema.createIndex(name).on(table).columns(columns).execute();
  }
  await db.schema
    .createIndex('cases_org_created_idx')
    .on('cases')
    .columns(['org_id', 'created_at', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('cases_org_created_idx').execute();
  for (const [name, table, columns] of REPLACED) {
    await db.schema.dropIndex(name).execute();
    await db.schema.createIndex(name).on(table).columns(columns).execute();
  }
}
