// GET /api/v1/scorecard/operations (issue 15, METRICS.md layer 3): per journey stage and period,
// the case metrics (business hours, through the cases module), the phone metrics (telephony's
// own aggregation, per period) and every process KPI, each with its target and status.
import type { Ctx } from '../../context.ts';
import { unknownReference } from '../../http/errors.ts';
import { assertCan } from '../../lib/permissions.ts';
import type { KpisTable, KpiValuesTable } from '../../db/types.ts';
import {
  AMBER_BAND,
  CALL_METRICS,
  CASE_METRICS,
  type MetricValueOut,
  type OperationsPeriodOut,
  type OperationsScorecardOut,
  type OperationsScorecardQuery,
} from '../../../shared/api/scorecard.ts';
import {
  caseRollupFigures,
  listCaseFacts,
  type CaseFact,
  type CaseRollupFigures,
} from '../cases/index.ts';
import { orgTimeZone } from '../orgs/index.ts';
import { listStageTargets, type StageTargetsView } from '../stages/index.ts';
import {
  getOperationsMetrics,
  phoneMetricsByPeriod,
  type PhoneFigures,
} from '../telephony/index.ts';
import { caseFigures, type Figure } from './case-figures.ts';
import {
  CALL_METRIC_KEYS,
  CASE_METRIC_KEYS,
  type CallMetricKey,
  type CaseMetricKey,
} from './metric-keys.ts';
import { periodsOf, type Period } from './periods.ts';
import * as repo from './scorecard.repo.ts';
import { targetStatus } from './status.ts';

type CallGroup = PhoneFigures;
const CALL_FIELD: Record<CallMetricKey, Exclude<keyof CallGroup, 'calls'>> = {
  'calls.answered_share': 'answeredShare',
  'calls.missed_share': 'missedShare',
  'calls.avg_wait_seconds': 'avgWaitSeconds',
  'calls.callback_within_target_share': 'callbackWithinTargetShare',
};

