// GET /api/v1/scorecard (issue 16; METRICS.md "The layered scorecard"; docs/scorecard.md): per
// journey stage the four layers, each metric with the window's last period, the one before,
// target, status, n, a sparkline and a drill-down link. Each layer comes from the module that
// owns its data, one grouped read per layer over the window and one extra period before it.
import type { Ctx } from '../../context.ts';
import { unknownReference } from '../../http/errors.ts';
import { assertCan } from '../../lib/permissions.ts';
import { fromMinorUnits } from '../../lib/money.ts';
import { AMBER_BAND, type OperationsScorecardOut } from '../../../shared/api/scorecard.ts';
import {
  EMPLOYEE_METRICS,
  KPI_PREFIX,
  SATISFACTION_METRICS,
  TRANSACTIONAL_METRICS,
  type LayerMetricOut,
  type ScorecardOut,
  type ScorecardQuery,
} from '../../../shared/api/scorecard-layers.ts';
import { localParts } from '../cases/index.ts';
import { stageEconomics, type StageMoney } from '../economics/index.ts';
import { stageSatisfaction, type StageSatisfaction } from '../metrics/index.ts';
import { findOrgUser, orgTimeZone } from '../orgs/index.ts';
import { listStageTargets, type StageTargetsView } from '../stages/index.ts';
import { stageResponseRates, type InviteCount } from '../surveys/index.ts';
import { layerMetric, round, share, type DrillFilter, type Figure } from './layer-metric.ts';
import { getOperationsScorecard } from './operations.service.ts';
import { loadEmployeeSources, type EmployeeSources } from './employee-layer.ts';
import { boundaryAfter, periodsOf, type Period } from './periods.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/** Everything the four layers read, for the window plus one period before it. */
export interface LayerSources {
  periods: Period[];
  satisfaction: Map<string, StageSatisfaction[]>;
  invites: Map<string, InviteCount[]>;
  money: Map<string, StageMoney[]>;
  operations: OperationsScorecardOut;
  employees: EmployeeSources;
}

export async function loadLayerSources(
  ctx: Ctx,
  q: ScorecardQuery,
  stages: readonly StageTargetsView[],
): Promise<{ fromDate: string; toDate: string; timeZone: string; sources: LayerSources }> {
  const timeZone = await orgTimeZone(ctx);
  const now = ctx.clock.now();
  const { fromDate, toDate, periods } = periodsOf(q, timeZone, now, 1);
  const local = localParts(now.getTime(), timeZone);
  const today = `${local.year}-${pad(local.month)}-${pad(local.day)}`;
  const filter = { stage: q.stage, segment: q.segment, managerId: q.managerId };
  const instants = [...periods.map((p) => p.from), periods.at(-1)!.to];
  const days = [...periods.map((p) => p.firstDay), periods.at(-1)!.nextDay];
  // The end of the period after the window (retention of the last period needs it); not through
  // periodsOf, whose default end would be the window's own end when it is the current period.
  const next = boundaryAfter(toDate, q.period);
  const [satisfaction, invites, money, operations, employees] = await Promise.all([
    stageSatisfaction(ctx, {
      ...filter,
      bounds: instants,
      months: { timeZone, periods: periods.map((p) => p.months) },
    }),
    stageResponseRates(ctx, {
      ...filter,
      bounds: instants,
      months: { timeZone, periods: periods.map((p) => p.months) },
    }),
    stageEconomics(ctx, { ...filter, bounds: days, next, today }),
    getOperationsScorecard(ctx, {
      period: q.period,
      from: periods[0]!.firstDay,
      to: toDate,
      stage: q.stage,
    }),
    loadEmployeeSources(ctx, q, periods, toDate, stages),
  ]);
  return {
    fromDate,
    toDate,
    timeZone,
    sources: { periods, satisfaction, invites, money, operations, employees },
  };
}

