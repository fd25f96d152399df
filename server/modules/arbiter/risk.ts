// Revenue at risk (METRICS.md "The arbiter report", docs/scorecard.md): per stage, Σ over its
// clients in the window of the client's ARPPU × the churn probability of its NPS group on the
// stage. The probabilities are measured from the organisation's own history — of the clients
// who paid in the window before, by the group of their latest NPS answer there, the share that
// did not buy in the window; with too few clients in a group the history is "short" and the
// risk falls back to the stage's detractor share × its clients' revenue. Pure.
import type { NpsAnswer } from '../metrics/index.ts';

export type NpsGroup = 'promoter' | 'passive' | 'detractor' | 'none';
export type ChurnByGroup = Record<NpsGroup, number>;
/** Fewer paying clients than this in a promoter/passive/detractor group: history too short. */
export const MIN_GROUP_CLIENTS = 5;

export const groupOf = (score: number | undefined): NpsGroup =>
  score === undefined ? 'none' : score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';

/** Each client's latest answer (ties by record id) among `answers`. */
export function latestByClient(answers: readonly NpsAnswer[]): Map<string, NpsAnswer> {
  const out = new Map<string, NpsAnswer>();
  for (const a of answers) {
    const seen = out.get(a.clientId);
    if (
      !seen ||
      a.receivedAt > seen.receivedAt ||
      (a.receivedAt === seen.receivedAt && a.id > seen.id)
    )
      out.set(a.clientId, a);
  }
  return out;
}

export interface ClientMoney {
  revenueMinor: number;
  sales: number;
}

/** Churn per group from the window before: null when a scored group has too few payers. */
export function churnByGroup(
  previousAnswers: readonly NpsAnswer[],
  previousRevenue: ReadonlyMap<string, ClientMoney>,
  currentRevenue: ReadonlyMap<string, ClientMoney>,
): ChurnByGroup | null {
  const latest = latestByClient(previousAnswers);
  const payers: Record<NpsGroup, number> = { promoter: 0, passive: 0, detractor: 0, none: 0 };
  const lost: Record<NpsGroup, number> = { promoter: 0, passive: 0, detractor: 0, none: 0 };
  for (const [clientId, money] of previousRevenue) {
    if (money.sales === 0) continue;
    const g = groupOf(latest.get(clientId)?.score);
    payers[g] += 1;
    if ((currentRevenue.get(clientId)?.sales ?? 0) === 0) lost[g] += 1;
  }
  if ((['promoter', 'passive', 'detractor'] as const).some((g) => payers[g] < MIN_GROUP_CLIENTS))
    return null;
  const p = (g: NpsGroup) => (payers[g] === 0 ? 0 : Math.round((lost[g] / payers[g]) * 1e4) / 1e4);
  return {
    promoter: p('promoter'),
    passive: p('passive'),
    detractor: p('detractor'),
    none: p('none'),
  };
}

export interface StageRisk {
  clients: number;
  revenueMinor: number;
  detractorShare: number | null;
  riskMinor: number;
  method: 'churn_history' | 'detractor_share';
}

/**
 * One stage: its clients (feedback on it or a transaction of it in the window), their revenue
 * in the window (ARPPU of one client = its revenue when it paid), and its NPS answers.
 */
export function stageRisk(
  clients: ReadonlySet<string>,
  stageAnswers: readonly NpsAnswer[],
  revenue: ReadonlyMap<string, ClientMoney>,
  churn: ChurnByGroup | null,
): StageRisk {
  const latest = latestByClient(stageAnswers);
  let revenueMinor = 0;
  let risk = 0;
  for (const clientId of clients) {
    const money = revenue.get(clientId);
    const arppu = money && money.sales > 0 ? Math.max(0, money.revenueMinor) : 0;
    revenueMinor += arppu;
    if (churn) risk += arppu * churn[groupOf(latest.get(clientId)?.score)];
  }
  const detractors = stageAnswers.filter((a) => a.score <= 6).length;
  const detractorShare = stageAnswers.length
    ? Math.round((detractors / stageAnswers.length) * 1e4) / 1e4
    : null;
  if (churn)
    return {
      clients: clients.size,
      revenueMinor,
      detractorShare,
      riskMinor: Math.round(risk),
      method: 'churn_history',
    };
  return {
    clients: clients.size,
    revenueMinor,
    detractorShare,
    riskMinor: stageAnswers.length
      ? Math.round((detractors / stageAnswers.length) * revenueMinor)
      : 0,
    method: 'detractor_share',
  };
}
