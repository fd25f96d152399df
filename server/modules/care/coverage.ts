// Decision-maker and influencer coverage of a client (issue 17, SPEC C9), pure. A role is
// "touched" when a contact with it had a touch (coverage.repo.ts: their feedback, a case with
// them, a person's reply to them, an answered call) on or after the cutoff (6 months back);
// "silent" when contacts have the role but none was touched; "missing" without such a contact.
// The client is covered when both roles are touched.

export type RoleCoverage = 'touched' | 'silent' | 'missing';
export const COVERAGE_MONTHS = 6;

export interface CoverageContact {
  id: string;
  name: string;
  roles: string[];
}

export interface ClientCoverage {
  decisionMaker: RoleCoverage;
  influencer: RoleCoverage;
  covered: boolean;
  contacts: { id: string; name: string; roles: string[]; lastTouchAt: string | null }[];
}

/** The cutoff: the same day and time six calendar months earlier (UTC; 31 Aug → 1 Mar rolls on). */
export function coverageCutoff(now: Date): Date {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - COVERAGE_MONTHS);
  return d;
}

function roleCoverage(
  contacts: readonly CoverageContact[],
  role: string,
  lastTouch: ReadonlyMap<string, string>,
  cutoffMs: number,
): RoleCoverage {
  const holders = contacts.filter((c) => c.roles.includes(role));
  if (holders.length === 0) return 'missing';
  return holders.some((c) => {
    const at = lastTouch.get(c.id);
    return at !== undefined && Date.parse(at) >= cutoffMs;
  })
    ? 'touched'
    : 'silent';
}

export function computeCoverage(
  contacts: readonly CoverageContact[],
  lastTouch: ReadonlyMap<string, string>,
  cutoff: Date,
): ClientCoverage {
  const ms = cutoff.getTime();
  const decisionMaker = roleCoverage(contacts, 'decision_maker', lastTouch, ms);
  const influencer = roleCoverage(contacts, 'influencer', lastTouch, ms);
  return {
    decisionMaker,
    influencer,
    covered: decisionMaker === 'touched' && influencer === 'touched',
    contacts: contacts.map((c) => ({ ...c, lastTouchAt: lastTouch.get(c.id) ?? null })),
  };
}

/** JSON array of roles as stored; anything unreadable is no role. */
export function parseRoles(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((r): r is string => typeof r === 'string') : [];
  } catch {
    return [];
  }
}
