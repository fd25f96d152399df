// Money facts for the portfolio scores (issue 17): per client, as of a day, revenue and margin
// of the last 12 months, revenue of the 12 before, sales due in the last 12 months and those paid
// by their due date, and the first sale. The same windows as one client's economics
// (client-figures.ts). No role check: the portfolio checks its caller.
import type { OrgScope } from '../../context.ts';
import { monthsBefore } from './client-figures.ts';
import * as repo from './portfolio-facts.repo.ts';

export type ClientMoney = Awaited<ReturnType<typeof repo.clientMoney>>[number];

/** Per client id, its money facts as of `asOf` (YYYY-MM-DD); clients without documents absent. */
export async function clientMoneyAsOf(
  s: OrgScope,
  asOf: string,
): Promise<Map<string, ClientMoney>> {
  const rows = await repo.clientMoney(s.db, s.orgId, {
    asOf,
    y1: monthsBefore(asOf, 12),
    y2: monthsBefore(asOf, 24),
  });
  return new Map(rows.map((r) => [r.clientId, r]));
}