/** The four layers of one stage from the loaded sources. */
export function stageLayers(stage: StageTargetsView, s: LayerSources, f: DrillFilter) {
  const count = s.periods.length;
  const per = <T>(rows: T[] | undefined, pick: (row: T | undefined) => Figure) =>
    Array.from({ length: count }, (_, i) => pick(rows?.[i]));
  const sat = s.satisfaction.get(stage.key);
  const money = s.money.get(stage.key);
  const m = (
    metric: string,
    layer: LayerMetricOut['layer'],
    unit: LayerMetricOut['unit'],
    direction: 'up' | 'down',
    figures: Figure[],
  ) => layerMetric({ metric, layer, unit, direction }, stage, s.periods, figures, f);
  const satisfaction = [
    m(
      'nps',
      'satisfaction',
      'points',
      SATISFACTION_METRICS.nps,
      per(sat, (c) => scoreFigure(c?.nps, 1)),
    ),
    m(
      'csat',
      'satisfaction',
      'percent',
      SATISFACTION_METRICS.csat,
      per(sat, (c) => scoreFigure(c?.csat, 1)),
    ),
    m(
      'ces',
      'satisfaction',
      'score',
      SATISFACTION_METRICS.ces,
      per(sat, (c) => scoreFigure(c?.ces, 2)),
    ),
    m(
      'response_rate',
      'satisfaction',
      'share',
      SATISFACTION_METRICS.response_rate,
      per(s.invites.get(stage.key), (c) =>
        c && c.sent > 0
          ? { value: share(c.answered, c.sent), n: c.sent }
          : { value: null, n: null },
      ),
    ),
  ];
  const moneyOf = (pick: (c: StageMoney) => Figure) =>
    per(money, (c) => (c ? pick(c) : { value: null, n: null }));
  const transactional = [
    m(
      'revenue',
      'transactional',
      'money',
      TRANSACTIONAL_METRICS.revenue,
      moneyOf((c) =>
        c.documents > 0
          ? { value: fromMinorUnits(c.revenueMinor), n: c.documents }
          : { value: null, n: null },
      ),
    ),
    m(
      'arppu',
      'transactional',
      'money',
      TRANSACTIONAL_METRICS.arppu,
      moneyOf((c) =>
        c.payingClients > 0
          ? { value: fromMinorUnits(Math.round(c.revenueMinor / c.payingClients)), n: c.documents }
          : { value: null, n: c.documents || null },
      ),
    ),
    m(
      'on_time_share',
      'transactional',
      'share',
      TRANSACTIONAL_METRICS.on_time_share,
      moneyOf((c) =>
        c.due > 0 ? { value: share(c.onTime, c.due), n: c.due } : { value: null, n: null },
      ),
    ),
    m(
      'retention',
      'transactional',
      'share',
      TRANSACTIONAL_METRICS.retention,
      moneyOf((c) =>
        c.retained !== null
          ? { value: share(c.retained, c.payingClients), n: c.payingClients }
          : { value: null, n: null },
      ),
    ),
  ];
  const operational = operationalLayer(stage, s, f);
  const none = per(undefined, () => ({ value: null, n: null }));
  const employee = [
    m('enps', 'employee', 'points', EMPLOYEE_METRICS.enps, s.employees.enps.get(stage.key) ?? none),
    // No drill-down (employee-layer.ts): the link is null, never a list of assessments.
    {
      ...m(
        'competency_coverage',
        'employee',
        'share',
        EMPLOYEE_METRICS.competency_coverage,
        s.employees.coverage.get(stage.key) ?? none,
      ),
      drill: null,
    },
  ];
  return { satisfaction, transactional, operational, employee };
}

function scoreFigure(
  r: { value: number | null; responses: number } | undefined,
  digits: number,
): Figure {
  if (!r || r.responses === 0 || r.value === null) return { value: null, n: null };
  return { value: round(r.value, digits), n: r.responses };
}

const OPERATIONAL_UNITS: Record<string, LayerMetricOut['unit']> = {
  'cases.ack_minutes': 'minutes',
  'cases.resolve_minutes': 'minutes',
  'cases.reopen_rate': 'share',
  'cases.sla_breach_share': 'share',
  'cases.backlog': 'count',
  'calls.answered_share': 'share',
  'calls.missed_share': 'share',
  'calls.avg_wait_seconds': 'seconds',
  'calls.callback_within_target_share': 'share',
};

/** Cases, calls and KPIs as the operations service computed them (targets resolved there). */
function operationalLayer(stage: StageTargetsView, s: LayerSources, f: DrillFilter) {
  const ops = s.operations.stages.find((o) => o.key === stage.key);
  if (!ops) return [];
  const last = ops.periods.at(-1)!;
  const rows = [...last.cases, ...last.calls, ...last.kpis];
  return rows.map((lastValue, j) => {
    const figures = ops.periods.map((p) => {
      const v = [...p.cases, ...p.calls, ...p.kpis][j]!;
      return { value: v.value, n: v.n };
    });
    const kpi = 'name' in lastValue ? (lastValue as (typeof last.kpis)[number]) : null;
    return layerMetric(
      {
        metric: kpi ? `${KPI_PREFIX}${kpi.metric}` : lastValue.metric,
        layer: 'operational',
        unit: kpi ? null : (OPERATIONAL_UNITS[lastValue.metric] ?? null),
        direction: lastValue.direction,
        name: kpi?.name ?? null,
        nameEn: kpi?.nameEn ?? null,
        unitLabel: kpi?.unit ?? null,
      },
      stage,
      s.periods,
      figures,
      f,
      { target: lastValue.target, direction: lastValue.direction },
    );
  });
}

export async function getScorecard(ctx: Ctx, q: ScorecardQuery): Promise<ScorecardOut> {
  assertCan(ctx.actor, 'scorecard.read');
  const all = await listStageTargets(ctx);
  const stages = q.stage === undefined ? all : all.filter((s) => s.key === q.stage);
  if (q.stage !== undefined && stages.length === 0) throw unknownReference('query.stage', 'stage');
  await assertManagerOfOrg(ctx, q.managerId);
  const { fromDate, toDate, timeZone, sources } = await loadLayerSources(ctx, q, stages);
  const filter = { segment: q.segment, managerId: q.managerId };
  return {
    period: q.period,
    from: fromDate,
    to: toDate,
    timeZone,
    amberBand: AMBER_BAND,
    periods: sources.periods.slice(1).map((p) => p.label),
    segment: q.segment ?? null,
    stages: stages.map((stage) => ({
      key: stage.key,
      nameRu: stage.nameRu,
      nameEn: stage.nameEn,
      layers: stageLayers(stage, sources, filter),
    })),
  };
}

/** A manager filter names a person of this organisation, or the request is a 404. */
export async function assertManagerOfOrg(ctx: Ctx, managerId: string | undefined): Promise<void> {
  if (managerId !== undefined && !(await findOrgUser(ctx, managerId)))
    throw unknownReference('query.managerId', 'user');
}
