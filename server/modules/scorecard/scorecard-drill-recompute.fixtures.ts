// What a scorecard value must be, recomputed from the rows its drill-down lists (the property
// test's second half): NPS from the scores, CSAT's share of 4–5, CES's mean, the response rate,
// revenue as the sum of the documents, ARPPU, the on-time share, retention, the case medians and
// shares, the backlog, the phone shares and mean wait, a KPI's mean and eNPS from the counts.
// Written from docs/scorecard.md, not from the code it checks.
import type { DrillRowOut } from '../../../shared/api/scorecard-layers.ts';

/** Half away from zero, as the API rounds. */
const round = (x: number, digits: number) => {
  const f = 10 ** digits;
  const r = (Math.sign(x) * Math.round(Math.abs(x) * f)) / f;
  return Object.is(r, -0) ? 0 : r;
};
const share = (part: number, whole: number) => (whole === 0 ? null : round(part / whole, 4));
const count = (rows: DrillRowOut[], test: (r: DrillRowOut) => boolean) => rows.filter(test).length;
const ofLabel = (rows: DrillRowOut[], label: string) => count(rows, (r) => r.label === label);
const minor = (r: DrillRowOut) => Math.round(r.value! * 100);

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function netPromoters(scoreCounts: Array<{ score: number; count: number }>, digits: number) {
  const n = scoreCounts.reduce((s, c) => s + c.count, 0);
  if (n === 0) return null;
  const promoters = scoreCounts.filter((c) => c.score >= 9).reduce((s, c) => s + c.count, 0);
  const detractors = scoreCounts.filter((c) => c.score <= 6).reduce((s, c) => s + c.count, 0);
  return round((promoters / n - detractors / n) * 100, digits);
}

/** The value the rows give; undefined for a metric whose value the rows do not determine. */
export function valueFromRows(metric: string, rows: DrillRowOut[]): number | null | undefined {
  const n = rows.length;
  const values = rows.map((r) => r.value!);
  if (metric.startsWith('kpi:'))
    return n === 0 ? null : round(values.reduce((s, v) => s + v, 0) / n, 4);
  switch (metric) {
    case 'nps':
      return netPromoters(
        rows.map((r) => ({ score: r.value!, count: 1 })),
        1,
      );
    case 'csat':
      return n === 0 ? null : round((count(rows, (r) => r.value! >= 4) / n) * 100, 1);
    case 'ces':
      return n === 0 ? null : round(values.reduce((s, v) => s + v, 0) / n, 2);
    case 'response_rate':
      return share(ofLabel(rows, 'answered'), n);
    case 'revenue':
      return n === 0 ? null : rows.reduce((s, r) => s + minor(r), 0) / 100;
    case 'arppu': {
      const payers = new Set(rows.filter((r) => r.label === 'sale').map((r) => r.clientId));
      if (payers.size === 0) return null;
      return Math.round(rows.reduce((s, r) => s + minor(r), 0) / payers.size) / 100;
    }
    case 'on_time_share':
      return share(ofLabel(rows, 'on_time'), n);
    case 'retention':
      return share(ofLabel(rows, 'retained'), n);
    case 'cases.ack_minutes':
    case 'cases.resolve_minutes': {
      const m = median(values);
      return m === null ? null : round(m, 2);
    }
    case 'cases.reopen_rate':
    case 'cases.sla_breach_share':
    case 'calls.answered_share':
      return share(
        count(rows, (r) => r.value === 1),
        n,
      );
    case 'calls.missed_share':
      return share(
        ofLabel(rows, 'missed'),
        count(rows, (r) => r.label !== 'outbound'),
      );
    case 'calls.avg_wait_seconds': {
      const waits = rows.filter((r) => r.value !== null).map((r) => r.value!);
      return waits.length ? round(waits.reduce((s, v) => s + v, 0) / waits.length, 2) : null;
    }
    case 'calls.callback_within_target_share':
      return share(
        count(rows, (r) => r.value === 1),
        count(rows, (r) => r.value !== null),
      );
    case 'enps':
      return netPromoters(
        rows.map((r) => ({ score: r.value!, count: r.count! })),
        1,
      );
    default:
      // cases.backlog: its value is its n, checked with the rows' number.
      return undefined;
  }
}
