// Use-cases of the telephony log: intake (file import, webhook), missed calls awaiting a
// call-back, the call-back target setting and the operational metrics.
import { inTransaction, type Ctx } from '../../context.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import type { CallsTable } from '../../db/types.ts';
import { AppError } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import { decodeCursor, toPage } from '../../lib/paging.ts';
import { assertCan } from '../../lib/permissions.ts';
import {
  DEFAULT_CALLBACK_TARGET_MINUTES,
  type CallIn,
  type ImportCallsOut,
  type ListCallsQuery,
  type OperationsQuery,
} from '../../../shared/api/telephony.ts';
import { readCsv, readXlsx } from '../../lib/tabular/read-table.ts';
import { checkTable } from '../../lib/tabular/table.ts';
import { recordAudit } from '../orgs/index.ts';
import { matcherFor } from './call-matching.ts';
import { ensureStageKeys } from '../stages/index.ts';
import { linkCallbacks } from './callbacks.ts';
import {
  convertCallRows,
  resolveColumns,
  type CallRowInput,
  type ColumnMapping,
} from './call-rows.ts';
import { aggregateOperations } from './operations.ts';
import { rebuildCallRollup, recordCallChanges } from './call-rollup.ts';
import { normalisePhone } from './phone.ts';
import * as repo from './telephony.repo.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

type NewCall = Omit<CallRowInput, 'row'>;

/** Stores the calls not stored before (by external id) and re-links call-backs of their numbers; one transaction. */
async function storeCalls(
  ctx: Ctx,
  calls: readonly NewCall[],
): Promise<{ created: CallsTable[]; existing: CallsTable[] }> {
  return inTransaction(ctx, async (tx) => {
    const existing = await repo.findCallsByExternalIds(
      tx.db,
      tx.orgId,
      calls.map((c) => c.externalId),
    );
    const known = new Set(existing.map((c) => c.external_id));
    const fresh = calls.filter((c) => !known.has(c.externalId));
    const match = await matcherFor(tx, fresh);
    const now = tx.clock.now();
    const created: CallsTable[] = fresh.map((c) => ({
      id: newId(now.getTime()),
      org_id: tx.orgId,
      started_at: c.startedAt,
      direction: c.direction,
      wait_seconds: c.waitSeconds,
      answered: c.answered ? 1 : 0,
      duration_seconds: c.durationSeconds,
      employee: c.employee,
      client_phone: c.phone,
      stage: c.stage,
      external_id: c.externalId,
      called_back_call_id: null,
      callback_at: null,
      created_at: now.toISOString(),
      ...match(c),
    }));
    await repo.insertCalls(tx.db, created);
    await ensureStageKeys(
      tx,
      created.map((c) => c.stage),
    );
    const phones = [
      ...new Set(created.map((c) => c.client_phone).filter((p): p is string => p !== null)),
    ];
    const byPhone = new Map<string, CallsTable[]>();
    for (const call of await repo.listCallsOfPhones(tx.db, tx.orgId, phones))
      byPhone.set(call.client_phone!, [...(byPhone.get(call.client_phone!) ?? []), call]);
    const createdById = new Map(created.map((c) => [c.id, c]));
    const relinked: { removed: CallsTable[]; added: CallsTable[] } = { removed: [], added: [] };
    for (const group of byPhone.values()) {
      const byId = new Map(group.map((c) => [c.id, c]));
      for (const link of linkCallbacks(group)) {
        await repo.setCallback(tx.db, tx.orgId, link.id, link);
        const mine = createdById.get(link.id);
        if (mine) Object.assign(mine, link);
        else {
          relinked.removed.push(byId.get(link.id)!);
          relinked.added.push({ ...byId.get(link.id)!, ...link });
        }
      }
    }
    await recordCallChanges(tx, {
      removed: relinked.removed,
      added: [...created, ...relinked.added],
    });
    return { created, existing };
  });
}

async function readTable(file: { bytes: Buffer; kind: 'csv' | 'xlsx' }) {
  if (file.bytes.length === 0) throw new AppError('unprocessable', 'The file is empty');
  return checkTable(file.kind === 'csv' ? await readCsv(file.bytes) : await readXlsx(file.bytes));
}

/** Every row or none: a dry run reports; a real run with any bad row is a 422 listing the rows. */
export async function importCalls(
  ctx: Ctx,
  file: { bytes: Buffer; kind: 'csv' | 'xlsx'; filename: string },
  opts: { dryRun: boolean; timeZone?: string; columns: ColumnMapping },
): Promise<ImportCallsOut> {
  assertCan(ctx.actor, 'data.write');
  const table = await readTable(file);
  const mapping = resolveColumns(table.columns, opts.columns);
  const { inputs, report } = convertCallRows(table, mapping, { timeZone: opts.timeZone ?? 'UTC' });
  const out: ImportCallsOut = {
    dryRun: opts.dryRun,
    columns: mapping as Record<string, string>,
    ...report,
    created: 0,
    duplicates: 0,
  };
  if (opts.dryRun) {
    out.duplicates = (
      await repo.findCallsByExternalIds(
        ctx.db,
        ctx.orgId,
        inputs.map((i) => i.externalId),
      )
    ).length;
    return out;
  }
  if (report.invalid > 0) {
    throw new AppError(
      'unprocessable',
      `${report.invalid} of ${report.valid + report.invalid} rows are not valid; nothing was imported`,
      {
        invalidParams: report.errors.map((e) => ({
          name: `rows.${e.row}${e.column ? `.${e.column}` : ''}`,
          reason: `${e.code}: ${e.message}`,
        })),
      },
    );
  }
  if (inputs.length === 0) throw new AppError('unprocessable', 'The file has no calls');
  try {
    const stored = await inTransaction(ctx, async (tx) => {
      const result = await storeCalls(tx, inputs);
      await recordAudit(tx, 'calls.imported', undefined, {
        filename: file.filename,
        rows: inputs.length,
        created: result.created.length,
      });
      return result;
    });
    return { ...out, created: stored.created.length, duplicates: stored.existing.length };
  } catch (err) {
    if (isUniqueViolation(err))
      throw new AppError(
        'conflict',
        'Another import stored some of these calls meanwhile; import again',
      );
    throw err;
  }
}

