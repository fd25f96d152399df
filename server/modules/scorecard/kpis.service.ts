// Process KPIs (issue 15): a named series per organisation, defined by key (PUT is create or
// replace), and its values per journey stage and month, upserted all-or-nothing: an unknown stage
// is a 404 naming the item, a malformed month a 422 naming it, and then nothing is written.
import { inTransaction, type Ctx } from '../../context.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import type { KpisTable, KpiValuesTable } from '../../db/types.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import { assertCan } from '../../lib/permissions.ts';
import {
  MONTH_RE,
  reservedKpiKey,
  type KpiValueIn,
  type ListKpiValuesQuery,
  type PutKpiBody,
} from '../../../shared/api/scorecard.ts';
import { recordAudit } from '../orgs/index.ts';
import { unknownStageKeys } from '../stages/index.ts';
import * as repo from './scorecard.repo.ts';

export async function listKpis(ctx: Ctx): Promise<KpisTable[]> {
  assertCan(ctx.actor, 'scorecard.read');
  return repo.listKpis(ctx.db, ctx.orgId);
}

export async function getKpi(ctx: Ctx, key: string): Promise<KpisTable> {
  assertCan(ctx.actor, 'scorecard.read');
  return kpiOf(ctx, key);
}

async function kpiOf(ctx: Pick<Ctx, 'db' | 'orgId'>, key: string): Promise<KpisTable> {
  const kpi = await repo.findKpi(ctx.db, ctx.orgId, key);
  if (!kpi) throw notFound('KPI');
  return kpi;
}

/** Defines the KPI `key` or replaces its definition; `created` tells which. */
export async function putKpi(
  ctx: Ctx,
  key: string,
  input: PutKpiBody,
): Promise<{ created: boolean; row: KpisTable }> {
  assertCan(ctx.actor, 'data.write');
  if (reservedKpiKey(key))
    throw new AppError('unprocessable', `The key «${key}» belongs to a built-in metric`, {
      invalidParams: [{ name: 'params.key', reason: 'reserved for a built-in metric' }],
    });
  const write = () =>
    inTransaction(ctx, async (tx) => {
      const now = tx.clock.now().toISOString();
      const fields = {
        name: input.name,
        name_en: input.nameEn ?? null,
        unit: input.unit ?? null,
        direction: input.direction,
        target: input.target ?? null,
        updated_at: now,
      };
      const current = await repo.findKpi(tx.db, tx.orgId, key);
      if (current) {
        await repo.updateKpi(tx.db, tx.orgId, current.id, fields);
        await recordAudit(tx, 'kpi.defined', { type: 'kpi', id: current.id }, { key });
        return { created: false, row: { ...current, ...fields } };
      }
      const row: KpisTable = {
        id: newId(),
        org_id: tx.orgId,
        key,
        ...fields,
        created_at: now,
      };
      await repo.insertKpi(tx.db, row);
      await recordAudit(tx, 'kpi.defined', { type: 'kpi', id: row.id }, { key });
      return { created: true, row };
    });
  try {
    return await write();
  } catch (err) {
    // Defined by a concurrent request between the read and the insert: now it is an update.
    if (isUniqueViolation(err)) return write();
    throw err;
  }
}

/** Deletes the KPI and its values. */
export async function deleteKpi(ctx: Ctx, key: string): Promise<void> {
  assertCan(ctx.actor, 'data.write');
  await inTransaction(ctx, async (tx) => {
    const kpi = await kpiOf(tx, key);
    await repo.deleteKpi(tx.db, tx.orgId, kpi.id);
    await recordAudit(tx, 'kpi.deleted', { type: 'kpi', id: kpi.id }, { key });
  });
}

/** 422 naming every malformed month, before anything is read or written. */
function assertMonths(values: readonly Pick<KpiValueIn, 'period'>[], path: string): void {
  const bad = values.flatMap((v, i) =>
    MONTH_RE.test(v.period)
      ? []
      : [{ name: `${path}.${i}.period`, reason: 'a calendar month YYYY-MM' }],
  );
  if (bad.length)
    throw new AppError('unprocessable', 'A period is not a month YYYY-MM', {
      invalidParams: bad.slice(0, 100),
    });
}

