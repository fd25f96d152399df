// The closed loop: clients and contacts, feedback from every channel, idempotency, cases with SLA
// policies and events, the outbound message outbox and templates, surveys and their invitations,
// imports, and outbound webhooks with their deliveries.
import { sql, type Kysely } from 'kysely';
import { oneOf, types } from './_portable.ts';
import { upOutboxImportsWebhooks } from './_0002_outbox.ts';

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

  await upOutboxImportsWebhooks(db);
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
