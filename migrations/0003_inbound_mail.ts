// E-mail in: each organisation's inbound address token, and the mail the built-in SMTP receiver
// handled that is not (yet) a feedback record — quarantined unknown senders, and threaded replies
// kept so a re-delivered message is recognised by its Message-ID.
import { sql, type Kysely } from 'kysely';
import { oneOf, types } from './_portable.ts';

const INBOUND_STATUSES = ['quarantined', 'accepted', 'discarded', 'threaded'];

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = types(db);

  await db.schema
    .createTable('inbound_addresses')
    .addColumn('org_id', t.id, (c) =>
      c.primaryKey().notNull().references('orgs.id').onDelete('cascade'),
    )
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('inbound_messages')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('from_address', 'text', (c) => c.notNull())
    .addColumn('from_name', 'text')
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('feedback_id', t.id)
    .addColumn('case_id', t.id)
    .addColumn('received_at', t.time, (c) => c.notNull())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('decided_at', t.time)
    .addColumn('decided_by', t.id)
    .addCheckConstraint('inbound_messages_status_check', sql.raw(oneOf('status', INBOUND_STATUSES)))
    .execute();
  // NULL message ids never collide, on both dialects.
  await db.schema
    .createIndex('inbound_messages_org_message_uq')
    .on('inbound_messages')
    .columns(['org_id', 'message_id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('inbound_messages_org_status_idx')
    .on('inbound_messages')
    .columns(['org_id', 'status', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['inbound_messages', 'inbound_addresses'])
    await db.schema.dropTable(table).execute();
}
