// Where the rows behind the operational and employee layers come from (issue 16): the cases
// caseMembers counts, the calls telephony groups under the stage, the KPI's monthly values and
// the eNPS score counts of a shown team cell (never an individual answer).
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/errors.ts';
import { listCaseFacts } from '../cases/index.ts';
import { stageEnpsCounts } from '../pulse/index.ts';
import { listStageCalls, type StageCall } from '../telephony/index.ts';
import { caseMembers } from './case-figures.ts';
import { row, type DrillSource } from './drill-sources.ts';
import { CALL_METRIC_KEYS, CASE_METRIC_KEYS, type CaseMetricKey } from './metric-keys.ts';
import * as repo from './scorecard.repo.ts';

function cases(metric: CaseMetricKey): DrillSource {
  return {
    kind: 'cases',
    paged: false,
    load: async (ctx, a) => {
      const { from, to } = a.p.period;
      const facts = (await listCaseFacts(ctx, { from, to })).filter((c) => c.stage === a.stage);
      const members = caseMembers(facts, { from, to }, ctx.clock.now().toISOString())[metric];
      return {
        total: members?.length ?? 0,
        rows: (members ?? []).map((m) =>
          row({
            id: m.fact.id,
            at: m.at,
            ref: m.fact.publicRef,
            clientId: m.fact.clientId,
            value: m.value,
            label: m.label,
            text: m.fact.title,
          }),
        ),
      };
    },
  };
}

/** What one call gave the metric: 1/0 for a share it is in, seconds for the wait, null if none. */
function callFigure(metric: string, c: StageCall): { value: number | null; label: string } {
  const inbound = c.direction === 'in';
  switch (metric) {
    case 'calls.answered_share':
      return { value: c.answered ? 1 : 0, label: c.answered ? 'answered' : 'not_answered' };
    case 'calls.missed_share':
      if (!inbound) return { value: null, label: 'outbound' };
      return { value: c.answered ? 0 : 1, label: c.answered ? 'answered' : 'missed' };
    case 'calls.avg_wait_seconds':
      return inbound
        ? { value: c.waitSeconds, label: 'inbound' }
        : { value: null, label: 'outbound' };
    default: {
      if (c.callback === null) return { value: null, label: inbound ? 'answered' : 'outbound' };
      const value = c.callback === 'within_target' ? 1 : c.callback === 'pending' ? null : 0;
      return { value, label: c.callback };
    }
  }
}

function calls(metric: string): DrillSource {
  return {
    kind: 'calls',
    paged: true,
    load: async (ctx, a) => {
      const { total, rows } = await listStageCalls(ctx, {
        stage: a.stage,
        from: a.p.period.from,
        to: a.p.period.to,
        before: a.before,
        limit: a.limit,
      });
      return {
        total,
        rows: rows.map((c) =>
          row({
            id: c.id,
            at: c.startedAt,
            clientId: c.clientId,
            text: c.employee,
            ...callFigure(metric, c),
          }),
        ),
      };
    },
  };
}

function kpi(key: string): DrillSource {
  return {
    kind: 'kpi_values',
    paged: false,
    load: async (ctx, a) => {
      const found = await repo.findKpi(ctx.db, ctx.orgId, key);
      if (!found)
        throw new AppError('unprocessable', 'query.metric: no such KPI', {
          invalidParams: [{ name: 'query.metric', reason: 'names no KPI of this organisation' }],
        });
      const values = await repo.listValues(ctx.db, ctx.orgId, {
        kpiId: found.id,
        stage: a.stage,
        from: a.p.period.months[0],
        to: a.p.period.nextDay.slice(0, 7),
      });
      return {
        total: values.length,
        rows: values.map((v) =>
          row({
            id: `${found.id}:${v.period}`,
            at: `${v.period}-01`,
            ref: found.key,
            value: Number(v.value),
          }),
        ),
      };
    },
  };
}

const enps: DrillSource = {
  kind: 'enps_counts',
  paged: false,
  load: async (ctx, a) => {
    const cell = await stageEnpsCounts(ctx, {
      stage: a.stage,
      from: a.p.period.firstDay,
      to: a.p.period.nextDay,
    });
    return {
      total: cell.answers,
      rows: cell.counts.map((c) =>
        row({
          id: `score-${String(c.score).padStart(2, '0')}`,
          value: c.score,
          label: c.score >= 9 ? 'promoter' : c.score >= 7 ? 'passive' : 'detractor',
          count: c.count,
        }),
      ),
    };
  },
};

/** The source of an operational or employee metric; undefined for a metric it does not know. */
export function operationalSource(metric: string, kpiPrefix: string): DrillSource | undefined {
  if ((CASE_METRIC_KEYS as string[]).includes(metric)) return cases(metric as CaseMetricKey);
  if ((CALL_METRIC_KEYS as string[]).includes(metric)) return calls(metric);
  if (metric === 'enps') return enps;
  if (metric.startsWith(kpiPrefix) && metric.length > kpiPrefix.length)
    return kpi(metric.slice(kpiPrefix.length));
  return undefined;
}
