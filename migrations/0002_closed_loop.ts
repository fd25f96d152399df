// The closed loop: clients and contacts, feedback from every channel, idempotency, cases with SLA
// policies and events, the outbound message outbox and templates, surveys and their invitations,
// imports, and outbound webhooks with their deliveries.
import { sql, type Kysely } from 'kysely';
import { oneOf, types } from './_portable.ts';

const CHANNELS = ['api', 'survey', 'email', 'web', 'manual', 'phone', 'import', 'telegram'];
const SCORE_TYPES = ['nps', 'csat', 'ces', 'custom'];
const CASE_STATUSES = [
  'new',
  'acknowledged',
  'in_progress',
  'waiting_client',
  'resolved',
  'closed',
];
const CASE_TYPES = ['complaint', 'claim', 'request', 'idea', 'praise'];
const PRIORITIES = ['low', 'normal', 'high', 'urgent'];
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

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = types(db);

  await db.schema
    .createTable('clients')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text')
    .addColumn('segment', 'text')
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('updated_at', t.time, (c) => c.notNull())
    .addCheckConstraint('clients_kind_check', sql.raw(oneOf('kind', ['company', 'person'])))
    .execute();
  await db.schema
    .createIndex('clients_org_external_uq')
    .on('clients')
    .columns(['org_id', 'external_id'])
    .unique()
    .execute();
  await db.schema.createIndex('clients_org_idx').on('clients').columns(['org_id', 'id']).execute();

  await db.schema
    .createTable('contacts')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('client_id', t.id, (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('roles', t.json, (c) => c.notNull())
    .addColumn('external_id', 'text')
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('updated_at', t.time, (c) => c.notNull())
    .addCheckConstraint('contacts_language_check', sql.raw(oneOf('language', ['ru', 'en'])))
    .execute();
  await db.schema
    .createIndex('contacts_org_email_idx')
    .on('contacts')
    .columns(['org_id', 'email'])
    .execute();
  await db.schema
    .createIndex('contacts_org_phone_idx')
    .on('contacts')
    .columns(['org_id', 'phone'])
    .execute();
  await db.schema
    .createIndex('contacts_client_idx')
    .on('contacts')
    .columns(['org_id', 'client_id'])
    .execute();

  await db.schema
    .createTable('surveys')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('question', t.json, (c) => c.notNull())
    .addColumn('comment_prompt', t.json, (c) => c.notNull())
    .addColumn('stage', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('open_token', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('updated_at', t.time, (c) => c.notNull())
    .addCheckConstraint('surveys_metric_check', sql.raw(oneOf('metric', ['nps', 'csat', 'ces'])))
    .addCheckConstraint('surveys_status_check', sql.raw(oneOf('status', ['active', 'closed'])))
    .execute();

  await db.schema
    .createTable('survey_invites')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('survey_id', t.id, (c) => c.notNull().references('surveys.id').onDelete('cascade'))
    .addColumn('contact_id', t.id, (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('feedback_id', t.id)
    .addColumn('answered_at', t.time)
    .addColumn('expires_at', t.time)
    .addColumn('created_at', t.time, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('survey_invites_survey_idx')
    .on('survey_invites')
    .columns(['org_id', 'survey_id'])
    .execute();

  await db.schema
    .createTable('feedback')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('public_ref', 'text', (c) => c.notNull().unique())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('client_id', t.id, (c) => c.references('clients.id').onDelete('set null'))
    .addColumn('contact_id', t.id, (c) => c.references('contacts.id').onDelete('set null'))
    .addColumn('stage', 'text')
    .addColumn('survey_id', t.id, (c) => c.references('surveys.id').onDelete('set null'))
    .addColumn('score_type', 'text')
    .addColumn('score_value', 'integer')
    .addColumn('text', 'text')
    .addColumn('language', 'text')
    .addColumn('sentiment_label', 'text')
    .addColumn('sentiment_score', 'real')
    .addColumn('topics', t.json, (c) => c.notNull())
    .addColumn('source_id', 'text')
    .addColumn('raw', t.json)
    .addColumn('case_id', t.id)
    .addColumn('acknowledged_at', t.time)
    .addColumn('received_at', t.time, (c) => c.notNull())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addCheckConstraint('feedback_channel_check', sql.raw(oneOf('channel', CHANNELS)))
    .addCheckConstraint(
      'feedback_score_type_check',
      sql.raw(`score_type is null or ${oneOf('score_type', SCORE_TYPES)}`),
    )
    .execute();
  await db.schema
    .createIndex('feedback_org_source_uq')
    .on('feedback')
    .columns(['org_id', 'source_id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('feedback_org_received_idx')
    .on('feedback')
    .columns(['org_id', 'received_at'])
    .execute();
  await db.schema
    .createIndex('feedback_org_client_idx')
    .on('feedback')
    .columns(['org_id', 'client_id', 'received_at'])
    .execute();
  await db.schema
    .createIndex('feedback_org_id_idx')
    .on('feedback')
    .columns(['org_id', 'id'])
    .execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('resource_id', t.id, (c) => c.notNull())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['org_id', 'key'])
    .execute();

  await db.schema
    .createTable('sla_policies')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('priority', 'text')
    .addColumn('first_response_minutes', 'integer', (c) => c.notNull())
    .addColumn('resolution_minutes', 'integer', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('business_hours', t.json)
    .addColumn('holidays', t.json, (c) => c.notNull())
    .addColumn('is_default', t.flag, (c) => c.notNull())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('updated_at', t.time, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('cases')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('public_ref', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('stage', 'text')
    .addColumn('client_id', t.id, (c) => c.references('clients.id').onDelete('set null'))
    .addColumn('contact_id', t.id, (c) => c.references('contacts.id').onDelete('set null'))
    .addColumn('feedback_id', t.id)
    .addColumn('owner_id', t.id, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('sla_policy_id', t.id, (c) => c.references('sla_policies.id').onDelete('set null'))
    .addColumn('opened_by', 'text', (c) => c.notNull())
    .addColumn('first_response_due_at', t.time)
    .addColumn('due_at', t.time)
    .addColumn('first_responded_at', t.time)
    .addColumn('resolved_at', t.time)
    .addColumn('closed_at', t.time)
    .addColumn('breached_at', t.time)
    .addColumn('resolution', 'text')
    .addColumn('followup_requested', t.flag, (c) => c.notNull())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('updated_at', t.time, (c) => c.notNull())
    .addCheckConstraint('cases_status_check', sql.raw(oneOf('status', CASE_STATUSES)))
    .addCheckConstraint('cases_type_check', sql.raw(oneOf('type', CASE_TYPES)))
    .addCheckConstraint('cases_priority_check', sql.raw(oneOf('priority', PRIORITIES)))
    .execute();
  await db.schema
    .createIndex('cases_org_status_idx')
    .on('cases')
    .columns(['org_id', 'status', 'due_at'])
    .execute();
  await db.schema
    .createIndex('cases_org_client_idx')
    .on('cases')
    .columns(['org_id', 'client_id'])
    .execute();

  await db.schema
    .createTable('case_events')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('case_id', t.id, (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', t.id)
    .addColumn('body', 'text')
    .addColumn('created_at', t.time, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('case_events_case_idx')
    .on('case_events')
    .columns(['org_id', 'case_id', 'created_at'])
    .execute();

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

export async function down(db: Kysely<unknown>): Promise<void> {
  const tables = [
    'webhook_deliveries',
    'webhooks',
    'imports',
    'messages',
    'message_templates',
    'case_events',
    'cases',
    'sla_policies',
    'idempotency_keys',
    'feedback',
    'survey_invites',
    'surveys',
    'contacts',
    'clients',
  ];
  for (const table of tables) await db.schema.dropTable(table).execute();
}
