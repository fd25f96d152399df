// Use-cases of strategy KPIs (issue 18): per goal, manual (a dated history of values) or bound to
// a registry metric (bindings.ts; the window defaults to the last closed month). Admins edit.
import { inTransaction, type Ctx } from '../../context.ts';
import type { StrategyKpisTable } from '../../db/types.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import { assertCan } from '../../lib/permissions.ts';
import type {
  BindingIn,
  KpiIn,
  KpiOut,
  KpiPatch,
  KpiValueIn,
} from '../../../shared/api/strategy.ts';
import { recordAudit } from '../orgs/index.ts';
import { unknownStageKeys } from '../stages/index.ts';
import { bindingOf, invalidBinding } from './bindings.ts';
import { presentKpis } from './current.ts';
import { assertEditor, goalRow } from './goals.service.ts';
import * as repo from './strategy.repo.ts';

async function kpiRow(ctx: Ctx, id: string): Promise<StrategyKpisTable> {
  const row = await repo.findKpi(ctx.db, ctx.orgId, id);
  if (!row) throw notFound('KPI');
  return row;
}

/** The binding's columns: a known metric with its parameters, a stage of this organisation. */
async function bindingColumns(ctx: Ctx, binding: BindingIn | null) {
  if (binding === null) return { source: 'manual' as const, metric_key: null, metric_params: null };
  const b = bindingOf(binding.metric, binding.params);
  const params = { ...binding.params };
  if (b.windowed) params.window ??= 'last_month';
  if (params.stage && (await unknownStageKeys(ctx, [params.stage])).length > 0)
    throw invalidBinding(`unknown stage ${params.stage}`);
  return { source: 'bound' as const, metric_key: b.key, metric_params: JSON.stringify(params) };
}

export async function createKpi(ctx: Ctx, goalId: string, input: KpiIn): Promise<KpiOut> {
  assertEditor(ctx);
  const row = await inTransaction(ctx, async (tx) => {
    await goalRow(tx, goalId);
    const now = tx.clock.now().toISOString();
    const row: StrategyKpisTable = {
      id: newId(),
      org_id: tx.orgId,
      goal_id: goalId,
      name: input.name,
      unit: input.unit ?? null,
      target: input.target ?? null,
      direction: input.direction,
      due_date: input.dueDate ?? null,
      ...(await bindingColumns(tx, input.binding ?? null)),
      created_at: now,
      updated_at: now,
    };
    await repo.insertKpi(tx.db, row);
    await recordAudit(tx, 'strategy.kpi_created', { type: 'strategy_kpi', id: row.id });
    return row;
  });
  return (await presentKpis(ctx, [row]))[0]!;
}

export async function getKpi(ctx: Ctx, id: string): Promise<KpiOut> {
  assertCan(ctx.actor, 'data.read');
  return (await presentKpis(ctx, [await kpiRow(ctx, id)]))[0]!;
}

export async function updateKpi(ctx: Ctx, id: string, patch: KpiPatch): Promise<KpiOut> {
  assertEditor(ctx);
  const row = await inTransaction(ctx, async (tx) => {
    await kpiRow(tx, id);
    await repo.updateKpi(tx.db, tx.orgId, id, {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.unit !== undefined ? { unit: patch.unit } : {}),
      ...(patch.target !== undefined ? { target: patch.target } : {}),
      ...(patch.direction !== undefined ? { direction: patch.direction } : {}),
      ...(patch.dueDate !== undefined ? { due_date: patch.dueDate } : {}),
      ...(patch.binding !== undefined ? await bindingColumns(tx, patch.binding) : {}),
      updated_at: tx.clock.now().toISOString(),
    });
    await recordAudit(
      tx,
      'strategy.kpi_updated',
      { type: 'strategy_kpi', id },
      { fields: Object.keys(patch) },
    );
    return kpiRow(tx, id);
  });
  return (await presentKpis(ctx, [row]))[0]!;
}

export async function deleteKpi(ctx: Ctx, id: string): Promise<void> {
  assertEditor(ctx);
  await inTransaction(ctx, async (tx) => {
    if ((await repo.deleteKpi(tx.db, tx.orgId, id)) === 0) throw notFound('KPI');
    await recordAudit(tx, 'strategy.kpi_deleted', { type: 'strategy_kpi', id });
  });
}

/** A manual KPI's history, newest day first. */
export async function listKpiValues(ctx: Ctx, id: string) {
  assertCan(ctx.actor, 'data.read');
  await kpiRow(ctx, id);
  const rows = await repo.listKpiValues(ctx.db, ctx.orgId, [id]);
  return rows.map((r) => ({ onDate: r.on_date, value: r.value }));
}

/** Enters (or replaces) the value of a day; a bound KPI takes none (409 kpi_is_bound). */
export async function putKpiValue(ctx: Ctx, id: string, input: KpiValueIn) {
  assertEditor(ctx);
  await inTransaction(ctx, async (tx) => {
    const row = await kpiRow(tx, id);
    if (row.source === 'bound')
      throw new AppError('kpi_is_bound', 'This KPI follows a live metric; it takes no values');
    const at = tx.clock.now().toISOString();
    await repo.putKpiValue(tx.db, {
      org_id: tx.orgId,
      kpi_id: id,
      on_date: input.onDate,
      value: input.value,
      updated_at: at,
    });
    await recordAudit(tx, 'strategy.kpi_value_set', { type: 'strategy_kpi', id }, { ...input });
  });
  return listKpiValues(ctx, id);
}

export async function deleteKpiValue(ctx: Ctx, id: string, onDate: string): Promise<void> {
  assertEditor(ctx);
  await inTransaction(ctx, async (tx) => {
    await kpiRow(tx, id);
    if ((await repo.deleteKpiValue(tx.db, tx.orgId, id, onDate)) === 0) throw notFound('KPI value');
    await recordAudit(tx, 'strategy.kpi_value_deleted', { type: 'strategy_kpi', id }, { onDate });
  });
}
