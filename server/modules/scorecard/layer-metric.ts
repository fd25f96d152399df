// One scorecard metric from its per-period figures: the last period's value, the one before,
// the target (the stage's, else a fallback), status, n, the sparkline and the drill-down link.
// Pure.
import type { StageTargetsView } from '../stages/index.ts';
import type { MetricValueOut } from '../../../shared/api/scorecard.ts';
import type {
  LayerMetricOut,
  MetricUnit,
  ScorecardLayer,
} from '../../../shared/api/scorecard-layers.ts';
import type { Period } from './periods.ts';
import { targetStatus } from './status.ts';

export interface Figure {
  value: number | null;
  n: number | null;
}

export interface MetricSpec {
  metric: string;
  layer: ScorecardLayer;
  unit: MetricUnit | null;
  direction: 'up' | 'down';
  name?: string | null;
  nameEn?: string | null;
  unitLabel?: string | null;
}

export interface DrillFilter {
  segment?: string;
  managerId?: string;
}

/** The drill-down path of a value: GET /api/v1/scorecard/records with the same filters. */
export function drillPath(stage: string, metric: string, period: string, f: DrillFilter): string {
  const q = new URLSearchParams({ stage, metric, period });
  if (f.segment !== undefined) q.set('segment', f.segment);
  if (f.managerId !== undefined) q.set('managerId', f.managerId);
  return `/api/v1/scorecard/records?${q.toString()}`;
}

/**
 * `figures` has one entry per period of `periods`, the first being the extra period before the
 * window (it gives `previous` when the window is one period long and is left out of `series`).
 */
export function layerMetric(
  spec: MetricSpec,
  stage: StageTargetsView,
  periods: readonly Period[],
  figures: readonly Figure[],
  filter: DrillFilter,
  targetOverride?: { target: number | null; direction: 'up' | 'down' },
): LayerMetricOut {
  const last = figures.at(-1)!;
  const own = stage.targets.get(spec.metric);
  const target = targetOverride ? targetOverride.target : (own?.target ?? null);
  const direction = targetOverride ? targetOverride.direction : (own?.direction ?? spec.direction);
  return {
    metric: spec.metric,
    layer: spec.layer,
    name: spec.name ?? null,
    nameEn: spec.nameEn ?? null,
    unit: spec.unit,
    unitLabel: spec.unitLabel ?? null,
    value: last.value,
    previous: figures.at(-2)?.value ?? null,
    target,
    direction,
    status: targetStatus(last.value, target, direction),
    n: last.n,
    series: periods
      .slice(1)
      .map((p, i) => ({ period: p.label, value: figures[i + 1]!.value, n: figures[i + 1]!.n })),
    drill: drillPath(stage.key, spec.metric, periods.at(-1)!.label, filter),
  };
}

/** The operational service's value → a figure (its own target travels with it). */
export const figureOf = (m: MetricValueOut): Figure => ({ value: m.value, n: m.n });

export const round = (x: number, digits: number) => {
  const f = 10 ** digits;
  return (Math.sign(x) * Math.round(Math.abs(x) * f)) / f;
};
export const share = (part: number, whole: number): number | null =>
  whole > 0 ? round(part / whole, 4) : null;
