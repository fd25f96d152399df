// Gathers what the scores stand on, as of a day, from the modules that own it — economics (money),
// clients (fields and contact roles), metrics (NPS answers and touches) — through their index.ts.
import type { Ctx } from '../../context.ts';
import { keyContactsOf, portfolioClients } from '../clients/index.ts';
import { localParts, zonedTimeToInstant } from '../cases/index.ts';
import { clientMoneyAsOf, monthsBefore } from '../economics/index.ts';
import { contactsTouchedIn, latestNpsAnswersBefore } from '../metrics/index.ts';
import { orgTimeZone } from '../orgs/index.ts';
import type { Facts } from './inputs.ts';

/** Coverage counts a decision maker or influencer touched in these last months (METRICS.md). */
export const TOUCH_MONTHS = 6;

const pad = (n: number) => String(n).padStart(2, '0');

/** The organisation's calendar day now, YYYY-MM-DD. */
export async function todayOf(ctx: Ctx): Promise<string> {
  const p = localParts(ctx.clock.now().getTime(), await orgTimeZone(ctx));
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** The instant the organisation's day `date` starts. */
function startOf(date: string, timeZone: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(zonedTimeToInstant(y, m, d, 0, 0, timeZone)).toISOString();
}

const dayAfter = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export async function loadFacts(ctx: Ctx, asOf: string): Promise<Facts> {
  const tz = await orgTimeZone(ctx);
  const end = startOf(dayAfter(asOf), tz);
  const touchFrom = startOf(dayAfter(monthsBefore(asOf, TOUCH_MONTHS)), tz);
  const [clients, money, keyContacts, answers, touched] = await Promise.all([
    portfolioClients(ctx),
    clientMoneyAsOf(ctx, asOf),
    keyContactsOf(ctx),
    latestNpsAnswersBefore(ctx, end),
    contactsTouchedIn(ctx, touchFrom, end),
  ]);
  return { asOf, clients, money, keyContacts, answers, touched };
}