/** A value with its target and status: the stage's target first, else `fallback`. */
function rated(
  stage: StageTargetsView,
  metric: string,
  figure: Figure,
  direction: 'up' | 'down',
  fallback: number | null = null,
): MetricValueOut {
  const own = stage.targets.get(metric);
  const target = own?.target ?? fallback;
  const dir = own?.direction ?? direction;
  return {
    metric,
    value: figure.value,
    target,
    direction: dir,
    status: targetStatus(figure.value, target, dir),
    n: figure.n,
  };
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const round = (x: number) => Math.round(x * 10_000) / 10_000;

/**
 * A KPI over a period: the month's value, or the mean of the months present in a quarter. The
 * target: the values' own (their mean), else the stage's target for the key, else the KPI's.
 */
function kpiMetric(stage: StageTargetsView, kpi: KpisTable, values: KpiValuesTable[]) {
  const own = values.filter((v) => v.target !== null).map((v) => Number(v.target));
  const stageTarget = stage.targets.get(kpi.key);
  const target = own.length
    ? round(mean(own))
    : (stageTarget?.target ?? (kpi.target === null ? null : Number(kpi.target)));
  const direction = !own.length && stageTarget ? stageTarget.direction : kpi.direction;
  const value = values.length ? round(mean(values.map((v) => Number(v.value)))) : null;
  return {
    metric: kpi.key,
    name: kpi.name,
    nameEn: kpi.name_en,
    unit: kpi.unit,
    value,
    target,
    direction,
    status: targetStatus(value, target, direction),
    n: values.length,
  };
}

export async function getOperationsScorecard(
  ctx: Ctx,
  q: OperationsScorecardQuery,
): Promise<OperationsScorecardOut> {
  assertCan(ctx.actor, 'scorecard.read');
  const timeZone = await orgTimeZone(ctx);
  const now = ctx.clock.now();
  const { fromDate, toDate, periods } = periodsOf(q, timeZone, now);
  const allStages = await listStageTargets(ctx);
  const stages = q.stage === undefined ? allStages : allStages.filter((s) => s.key === q.stage);
  if (q.stage !== undefined && stages.length === 0) throw unknownReference('query.stage', 'stage');
  const window = { from: periods[0]!.from, to: periods.at(-1)!.to };
  const nowIso = now.toISOString();
  const [cases, kpis, values, calls] = await Promise.all([
    caseFiguresPerStage(ctx, periods, window, nowIso, timeZone),
    repo.listKpis(ctx.db, ctx.orgId),
    repo.listValues(ctx.db, ctx.orgId, {
      stage: q.stage,
      from: periods[0]!.months[0],
      to: toDate.slice(0, 7),
    }),
    callsPerPeriod(ctx, periods, timeZone),
  ]);
  return {
    period: q.period,
    from: fromDate,
    to: toDate,
    timeZone,
    amberBand: AMBER_BAND,
    stages: stages.map((stage) => {
      const valuesOfStage = values.filter((v) => v.stage === stage.key);
      return {
        key: stage.key,
        nameRu: stage.nameRu,
        nameEn: stage.nameEn,
        periods: periods.map((p, i): OperationsPeriodOut => {
          const figures = cases(stage.key, i);
          const call = calls[i]!.get(stage.key);
          const inPeriod = valuesOfStage.filter((v) => p.months.includes(v.period));
          return {
            period: p.label,
            from: p.from,
            to: p.to,
            cases: CASE_METRIC_KEYS.map((m) => rated(stage, m, figures[m], CASE_METRICS[m])),
            calls: CALL_METRIC_KEYS.map((m) =>
              rated(
                stage,
                m,
                { value: call?.[CALL_FIELD[m]] ?? null, n: call?.calls ?? 0 },
                CALL_METRICS[m],
              ),
            ),
            kpis: kpis.map((k) =>
              kpiMetric(
                stage,
                k,
                inPeriod.filter((v) => v.kpi_id === k.id),
              ),
            ),
          };
        }),
      };
    }),
  };
}

const ROLLUP_OF: Record<CaseMetricKey, keyof CaseRollupFigures> = {
  'cases.ack_minutes': 'ack',
  'cases.resolve_minutes': 'resolve',
  'cases.reopen_rate': 'reopen',
  'cases.sla_breach_share': 'sla',
  'cases.backlog': 'backlog',
};

/**
 * The case figures of (stage, period i): from the cases module's rollup (ADR 015), or from the
 * cases themselves while the rollup is counted in another time zone.
 */
async function caseFiguresPerStage(
  ctx: Ctx,
  periods: Period[],
  window: { from: string; to: string },
  now: string,
  timeZone: string,
): Promise<(stage: string, i: number) => Record<CaseMetricKey, Figure>> {
  const rollup = await caseRollupFigures(ctx, { periods, now, timeZone });
  if (rollup) {
    return (stage, i) => {
      const row = rollup.get(stage)?.[i];
      if (!row) return caseFigures([], periods[i]!, now);
      return Object.fromEntries(CASE_METRIC_KEYS.map((m) => [m, row[ROLLUP_OF[m]]])) as Record<
        CaseMetricKey,
        Figure
      >;
    };
  }
  const facts = await listCaseFacts(ctx, window);
  return (stage, i) =>
    caseFigures(
      facts.filter((c: CaseFact) => c.stage === stage),
      periods[i]!,
      now,
    );
}

/**
 * Telephony's per-stage phone metrics per period (in order): from its rollup in one read (ADR
 * 016), else (a rollup of another zone) one aggregation of the calls per period.
 */
async function callsPerPeriod(
  ctx: Ctx,
  periods: Period[],
  timeZone: string,
): Promise<Map<string, CallGroup>[]> {
  const rolled = await phoneMetricsByPeriod(ctx, { timeZone, periods });
  if (rolled) return rolled;
  const out: Map<string, CallGroup>[] = [];
  for (const p of periods) {
    const { groups } = await getOperationsMetrics(ctx, {
      from: p.from,
      to: p.to,
      groupBy: 'stage',
    });
    out.push(new Map(groups.map((g) => [g.key, g])));
  }
  return out;
}
