// The scorecard's employee layer, per stage and period: team eNPS (the pulse module, hidden
// below five answers) and competency coverage (the competencies module: share of person ×
// competency pairs at or above target, counting assessments made before each period's end; n =
// the pairs). Coverage has no drill-down: its rows are people's assessments, which the gap
// matrix (/competencies) shows, and the 360 answers inside them are never listed one by one.
import type { Ctx } from '../../context.ts';
import { coverageByStage } from '../competencies/index.ts';
import { employeeScorecard } from '../pulse/index.ts';
import type { StageTargetsView } from '../stages/index.ts';
import type { Figure } from './layer-metric.ts';
import type { Period } from './periods.ts';

export interface EmployeeSources {
  enps: Map<string, Figure[]>;
  coverage: Map<string, Figure[]>;
}

export async function loadEmployeeSources(
  ctx: Ctx,
  q: { period: 'month' | 'quarter' | 'year'; stage?: string },
  periods: readonly Period[],
  toDate: string,
  stages: readonly StageTargetsView[],
): Promise<EmployeeSources> {
  const [employees, coverage] = await Promise.all([
    employeeScorecard(ctx, {
      period: q.period,
      from: periods[0]!.firstDay,
      to: toDate,
      stage: q.stage,
    }),
    // As of each period's end (one figure per period, the extra one before the window included).
    coverageByStage(
      ctx,
      periods.map((p) => p.to),
    ),
  ]);
  const enps = new Map<string, Figure[]>();
  const covered = new Map<string, Figure[]>();
  for (const stage of stages) {
    enps.set(
      stage.key,
      periods.map((p) => {
        const cell = employees.items.find((c) => c.stage === stage.key && c.period === p.label);
        return { value: cell?.enps ?? null, n: cell ? cell.answers : null };
      }),
    );
    const own = coverage.get(stage.key);
    covered.set(
      stage.key,
      periods.map((_, i) => {
        const c = own?.[i];
        return c && c.pairs > 0 ? { value: c.coverage, n: c.pairs } : { value: null, n: null };
      }),
    );
  }
  return { enps, coverage: covered };
}
