// Computes the arbiter report for a window (issue 16; METRICS.md "The arbiter report";
// docs/scorecard.md): stages ranked by revenue at risk, each with its key drivers of NPS over the
// 24 months up to the window's end, the metrics furthest off target in the window's last month,
// three representative negative texts, open cases, the stage's initiatives that are not dropped
// (the backlog) and the first suggestion rule that fires.
import type { Ctx } from '../../context.ts';
import { metricName } from '../../i18n/metric-names.ts';
import type { ArbiterOut, ArbiterStageOut } from '../../../shared/api/arbiter.ts';
import { initiativesByStage } from '../backlog/index.ts';
import { openCasesByStage } from '../cases/index.ts';
import { clientNames } from '../clients/index.ts';
import { clientRevenueIn, stageBuyersIn } from '../economics/index.ts';
import { fromMinorUnits } from '../../lib/money.ts';
import { negativeTextsIn, npsAnswersIn, stageSpeakersIn } from '../metrics/index.ts';
import { listStageTargets } from '../stages/index.ts';
import { keyDrivers, loadLayerSources, stageLayers } from '../scorecard/index.ts';
import { representativeTexts } from './examples.ts';
import { churnByGroup, stageRisk } from './risk.ts';
import { suggest, worstMetrics, type Rule } from './rules.ts';
import type { ArbiterWindow } from './window.ts';

const DRIVER_MONTHS = 24;
const OPEN_CASES_SHOWN = 5;

export async function computeArbiter(
  ctx: Ctx,
  w: ArbiterWindow,
  rules: readonly Rule[],
): Promise<ArbiterOut> {
  const stages = await listStageTargets(ctx);
  const initiatives = await initiativesByStage(ctx);
  const [prevAnswers, answers, prevRevenue, revenue, speakers, buyers, texts, cases, layers] =
    await Promise.all([
      npsAnswersIn(ctx, w.previous.fromInstant, w.fromInstant),
      npsAnswersIn(ctx, w.fromInstant, w.toInstant),
      clientRevenueIn(ctx, w.previous.from, w.from),
      clientRevenueIn(ctx, w.from, w.to),
      stageSpeakersIn(ctx, w.fromInstant, w.toInstant),
      stageBuyersIn(ctx, w.from, w.to),
      negativeTextsIn(ctx, w.fromInstant, w.toInstant),
      openCasesByStage(ctx, OPEN_CASES_SHOWN),
      loadLayerSources(
        ctx,
        { period: 'month', from: w.monthsBack(DRIVER_MONTHS), to: w.to },
        stages,
      ),
    ]);
  const churn = churnByGroup(prevAnswers, prevRevenue, revenue);
  // The shown cases' clients, by name (one lookup for every stage's few cases).
  const names = await clientNames(
    ctx,
    [...cases.values()].flatMap((e) => e.oldest.flatMap((c) => (c.client_id ? [c.client_id] : []))),
  );
  const clientsOf = new Map<string, Set<string>>();
  for (const { stage, clientId } of [...speakers, ...buyers]) {
    const set = clientsOf.get(stage) ?? new Set<string>();
    set.add(clientId);
    clientsOf.set(stage, set);
  }
  const rows = stages.map((stage) => {
    const risk = stageRisk(
      clientsOf.get(stage.key) ?? new Set(),
      answers.filter((a) => a.stage === stage.key),
      revenue,
      churn,
    );
    const all = stageLayers(stage, layers.sources, {});
    const metrics = [
      ...all.satisfaction,
      ...all.transactional,
      ...all.operational,
      ...all.employee,
    ];
    const drivers = keyDrivers(all, 'nps')
      .drivers.filter((d) => d.status === 'ranked')
      .slice(0, 5);
    const worst = worstMetrics(metrics);
    const open = cases.get(stage.key);
    const nameOf = (metric: string, lang: 'ru' | 'en') => {
      const m = metrics.find((x) => x.metric === metric);
      return metricName({ metric, name: m?.name ?? null, nameEn: m?.nameEn ?? null }, lang);
    };
    const out: Omit<ArbiterStageOut, 'rank'> = {
      stage: stage.key,
      nameRu: stage.nameRu,
      nameEn: stage.nameEn,
      revenueAtRisk: fromMinorUnits(risk.riskMinor),
      riskMethod: risk.method,
      clients: risk.clients,
      revenue: fromMinorUnits(risk.revenueMinor),
      detractorShare: risk.detractorShare,
      drivers,
      metrics: worst,
      examples: representativeTexts(texts.filter((t) => t.stage === stage.key)),
      openCases: (open?.oldest ?? []).map((c) => ({
        id: c.id,
        status: c.status,
        priority: c.priority,
        openedAt: new Date(c.created_at).toISOString(),
        dueAt: c.due_at ? new Date(c.due_at).toISOString() : null,
        clientName: (c.client_id && names.get(c.client_id)) ?? null,
      })),
      openCasesTotal: open?.total ?? 0,
      initiatives: (initiatives.get(stage.key) ?? []).map((i) => ({
        id: i.id,
        title: i.title,
        status: i.status,
      })),
      suggestion: suggest(rules, stage, drivers, metrics, nameOf),
    };
    return {
      out,
      risk: risk.riskMinor,
      detractors: risk.detractorShare ?? 0,
      position: stage.position,
    };
  });
  rows.sort((a, b) => b.risk - a.risk || b.detractors - a.detractors || a.position - b.position);
  return {
    from: w.from,
    to: w.to,
    computedAt: ctx.clock.now().toISOString(),
    churnByGroup: churn,
    stages: rows.map((r, i) => ({ ...r.out, rank: i + 1 })),
  };
}
