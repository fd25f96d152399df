// Each client's raw inputs (pure; docs/portfolio.md): from its money facts (economics), its
// fields (clients), its contacts' roles and its feedback (metrics). An input the client does not
// have is null, and its weight goes to the axis's other inputs (scores.ts).
import type { KeyContact, PortfolioClient } from '../clients/index.ts';
import type { ClientMoney } from '../economics/index.ts';
import type { LatestNpsAnswer } from '../metrics/index.ts';
import type { Raw } from './scores.ts';

export interface Facts {
  asOf: string;
  clients: readonly PortfolioClient[];
  money: ReadonlyMap<string, ClientMoney>;
  keyContacts: ReadonlyMap<string, KeyContact>;
  answers: readonly LatestNpsAnswer[];
  /** Contacts with a feedback record in the six months up to asOf. */
  touched: ReadonlySet<string>;
}

const DAY_MS = 86_400_000;
const yearsBetween = (from: string, to: string) =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS / 365.25;

/**
 * NPS of one client's latest answers, one per contact (records without a contact count as one
 * more voice): decision makers and influencers weigh 1, the others ½ (METRICS.md).
 */
export function weightedNps(voices: readonly { score: number; key: boolean }[]): number | null {
  let total = 0;
  let net = 0;
  for (const v of voices) {
    const w = v.key ? 1 : 0.5;
    total += w;
    if (v.score >= 9) net += w;
    else if (v.score <= 6) net -= w;
  }
  return total === 0 ? null : (net / total) * 100;
}

export function rawInputs(f: Facts): Raw[] {
  const voices = new Map<string, { score: number; key: boolean }[]>();
  for (const a of f.answers) {
    const key = a.contactId !== null && f.keyContacts.get(a.contactId)?.clientId === a.clientId;
    const list = voices.get(a.clientId) ?? [];
    list.push({ score: a.score, key });
    voices.set(a.clientId, list);
  }
  // Coverage: a touched decision maker gives 50, a touched influencer 50 (one contact may be both).
  const coverage = new Map<string, { dm: boolean; inf: boolean }>();
  for (const [contactId, c] of f.keyContacts) {
    if (!f.touched.has(contactId)) continue;
    const cov = coverage.get(c.clientId) ?? { dm: false, inf: false };
    cov.dm ||= c.decisionMaker;
    cov.inf ||= c.influencer;
    coverage.set(c.clientId, cov);
  }
  return f.clients.map((c) => {
    const m = f.money.get(c.id);
    const rev12 = m?.revenue12Minor ?? 0;
    const cov = coverage.get(c.id);
    const budget = c.estimatedAnnualBudgetMinor;
    return {
      revenue: rev12 / 100,
      marginRate: m && rev12 > 0 ? (rev12 - m.cost12Minor) / rev12 : null,
      revenueGrowth:
        m && m.revenuePrev12Minor > 0
          ? (rev12 - m.revenuePrev12Minor) / m.revenuePrev12Minor
          : null,
      strategicFit: c.strategicFit,
      keyNps: weightedNps(voices.get(c.id) ?? []),
      coverage: cov ? (cov.dm ? 50 : 0) + (cov.inf ? 50 : 0) : 0,
      tenure: m?.firstSale ? Math.max(0, yearsBetween(m.firstSale, f.asOf)) : 0,
      shareOfWallet: budget !== null && budget > 0 ? rev12 / budget : null,
      paymentDiscipline: m && m.due > 0 ? m.onTime / m.due : null,
    };
  });
}
