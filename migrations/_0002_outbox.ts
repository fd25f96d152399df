// Second half of migration 0002 (split only to keep files short; shipped as one migration): the
// outbound message outbox and its templates, imports, and webhooks with their deliveries.
import { sql, type Kysely } from 'kysely';
import { oneOf, types } from './_portable.ts';

const MESSAGE_KINDS = [
  'ack',
  'status',
  'closing',
  'followup',
  'survey_invite',
  'digest',
  'escalation',
];
const MESSAGE_STATUSES = ['queued', 'sent', 'failed', 'not_sent'];

export async function upOutboxImportsWebhooks(db: Kysely<unknown>): Promise<void> {
  const t = types(db);
  await db.schema
    .createTable('message_templates')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_at', t.time, (c) => c.notNull())
    .addCheckConstraint('message_templates_kind_check', sql.raw(oneOf('kind', MESSAGE_KINDS)))
    .execute();
  await db.schema
    .createIndex('message_templates_uq')
    .on('message_templates')
    .columns(['org_id', 'kind', 'language'])
    .unique()
    .execute();

  await db.schema
    .createTable('messages')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('provider_message_id', 'text')
    .addColumn('feedback_id', t.id)
    .addColumn('case_id', t.id)
    .addColumn('contact_id', t.id)
    .addColumn('client_id', t.id)
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('sent_at', t.time)
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addCheckConstraint('messages_kind_check', sql.raw(oneOf('kind', MESSAGE_KINDS)))
    .addCheckConstraint('messages_status_check', sql.raw(oneOf('status', MESSAGE_STATUSES)))
    .execute();
  await db.schema
    .createIndex('messages_org_idx')
    .on('messages')
    .columns(['org_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('messages_case_idx')
    .on('messages')
    .columns(['org_id', 'case_id'])
    .execute();
  await db.schema
    .createIndex('messages_client_idx')
    .on('messages')
    .columns(['org_id', 'client_id'])
    .execute();

  await db.schema
    .createTable('imports')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('columns', t.json, (c) => c.notNull())
    .addColumn('rows', t.json, (c) => c.notNull())
    .addColumn('row_count', 'integer', (c) => c.notNull())
    .addColumn('mapping', t.json)
    .addColumn('errors', t.json)
    .addColumn('created_by', t.id)
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('committed_at', t.time)
    .addCheckConstraint(
      'imports_status_check',
      sql.raw(oneOf('status', ['uploaded', 'rejected', 'committed'])),
    )
    .execute();

  await db.schema
    .createTable('webhooks')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('events', t.json, (c) => c.notNull())
    .addColumn('active', t.flag, (c) => c.notNull())
    .addColumn('allowed_host', 'text')
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('updated_at', t.time, (c) => c.notNull())
    .execute();

  await db.schema
    .createIndex('webhooks_org_idx')
    .on('webhooks')
    .columns(['org_id', 'active'])
    .execute();

  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('webhook_id', t.id, (c) => c.notNull().references('webhooks.id').onDelete('cascade'))
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('payload', t.json, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('response_status', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('delivered_at', t.time)
    .addCheckConstraint(
      'webhook_deliveries_status_check',
      sql.raw(oneOf('status', ['pending', 'delivered', 'failed'])),
    )
    .execute();
  await db.schema
    .createIndex('webhook_deliveries_uq')
    .on('webhook_deliveries')
    .columns(['webhook_id', 'event_id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('webhook_deliveries_org_idx')
    .on('webhook_deliveries')
    .columns(['org_id', 'webhook_id', 'created_at'])
    .execute();
}
