// The current value of strategy KPIs (docs/strategy.md): a manual KPI's latest entered value; a
// bound KPI's metric for its window, read through the registry (bindings.ts) — each distinct
// (metric, parameters) read once per request. Status against the target is the scorecard's rule.
import type { Ctx } from '../../context.ts';
import type { StrategyKpisTable } from '../../db/types.ts';
import { AppError } from '../../http/errors.ts';
import type { BindingParams, CurrentOut, KpiOut } from '../../../shared/api/strategy.ts';
import { orgTimeZone } from '../orgs/index.ts';
import { targetStatus } from '../scorecard/index.ts';
import { findBinding, type Reading } from './bindings.ts';
import * as repo from './strategy.repo.ts';
import { windowOf } from './windows.ts';

export const paramsOf = (row: StrategyKpisTable): BindingParams =>
  row.metric_params ? (JSON.parse(row.metric_params) as BindingParams) : {};

/** A source the reader may not see, or a stage gone since the binding: no value, and why. */
async function safely(read: () => Promise<Reading>): Promise<Reading> {
  try {
    return await read();
  } catch (e) {
    if (e instanceof AppError && e.code === 'forbidden')
      return { value: null, unavailable: 'forbidden' };
    if (e instanceof AppError && e.code === 'not_found')
      return { value: null, unavailable: 'unknown_stage' };
    throw e;
  }
}

export async function presentKpis(ctx: Ctx, rows: StrategyKpisTable[]): Promise<KpiOut[]> {
  const manual = rows.filter((r) => r.source === 'manual').map((r) => r.id);
  const latest = new Map<string, { on_date: string; value: number }>();
  for (const v of await repo.listKpiValues(ctx.db, ctx.orgId, manual))
    if (!latest.has(v.kpi_id)) latest.set(v.kpi_id, v);
  const timeZone = rows.some((r) => r.source === 'bound') ? await orgTimeZone(ctx) : 'UTC';
  const now = ctx.clock.now();
  const reads = new Map<string, Promise<CurrentOut>>();
  const boundValue = (row: StrategyKpisTable): Promise<CurrentOut> => {
    const key = `${row.metric_key}|${row.metric_params}`;
    const cached = reads.get(key);
    if (cached) return cached;
    const read = (async (): Promise<CurrentOut> => {
      const binding = findBinding(row.metric_key!);
      if (!binding) return { value: null, onDate: null, window: null, unavailable: 'no_data' };
      const params = paramsOf(row);
      const window = binding.windowed
        ? windowOf(params.window ?? 'last_month', timeZone, now)
        : null;
      const r = await safely(() => binding.read(ctx, params, window));
      return { value: r.value, onDate: null, window, unavailable: r.unavailable };
    })();
    reads.set(key, read);
    return read;
  };
  return Promise.all(
    rows.map(async (row) => {
      const current: CurrentOut =
        row.source === 'bound'
          ? await boundValue(row)
          : {
              value: latest.get(row.id)?.value ?? null,
              onDate: latest.get(row.id)?.on_date ?? null,
              window: null,
              unavailable: null,
            };
      return {
        id: row.id,
        goalId: row.goal_id,
        name: row.name,
        unit: row.unit,
        target: row.target,
        direction: row.direction,
        dueDate: row.due_date,
        source: row.source,
        binding: row.metric_key ? { metric: row.metric_key, params: paramsOf(row) } : null,
        current,
        status: targetStatus(current.value, row.target, row.direction),
      };
    }),
  );
}
