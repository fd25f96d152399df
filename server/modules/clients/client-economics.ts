// A client's economics fields: the estimated annual budget (decimal on the wire, integer minor
// units stored) and the strategic fit (integer 0–100). Pure checks and conversions, so create,
// update and any other writer refuse alike: 422 naming every bad field, nothing written.
import type { InvalidParam } from '../../../shared/api/errors.ts';
import type { ClientsTable } from '../../db/types.ts';
import { AppError } from '../../http/errors.ts';
import { fromMinorUnits, toMinorUnits } from '../../lib/money.ts';

export interface ClientEconomicsInput {
  estimatedAnnualBudget?: number | null;
  strategicFit?: number | null;
}

type EconomicsColumns = Pick<ClientsTable, 'estimated_annual_budget_minor' | 'strategic_fit'>;

/** The columns the given fields set (absent fields are left out), or 422. */
export function economicsColumns(input: ClientEconomicsInput): Partial<EconomicsColumns> {
  const invalid: InvalidParam[] = [];
  const out: Partial<EconomicsColumns> = {};
  const budget = input.estimatedAnnualBudget;
  if (budget !== undefined) {
    const minor = budget === null ? null : toMinorUnits(budget);
    if (typeof minor === 'string')
      invalid.push({ name: 'body.estimatedAnnualBudget', reason: minor });
    else out.estimated_annual_budget_minor = minor;
  }
  const fit = input.strategicFit;
  if (fit !== undefined) {
    if (fit !== null && !(Number.isInteger(fit) && fit >= 0 && fit <= 100))
      invalid.push({ name: 'body.strategicFit', reason: 'an integer from 0 to 100' });
    else out.strategic_fit = fit;
  }
  if (invalid.length)
    throw new AppError('unprocessable', 'The client is not valid', { invalidParams: invalid });
  return out;
}

/** The decimal budget the API shows, or null. */
export const budgetOf = (c: Pick<ClientsTable, 'estimated_annual_budget_minor'>): number | null =>
  c.estimated_annual_budget_minor == null
    ? null
    : fromMinorUnits(Number(c.estimated_annual_budget_minor));