/** One call from a webhook: the same external id again returns the stored record, unchanged. */
export async function recordCall(
  ctx: Ctx,
  input: CallIn,
): Promise<{ call: CallsTable; created: boolean }> {
  assertCan(ctx.actor, 'data.write');
  const phoneText = input.phone?.trim() ?? '';
  const phone = normalisePhone(phoneText) ?? null;
  if (phoneText !== '' && /\d/.test(phoneText) && phone === null) {
    throw new AppError('validation_failed', 'The phone is not a phone number', {
      invalidParams: [{ name: 'body.phone', reason: 'not a phone number (e.g. +7 912 345-67-89)' }],
    });
  }
  const call: NewCall = {
    externalId: input.externalId,
    startedAt: new Date(input.startedAt).toISOString(),
    direction: input.direction,
    waitSeconds: input.waitSeconds,
    answered: input.answered,
    durationSeconds: input.durationSeconds,
    employee: input.employee ?? null,
    phone,
    stage: input.stage ?? null,
  };
  try {
    const { created, existing } = await storeCalls(ctx, [call]);
    return created[0]
      ? { call: created[0], created: true }
      : { call: existing[0]!, created: false };
  } catch (err) {
    // A concurrent retry of the same webhook won the insert: answer with its record.
    if (!isUniqueViolation(err)) throw err;
    const [winner] = await repo.findCallsByExternalIds(ctx.db, ctx.orgId, [input.externalId]);
    if (!winner) throw err;
    return { call: winner, created: false };
  }
}

export async function getCall(ctx: Ctx, id: string): Promise<CallsTable> {
  assertCan(ctx.actor, 'data.read');
  return repo.getCall(ctx.db, ctx.orgId, id);
}

const utc = (instant: string | undefined) =>
  instant ? new Date(instant).toISOString() : undefined;

export async function listCalls(ctx: Ctx, q: ListCallsQuery) {
  assertCan(ctx.actor, 'data.read');
  const rows = await repo.listCalls(ctx.db, ctx.orgId, {
    beforeId: decodeCursor(q.cursor),
    limit: q.limit,
    from: utc(q.from),
    to: utc(q.to),
    missedOnly: q.missedOnly,
    employee: q.employee,
  });
  return toPage(rows, q.limit);
}

/** A client's calls, newest first (for the client's timeline). */
export async function listClientCalls(
  ctx: Ctx,
  clientId: string,
  limit = 200,
): Promise<CallsTable[]> {
  assertCan(ctx.actor, 'data.read');
  return repo.listCallsOfClient(ctx.db, ctx.orgId, clientId, limit);
}

export async function getCallbackTargetMinutes(ctx: Ctx): Promise<number> {
  assertCan(ctx.actor, 'data.read');
  return (
    (await repo.findSettings(ctx.db, ctx.orgId))?.callback_target_minutes ??
    DEFAULT_CALLBACK_TARGET_MINUTES
  );
}

/** The rollup counts call-backs within the target: a new target counts them again. */
export async function setCallbackTargetMinutes(ctx: Ctx, minutes: number): Promise<number> {
  assertCan(ctx.actor, 'org.manage');
  await inTransaction(ctx, async (tx) => {
    await repo.upsertSettings(tx.db, {
      org_id: tx.orgId,
      callback_target_minutes: minutes,
      updated_at: tx.clock.now().toISOString(),
    });
    await rebuildCallRollup(tx);
  });
  return minutes;
}

/**
 * Missed inbound calls to a known number with no call-back for at least `olderThanMinutes`
 * (default: the organisation's target), oldest first. The care inbox shows them as reminders.
 */
export async function missedCallsWithoutCallback(
  ctx: Ctx,
  opts: { olderThanMinutes?: number; limit?: number } = {},
): Promise<CallsTable[]> {
  assertCan(ctx.actor, 'data.read');
  const minutes = opts.olderThanMinutes ?? (await getCallbackTargetMinutes(ctx));
  const startedBefore = new Date(ctx.clock.now().getTime() - minutes * MINUTE).toISOString();
  return repo.listMissedWithoutCallback(ctx.db, ctx.orgId, {
    startedBefore,
    limit: opts.limit ?? 200,
  });
}

export async function getOperationsMetrics(ctx: Ctx, q: OperationsQuery) {
  assertCan(ctx.actor, 'data.read');
  const now = ctx.clock.now();
  const to = utc(q.to) ?? now.toISOString();
  const from = utc(q.from) ?? new Date(Date.parse(to) - 30 * DAY).toISOString();
  if (from >= to)
    throw new AppError('validation_failed', 'from must be before to', {
      invalidParams: [{ name: 'query.from', reason: 'must be before to' }],
    });
  const targetMinutes = await getCallbackTargetMinutes(ctx);
  const calls = await repo.listCallsBetween(ctx.db, ctx.orgId, from, to);
  return {
    from,
    to,
    targetMinutes,
    groups: aggregateOperations(calls, q.groupBy, { targetMinutes, now }),
  };
}
