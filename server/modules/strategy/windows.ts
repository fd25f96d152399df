// The window a bound KPI reads (docs/strategy.md): the last closed or the running month or quarter
// in the organisation's time zone, as the scorecard numbers its periods (periodsOf), so the
// bounds are exactly those its own endpoint takes: days for economics, scorecard and pulse,
// instants for the satisfaction report.
import type { BindingWindow, WindowOut } from '../../../shared/api/strategy.ts';
import { localParts } from '../cases/index.ts';
import { periodsOf } from '../scorecard/index.ts';

const STEP = { month: 1, quarter: 3 } as const;
const pad = (n: number) => String(n).padStart(2, '0');
const dayOf = (month: number) => `${Math.floor(month / 12)}-${pad((month % 12) + 1)}-01`;

export function windowOf(window: BindingWindow, timeZone: string, now: Date): WindowOut {
  const period = window.includes('quarter') ? 'quarter' : 'month';
  const step = STEP[period];
  const local = localParts(now.getTime(), timeZone);
  const month = local.year * 12 + local.month - 1;
  const current = month - (month % step);
  const back = window.startsWith('current') ? 0 : window.startsWith('last') ? 1 : 2;
  const from = current - back * step;
  const q = { period, from: dayOf(from), to: dayOf(from + step) } as const;
  const [p] = periodsOf(q, timeZone, now).periods;
  return {
    period,
    label: p!.label,
    fromDate: p!.firstDay,
    toDate: p!.nextDay,
    from: p!.from,
    to: p!.to,
  };
}