/** 404 naming every value whose stage the registry does not know. */
async function assertStages(
  tx: Pick<Ctx, 'db' | 'orgId'>,
  values: readonly Pick<KpiValueIn, 'stage'>[],
  path: string,
): Promise<void> {
  const unknown = new Set(
    await unknownStageKeys(
      tx,
      values.map((v) => v.stage),
    ),
  );
  if (unknown.size === 0) return;
  const invalidParams = values.flatMap((v, i) =>
    unknown.has(v.stage) ? [{ name: `${path}.${i}.stage`, reason: 'unknown stage' }] : [],
  );
  throw new AppError(
    'not_found',
    `No stage «${[...unknown][0]}» in this organisation; create it or use a stage key`,
    { invalidParams: invalidParams.slice(0, 100) },
  );
}

/** 422 when the same stage and month come twice: which one should stand is not said. */
function assertNoRepeats(values: readonly KpiValueIn[], path: string): void {
  const seen = new Map<string, number>();
  values.forEach((v, i) => {
    const k = JSON.stringify([v.stage, v.period]);
    const first = seen.get(k);
    if (first !== undefined)
      throw new AppError('unprocessable', `Two values for ${v.stage}, ${v.period}`, {
        invalidParams: [
          { name: `${path}.${i}`, reason: `the same stage and month as item ${first}` },
        ],
      });
    seen.set(k, i);
  });
}

/**
 * Upserts values of the KPI `key` in one transaction. `path` names the items in errors
 * (`body.values` over HTTP). Used by the API and by the file import (which passes its own tx).
 */
export async function writeKpiValues(
  tx: Ctx,
  kpi: KpisTable,
  values: readonly KpiValueIn[],
  path = 'body.values',
): Promise<KpiValuesTable[]> {
  assertMonths(values, path);
  assertNoRepeats(values, path);
  await assertStages(tx, values, path);
  const at = tx.clock.now().toISOString();
  const rows = values.map((v): KpiValuesTable => ({
    kpi_id: kpi.id,
    org_id: tx.orgId,
    stage: v.stage,
    period: v.period,
    value: v.value,
    target: v.target ?? null,
    updated_at: at,
  }));
  await repo.upsertValues(tx.db, rows);
  return rows;
}

export async function putKpiValues(
  ctx: Ctx,
  key: string,
  values: readonly KpiValueIn[],
): Promise<KpiValuesTable[]> {
  assertCan(ctx.actor, 'data.write');
  assertMonths(values, 'body.values');
  return inTransaction(ctx, async (tx) => {
    const kpi = await kpiOf(tx, key);
    const rows = await writeKpiValues(tx, kpi, values);
    await recordAudit(
      tx,
      'kpi.values_set',
      { type: 'kpi', id: kpi.id },
      { key, count: rows.length },
    );
    return rows;
  });
}

export async function listKpiValues(
  ctx: Ctx,
  key: string,
  q: ListKpiValuesQuery,
): Promise<KpiValuesTable[]> {
  assertCan(ctx.actor, 'scorecard.read');
  const kpi = await kpiOf(ctx, key);
  return repo.listValues(ctx.db, ctx.orgId, { kpiId: kpi.id, ...q });
}

/** The KPI of `key`, for the import (no role check: the import checked data.write). */
export async function findKpiByKey(
  s: Pick<Ctx, 'db' | 'orgId'>,
  key: string,
): Promise<KpisTable | undefined> {
  return repo.findKpi(s.db, s.orgId, key);
}

/** stagesMerged: the merged stage's values move to the surviving stage (whose own values stand). */
export async function mergeStageKpiValues(
  s: Pick<Ctx, 'db' | 'orgId'>,
  e: { fromKey: string; intoKey: string },
): Promise<void> {
  await repo.mergeStageValues(s.db, s.orgId, e.fromKey, e.intoKey);
}

/** stageDeleting: true when a KPI value still names the stage. */
export async function stageHasKpiValues(
  s: Pick<Ctx, 'db' | 'orgId'>,
  key: string,
): Promise<boolean> {
  return repo.stageHasValues(s.db, s.orgId, key);
}
