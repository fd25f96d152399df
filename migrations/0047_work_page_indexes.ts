// The work pages at 1 000 000 records (issue 20, BENCHMARKS.md "Dashboards … work pages"): the
// indexes their reads walk, checked with EXPLAIN QUERY PLAN / EXPLAIN ANALYZE.
// - Open cases (partial: only the open rows, so small and cheap to keep): the list and board
//   newest first, a person's own ("mine"), and the care inbox's SLA risk by due time.
// - The "overdue in a window" drill-down (cases by breach time).
// - Silent clients (care inbox): the clients active since a cutoff are read from the window only
//   (feedback by time with its client, cases by last change with their client); the last change
//   of the few silent ones from (org, client, updated_at). Two indexes are widened instead of
//   added (their old columns stay a prefix).
// - The care inbox's detractors without a case (partial: detractor records with no case), and
//   the records of cases still new or acknowledged (partial: those cases; records with a case).
// - The feedback list filtered by channel.
// - The care inbox's role coverage: the newest touch of the items' clients' contacts (feedback,
//   cases, reply mails, answered calls) read per contact, not through every row of the
//   organisation (SQLite walked all 1 000 000 records for it on every inbox read).
// The partial indexes' predicates are literals, and the reads carry the same terms
// (server/db/open-cases.ts, care/reminders.repo.ts): SQLite only uses a partial index whose
// WHERE the query itself states.
import { sql, type Kysely } from 'kysely';

/** As server/db/open-cases.ts writes it (open-cases.test.ts compares them). */
export const OPEN_PREDICATE = "status in ('new', 'acknowledged', 'in_progress', 'waiting_client')";
/** Cases nobody has answered yet (care/reminders.repo.ts): detractors waiting on a follow-up. */
export const UNANSWERED_PREDICATE = "status in ('new', 'acknowledged')";
/** As care/reminders.repo.ts writes it (reminders-bounds.test.ts compares them). */
export const DETRACTOR_PREDICATE =
  "case_id is null and ((score_type = 'nps' and score_value <= 6) or (score_type = 'csat' and score_value <= 2))";

/** Each row's contact, for the care inbox's role coverage (the newest touch per contact). */
const BY_CONTACT: [string, string, string][] = [
  // [name, table, time column]
  ['feedback_org_contact_idx', 'feedback', 'received_at'],
  ['cases_org_contact_idx', 'cases', 'created_at'],
  ['messages_org_contact_idx', 'messages', 'sent_at'],
  ['calls_org_contact_idx', 'calls', 'started_at'],
];

const WIDENED: [string, string, string[], string[]][] = [
  // [name, table, old columns, new columns]
  [
    'feedback_org_received_idx',
    'feedback',
    ['org_id', 'received_at', 'id'],
    ['org_id', 'received_at', 'id', 'client_id'],
  ],
  ['cases_org_client_idx', 'cases', ['org_id', 'client_id'], ['org_id', 'client_id', 'updated_at']],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  const open = sql.raw<boolean>(OPEN_PREDICATE);
  await db.schema
    .createIndex('cases_open_created_idx')
    .on('cases')
    .columns(['org_id', 'created_at', 'id'])
    .where(open)
    .execute();
  await db.schema
    .createIndex('cases_open_owner_idx')
    .on('cases')
    .columns(['org_id', 'owner_id', 'created_at', 'id'])
    .where(open)
    .execute();
  await db.schema
    .createIndex('cases_open_due_idx')
    .on('cases')
    .columns(['org_id', 'due_at'])
    .where(open)
    .execute();
  await db.schema
    .createIndex('cases_unanswered_idx')
    .on('cases')
    .columns(['org_id', 'created_at', 'id'])
    .where(sql.raw<boolean>(UNANSWERED_PREDICATE))
    .execute();
  await db.schema
    .createIndex('cases_org_breached_idx')
    .on('cases')
    .columns(['org_id', 'breached_at'])
    .execute();
  await db.schema
    .createIndex('cases_org_updated_idx')
    .on('cases')
    .columns(['org_id', 'updated_at', 'client_id'])
    .execute();
  await db.schema
    .createIndex('feedback_detractors_idx')
    .on('feedback')
    // Not (…, received_at): SQLite without statistics prices the wider index above the
    // organisation's plain (org_id, id) one and walks every record instead.
    .columns(['org_id', 'id'])
    .where(sql.raw<boolean>(DETRACTOR_PREDICATE))
    .execute();
  await db.schema
    .createIndex('feedback_org_case_idx')
    .on('feedback')
    .columns(['org_id', 'case_id'])
    .where(sql.ref('case_id'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('feedback_org_channel_idx')
    .on('feedback')
    .columns(['org_id', 'channel', 'received_at', 'id'])
    .execute();
  for (const [name, table, at] of BY_CONTACT)
    await db.schema.createIndex(name).on(table).columns(['org_id', 'contact_id', at]).execute();
  for (const [name, table, , columns] of WIDENED) {
    await db.schema.dropIndex(name).execute();
    await db.schema.createIndex(name).on(table).columns(columns).execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [name, table, columns] of WIDENED) {
    await db.schema.dropIndex(name).execute();
    await db.schema.createIndex(name).on(table).columns(columns).execute();
  }
  for (const [name] of BY_CONTACT) await db.schema.dropIndex(name).execute();
  for (const name of [
    'feedback_org_channel_idx',
    'feedback_org_case_idx',
    'feedback_detractors_idx',
    'cases_org_updated_idx',
    'cases_org_breached_idx',
    'cases_unanswered_idx',
    'cases_open_due_idx',
    'cases_open_owner_idx',
    'cases_open_created_idx',
  ])
    await db.schema.dropIndex(name).execute();
}
