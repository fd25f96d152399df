// GET /api/v1/economics/levers: revenue = N × Q × APPN (and margin = … × margin rate) in two
// windows A and B, and the change split into the contribution of each factor (levers.ts).
import type { Ctx } from '../../context.ts';
import { assertCan } from '../../lib/permissions.ts';
import type {
  LeversOut,
  LeversQuery,
  LeverWindowOut,
} from '../../../shared/api/economics-figures.ts';
import { figuresFor, type Figures, type Window } from './figures.ts';
import { periodIndex } from './periods.ts';
import { splitMarginChange, splitRevenueChange, type MarginLeverInputs } from './levers.ts';
import { settingsOf } from './settings.service.ts';
import { fromMinorUnits } from './transaction-values.ts';
import { rollupSeries } from './rollup-figures.ts';
import {
  checkFilters,
  checkWindow,
  churnThreshold,
  loadRollupData,
  loadWindowData,
  MAX_SERIES,
  rollupsServe,
} from './window-data.ts';

/** The unrounded factors of a window (a factor with a zero denominator is 0: no split). */
function factors(f: Figures): MarginLeverInputs {
  const n = f.payingClients;
  return {
    payingClients: n,
    q: n ? f.purchases / n : 0,
    appn: f.purchases ? f.revenueMinor / f.purchases : 0,
    marginRate: f.revenueMinor ? f.marginMinor / f.revenueMinor : 0,
  };
}

function presentWindow(w: { from: string; to: string }, f: Figures): LeverWindowOut {
  return {
    from: w.from,
    to: w.to,
    revenue: fromMinorUnits(f.revenueMinor),
    margin: fromMinorUnits(f.marginMinor),
    payingClients: f.payingClients,
    purchases: f.purchases,
    q: f.q,
    appn: f.appnMinor === null ? null : fromMinorUnits(f.appnMinor),
    marginRate: f.revenueMinor ? f.marginMinor / f.revenueMinor : null,
  };
}

const money = <K extends string>(c: Record<K, number> | null) =>
  c === null
    ? null
    : (Object.fromEntries(
        Object.entries<number>(c).map(([k, v]) => [k, fromMinorUnits(v)]),
      ) as Record<K, number>);

export async function economicsLevers(ctx: Ctx, q: LeversQuery): Promise<LeversOut> {
  assertCan(ctx.actor, 'data.read');
  const a = { from: q.aFrom, to: q.aTo };
  const b = { from: q.bFrom, to: q.bTo };
  checkWindow(a, q.period, { from: 'aFrom', to: 'aTo' });
  checkWindow(b, q.period, { from: 'bFrom', to: 'bTo' });
  await checkFilters(ctx, q);
  const whole = { from: a.from < b.from ? a.from : b.from, to: a.to > b.to ? a.to : b.to };
  const churn = churnThreshold(await settingsOf(ctx), q.period);
  let fa: Figures;
  let fb: Figures;
  if (rollupsServe(q)) {
    const data = await loadRollupData(ctx, whole, churn);
    const length = (w: Window) => periodIndex(w.to, q.period) - periodIndex(w.from, q.period);
    const span = length(whole);
    if (length(a) === 1 && length(b) === 1 && span <= MAX_SERIES) {
      // One pass over the clients: A and B are two periods of the series of the whole span.
      const { series } = rollupSeries(whole, q.period, data);
      const at = (w: Window) =>
        series[periodIndex(w.from, q.period) - periodIndex(whole.from, q.period)]!;
      fa = at(a);
      fb = at(b);
    } else {
      fa = rollupSeries(a, q.period, data).whole;
      fb = rollupSeries(b, q.period, data).whole;
    }
  } else {
    const data = await loadWindowData(ctx, whole, q, churn);
    fa = figuresFor(a, q.period, data);
    fb = figuresFor(b, q.period, data);
  }
  const revenue = splitRevenueChange(factors(fa), factors(fb));
  const margin = splitMarginChange(factors(fa), factors(fb));
  return {
    a: presentWindow(a, fa),
    b: presentWindow(b, fb),
    // Exact in kopecks: the revenues are integers, so round(N × Q × APPN) is the revenue itself.
    change: fromMinorUnits(fb.revenueMinor - fa.revenueMinor),
    contributions: money(revenue.contributions),
    reason: revenue.contributions ? null : revenue.reason,
    margin: {
      change: fromMinorUnits(fb.marginMinor - fa.marginMinor),
      contributions: money(margin.contributions),
      reason: margin.reason,
    },
  };
}
