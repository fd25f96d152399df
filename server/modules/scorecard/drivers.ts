// Key drivers of one stage (METRICS.md "Key drivers", docs/scorecard.md): each lower-layer metric
// against the target across the months of a window — Pearson r with n and a two-sided p — and
// the share of R² each explains (Shapley decomposition over at most 8 drivers). Pure.
import { pearsonTest } from '../../lib/stats/correlation.ts';
import { shapleyR2 } from '../../lib/stats/shapley.ts';
import {
  DRIVER_ALPHA,
  MAX_SHAPLEY_DRIVERS,
  MIN_DRIVER_POINTS,
  type DriverOut,
  type DriversOut,
  type DriverTarget,
} from '../../../shared/api/arbiter.ts';
import type { LayerMetricOut } from '../../../shared/api/scorecard-layers.ts';

export interface StageLayers {
  satisfaction: LayerMetricOut[];
  transactional: LayerMetricOut[];
  operational: LayerMetricOut[];
  employee: LayerMetricOut[];
}

/**
 * What may drive the target: process and people drive satisfaction; satisfaction, process and
 * people drive retention. The transactional layer is what satisfaction explains, not a driver.
 */
export function candidateDrivers(layers: StageLayers, target: DriverTarget): LayerMetricOut[] {
  const lower = [...layers.operational, ...layers.employee];
  if (target !== 'retention') return lower;
  return [...layers.satisfaction.filter((m) => m.metric !== 'response_rate'), ...lower];
}

export function targetMetric(layers: StageLayers, target: DriverTarget): LayerMetricOut {
  const all = [...layers.satisfaction, ...layers.transactional];
  return all.find((m) => m.metric === target)!;
}

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

interface Candidate {
  metric: LayerMetricOut;
  /** Periods where both the driver and the target have a value. */
  rows: number[];
  r: number | null;
  p: number | null;
}

/** Drivers whose common periods allow a model: strongest |r| first, ≥ MIN_DRIVER_POINTS rows. */
function modelOf(ranked: Candidate[]): { chosen: Candidate[]; rows: number[] } {
  let chosen: Candidate[] = [];
  let rows: number[] = [];
  for (const c of ranked) {
    if (chosen.length === MAX_SHAPLEY_DRIVERS) break;
    const common = chosen.length === 0 ? c.rows : rows.filter((i) => c.rows.includes(i));
    if (common.length < Math.max(MIN_DRIVER_POINTS, chosen.length + 3)) continue;
    chosen = [...chosen, c];
    rows = common;
  }
  return { chosen, rows };
}

export function keyDrivers(
  layers: StageLayers,
  target: DriverTarget,
): Pick<DriversOut, 'r2' | 'anySignificant' | 'drivers' | 'scatter'> {
  const y = targetMetric(layers, target).series;
  const candidates: Candidate[] = candidateDrivers(layers, target).map((metric) => {
    const rows = metric.series
      .map((p, i) => (p.value !== null && y[i]!.value !== null ? i : -1))
      .filter((i) => i >= 0);
    const test =
      rows.length >= MIN_DRIVER_POINTS
        ? pearsonTest(
            rows.map((i) => metric.series[i]!.value!),
            rows.map((i) => y[i]!.value!),
          )
        : { r: null, p: null };
    return { metric, rows, r: test.r, p: test.p };
  });
  const testable = candidates
    .filter((c) => c.r !== null)
    .sort((a, b) => Math.abs(b.r!) - Math.abs(a.r!));
  const { chosen, rows } = modelOf(testable);
  const importance = new Map<string, number>();
  let r2: number | null = null;
  if (chosen.length > 0) {
    const fit = shapleyR2(
      rows.map((i) => y[i]!.value!),
      chosen.map((c) => rows.map((i) => c.metric.series[i]!.value!)),
    );
    r2 = round(fit.r2, 4);
    chosen.forEach((c, j) => importance.set(c.metric.metric, round(fit.shares[j]!, 4)));
  }
  const out = (c: Candidate): DriverOut => ({
    metric: c.metric.metric,
    layer: c.metric.layer,
    name: c.metric.name,
    nameEn: c.metric.nameEn,
    r: c.r === null ? null : round(c.r, 4),
    n: c.rows.length,
    p: c.p,
    importance: importance.get(c.metric.metric) ?? null,
    status: c.r === null ? 'not_enough_data' : 'ranked',
    significant: c.p !== null && c.p < DRIVER_ALPHA,
  });
  const byImportance = (a: Candidate, b: Candidate) =>
    (importance.get(b.metric.metric) ?? -1) - (importance.get(a.metric.metric) ?? -1) ||
    Math.abs(b.r!) - Math.abs(a.r!);
  const ranked = [...testable].sort(byImportance);
  const rest = candidates.filter((c) => c.r === null);
  const drivers = [...ranked, ...rest].map(out);
  const top = ranked[0];
  return {
    r2,
    anySignificant: drivers.some((d) => d.significant),
    drivers,
    scatter: top
      ? {
          metric: top.metric.metric,
          points: top.rows.map((i) => ({
            period: y[i]!.period,
            x: top.metric.series[i]!.value!,
            y: y[i]!.value!,
          })),
        }
      : null,
  };
}
