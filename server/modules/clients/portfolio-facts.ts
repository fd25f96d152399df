// Reads of the portfolio module (analytics, issue 17): the organisation's clients with the fields
// its scores use, and who among the contacts is a decision maker or an influencer. No role check:
// the portfolio checks its caller. Every read is scoped by the organisation.
import type { OrgScope } from '../../context.ts';
import * as repo from './portfolio-facts.repo.ts';

export interface PortfolioClient {
  id: string;
  segment: string | null;
  managerId: string | null;
  estimatedAnnualBudgetMinor: number | null;
  strategicFit: number | null;
  createdAt: string;
}

export interface KeyContact {
  clientId: string;
  decisionMaker: boolean;
  influencer: boolean;
}

export async function portfolioClients(s: OrgScope): Promise<PortfolioClient[]> {
  const rows = await repo.portfolioClients(s.db, s.orgId);
  return rows.map((r) => ({
    id: r.id,
    segment: r.segment,
    managerId: r.manager_id ?? null,
    // Number(): a PostgreSQL bigint must never reach arithmetic as a string.
    estimatedAnnualBudgetMinor:
      r.estimated_annual_budget_minor == null ? null : Number(r.estimated_annual_budget_minor),
    strategicFit: r.strategic_fit ?? null,
    createdAt: r.created_at,
  }));
}

/** Contacts with a decision-maker and/or influencer role, by contact id. */
export async function keyContactsOf(s: OrgScope): Promise<Map<string, KeyContact>> {
  const out = new Map<string, KeyContact>();
  for (const r of await repo.keyContacts(s.db, s.orgId)) {
    const roles = JSON.parse(r.roles) as string[];
    const decisionMaker = roles.includes('decision_maker');
    const influencer = roles.includes('influencer');
    if (decisionMaker || influencer)
      out.set(r.id, { clientId: r.client_id, decisionMaker, influencer });
  }
  return out;
}
