// Which clients get the decision-maker reminders (issue 17, SPEC C9): the high-attractiveness
// ones. Attractiveness lives above this module (economics now, the portfolio matrix later), so
// the choice is registered from there (ADR 008's upward registration); the highest priority
// wins. Without any registration: clients with a strategic fit ≥ 67.
import type { OrgScope } from '../../context.ts';
import { clientEconomicsFieldsWhere } from '../clients/index.ts';

export type KeyAccountScope = OrgScope & { now: Date };

export interface KeyAccountSelector {
  name: string;
  priority: number;
  /** null: no opinion for this organisation (e.g. its matrix is not computed yet) — ask the next. */
  select(s: KeyAccountScope): Promise<Set<string> | null>;
}

const fallback: KeyAccountSelector = {
  name: 'care.strategic-fit',
  priority: -1,
  async select(s) {
    const fields = await clientEconomicsFieldsWhere(s, {});
    return new Set([...fields].filter(([, f]) => (f.strategicFit ?? -1) >= 67).map(([id]) => id));
  },
};

const selectors = new Map<string, KeyAccountSelector>([[fallback.name, fallback]]);

/** Registers (or replaces, by name) a choice of key accounts. */
export function registerKeyAccounts(selector: KeyAccountSelector): void {
  selectors.set(selector.name, selector);
}

/** For tests: forget a registration. */
export function unregisterKeyAccounts(name: string): void {
  if (name !== fallback.name) selectors.delete(name);
}

/** The key accounts by the highest-priority selector that has an answer for the organisation. */
export async function selectKeyAccounts(s: KeyAccountScope): Promise<Set<string>> {
  for (const selector of [...selectors.values()].sort((a, b) => b.priority - a.priority)) {
    const chosen = await selector.select(s);
    if (chosen) return chosen;
  }
  return new Set();
}
