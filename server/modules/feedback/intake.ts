// The set-based core of intake: many records (one request's batch, or the requests of one group
// commit) are checked for duplicates with one query per kind of key, inserted with multi-row
// statements, and followed by one acknowledgement and one webhook write per group. Clients and
// contacts are matched per group (intake-parties.ts) and cases opened per group (cases'
// open-cases.ts, issue 20); only a client or contact named by its id is looked up per record.
import { feedbackRecorded } from './feedback-recorded.ts';
import { recordScoreMonths } from './score-months.ts';
import type { Ctx } from '../../context.ts';
import type {
  ContactsTable,
  DbOrTrx,
  FeedbackTable,
  IdempotencyKeysTable,
} from '../../db/types.ts';
import { AppError, unknownReference } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import { refCipher, refKeyOf } from '../../lib/public-ref.ts';
import type { FeedbackIn } from '../../../shared/api/feedback.ts';
import { insertPendingParties } from '../clients/index.ts';
import { lookUpParties, resolveParties } from './intake-parties.ts';
import { announceNewFeedback, openRuleCases, type RecordedFeedback } from './feedback.effects.ts';
import * as repo from './feedback.repo.ts';

export interface RecordOptions {
  idempotencyKey?: string;
  /** Set by channels that already know the contact (survey invitations, matched senders). */
  contactId?: string;
  surveyId?: string;
  raw?: unknown;
  /** Follow-up ratings and historical imports need no "we received your feedback" mail. */
  skipAcknowledgement?: boolean;
  /** Historical imports: store the record without opening cases (their SLA is long past). */
  skipCaseRules?: boolean;
}

export interface RecordResult {
  record: FeedbackTable;
  /** false when the idempotency key or source id named a record stored before. */
  created: boolean;
}

export interface IntakeItem {
  /** The caller: organisation, actor and clock. Its db is replaced by the shared transaction. */
  ctx: Ctx;
  input: FeedbackIn;
  opts: RecordOptions;
  /** sha256 of the canonical body when an Idempotency-Key is given, else ''. */
  requestHash: string;
}

/** Per item: the stored (or earlier) record, or the error that item alone failed with. */
export type IntakeOutcome = { ok: true; result: RecordResult } | { ok: false; error: AppError };

/**
 * Records the items inside the caller's transaction `db`, in order. A per-item AppError (an
 * unknown clientId, an Idempotency-Key reused with another body) fails that item before any of
 * its writes; any other error aborts the whole transaction and is thrown.
 */
export async function recordMany(
  db: DbOrTrx,
  items: readonly IntakeItem[],
): Promise<IntakeOutcome[]> {
  const outcomes = new Array<IntakeOutcome>(items.length);
  const byOrg = new Map<string, number[]>();
  items.forEach((item, i) => {
    const list = byOrg.get(item.ctx.orgId);
    if (list) list.push(i);
    else byOrg.set(item.ctx.orgId, [i]);
  });
  for (const indexes of byOrg.values()) {
    const results = await recordForOneOrg(
      db,
      indexes.map((i) => items[i]!),
    );
    indexes.forEach((itemIndex, k) => (outcomes[itemIndex] = results[k]!));
  }
  return outcomes;
}

async function recordForOneOrg(
  db: DbOrTrx,
  items: readonly IntakeItem[],
): Promise<IntakeOutcome[]> {
  const orgId = items[0]!.ctx.orgId;
  const earlier = await findEarlier(db, orgId, items);
  // The clients and contacts the group names, looked up at once; new ones are written together.
  const parties = await lookUpParties({ db, orgId }, items);
  const outcomes: IntakeOutcome[] = [];
  const created: RecordedFeedback[] = [];
  const keys: IdempotencyKeysTable[] = [];

  for (const item of items) {
    const { input, opts, requestHash } = item;
    const key = opts.idempotencyKey ? earlier.byKey.get(opts.idempotencyKey) : undefined;
    if (key) {
      outcomes.push(
        key.hash === requestHash
          ? { ok: true, result: { record: key.record, created: false } }
          : { ok: false, error: idempotencyConflict() },
      );
      continue;
    }
    const sameSource = input.sourceId ? earlier.bySource.get(input.sourceId) : undefined;
    if (sameSource) {
      outcomes.push({ ok: true, result: { record: sameSource, created: false } });
      continue;
    }
    const tx: Ctx = { ...item.ctx, db };
    let resolved: { clientId: string | null; contact: ContactsTable | undefined };
    try {
      resolved = await resolveParties(tx, input, opts, parties);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      outcomes.push({ ok: false, error: err });
      continue;
    }
    const row = newRow(tx, input, opts, resolved);
    created.push({
      ctx: tx,
      row,
      contact: opts.skipAcknowledgement ? undefined : resolved.contact,
      openCases: !opts.skipCaseRules,
    });
    outcomes.push({ ok: true, result: { record: row, created: true } });
    // Later items of the same group with this key or source id are replays of this one.
    if (input.sourceId) earlier.bySource.set(input.sourceId, row);
    if (opts.idempotencyKey) {
      earlier.byKey.set(opts.idempotencyKey, { hash: requestHash, record: row });
      keys.push({
        org_id: orgId,
        key: opts.idempotencyKey,
        request_hash: requestHash,
        resource_id: row.id,
        created_at: row.created_at,
      });
    }
  }

  await numberRecords(
    db,
    created.map((c) => c.row),
  );
  // New senders first (records and cases name them), then cases: the rows are then inserted
  // with their case_id, no update afterwards.
  await insertPendingParties({ db }, parties.pending);
  await openRuleCases(created);
  const rows = created.map((c) => c.row);
  await repo.insertFeedbackRows(db, rows);
  await repo.insertIdempotencyKeys(db, keys);
  await recordScoreMonths({ db, orgId }, rows);
  await feedbackRecorded.emit(
    { db, orgId },
    { records: created.map((c) => ({ clientId: c.row.client_id, receivedAt: c.row.received_at })) },
  );
  await announceNewFeedback(created);
  return outcomes;
}

