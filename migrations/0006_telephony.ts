// Telephony: call records from PBX exports and webhooks, and each organisation's call-back target.
// client_phone keeps the normalised form (+7XXXXXXXXXX) so matching and call-back detection are
// plain equality on both dialects.
import { sql, type Kysely } from 'kysely';
import { oneOf, types } from './_portable.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = types(db);

  await db.schema
    .createTable('calls')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('started_at', t.time, (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('wait_seconds', 'integer', (c) => c.notNull())
    .addColumn('answered', t.flag, (c) => c.notNull())
    .addColumn('duration_seconds', 'integer', (c) => c.notNull())
    .addColumn('employee', 'text')
    .addColumn('user_id', t.id)
    .addColumn('client_phone', 'text')
    .addColumn('contact_id', t.id)
    .addColumn('client_id', t.id)
    .addColumn('stage', 'text')
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('called_back_call_id', t.id)
    .addColumn('callback_at', t.time)
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addCheckConstraint('calls_direction_check', sql.raw(oneOf('direction', ['in', 'out'])))
    .addCheckConstraint('calls_answered_check', sql.raw('answered in (0, 1)'))
    .execute();
  // A re-imported file or a retried webhook names the same external id: one row per org and id.
  await db.schema
    .createIndex('calls_org_external_uq')
    .on('calls')
    .columns(['org_id', 'external_id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('calls_org_started_idx')
    .on('calls')
    .columns(['org_id', 'started_at'])
    .execute();
  await db.schema
    .createIndex('calls_org_phone_idx')
    .on('calls')
    .columns(['org_id', 'client_phone', 'started_at'])
    .execute();

  await db.schema
    .createTable('call_settings')
    .addColumn('org_id', t.id, (c) =>
      c.primaryKey().notNull().references('orgs.id').onDelete('cascade'),
    )
    .addColumn('callback_target_minutes', 'integer', (c) => c.notNull())
    .addColumn('updated_at', t.time, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['call_settings', 'calls']) await db.schema.dropTable(table).execute();
}