/** Record numbers and public references for new rows, in one round trip for the group. */
async function numberRecords(db: DbOrTrx, rows: FeedbackTable[]): Promise<void> {
  if (rows.length === 0) return;
  const { numbers, key } = await repo.nextRecordNumbers(db, rows.length, rows[0]!.created_at);
  const refs = refCipher(key).refsOf(numbers);
  rows.forEach((row, i) => {
    row.ref_key = refKeyOf(numbers[i]!);
    row.public_ref = refs[i]!;
  });
}

interface Earlier {
  byKey: Map<string, { hash: string; record: FeedbackTable }>;
  bySource: Map<string, FeedbackTable>;
}

/** Records stored before under the items' idempotency keys or source ids: two queries at most. */
async function findEarlier(
  db: DbOrTrx,
  orgId: string,
  items: readonly IntakeItem[],
): Promise<Earlier> {
  const keyNames = [
    ...new Set(items.map((i) => i.opts.idempotencyKey).filter((k): k is string => !!k)),
  ];
  const sourceIds = [
    ...new Set(items.map((i) => i.input.sourceId).filter((s): s is string => !!s)),
  ];
  const byKey: Earlier['byKey'] = new Map();
  if (keyNames.length) {
    const keyRows = await repo.findIdempotencyKeys(db, orgId, keyNames);
    const records = new Map(
      (
        await repo.findFeedbackByIds(
          db,
          orgId,
          keyRows.map((k) => k.resource_id),
        )
      ).map((r) => [r.id, r]),
    );
    for (const k of keyRows) {
      const record = records.get(k.resource_id);
      if (record) byKey.set(k.key, { hash: k.request_hash, record });
    }
  }
  const bySource: Earlier['bySource'] = new Map();
  if (sourceIds.length)
    for (const r of await repo.findFeedbackBySourceIds(db, orgId, sourceIds))
      bySource.set(r.source_id!, r);
  return { byKey, bySource };
}

function newRow(
  tx: Ctx,
  input: FeedbackIn,
  opts: RecordOptions,
  parties: { clientId: string | null; contact: ContactsTable | undefined },
): FeedbackTable {
  const now = tx.clock.now();
  const nowIso = now.toISOString();
  return {
    id: newId(now.getTime()),
    org_id: tx.orgId,
    // Given with the group's numbers (numberRecords), before anything reads them.
    public_ref: '',
    ref_key: '',
    channel: input.channel,
    client_id: parties.clientId,
    contact_id: parties.contact?.id ?? null,
    stage: input.stage ?? null,
    survey_id: opts.surveyId ?? null,
    score_type: input.score?.type ?? null,
    score_value: input.score?.value ?? null,
    text: input.text ?? null,
    language: null,
    sentiment_label: null,
    sentiment_score: null,
    topics: '[]',
    source_id: input.sourceId ?? null,
    raw: opts.raw === undefined ? null : JSON.stringify(opts.raw),
    case_id: null,
    acknowledged_at: null,
    received_at: input.receivedAt ? new Date(input.receivedAt).toISOString() : nowIso,
    created_at: nowIso,
  };
}

const idempotencyConflict = () =>
  new AppError(
    'idempotency_conflict',
    'This Idempotency-Key was used with a different request body',
  );
