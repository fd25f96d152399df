// Satisfaction formulas (NPS, CSAT, CES) over a histogram of scores. Pure: no I/O, no rounding
// (the API rounds), so the numbers can be checked by hand in table-driven tests.
//
// Input is a histogram — how many responses gave each score — because the database returns
// exactly that (GROUP BY score), so a million responses cost a dozen rows, not a million.

export interface ScoreCount {
  score: number;
  count: number;
}

export type SatisfactionMetric = 'nps' | 'csat' | 'ces';

/** The scales of ARCHITECTURE.md / SPEC.md. Scores outside them are not counted. */
export const SCALES: Record<SatisfactionMetric, { min: number; max: number }> = {
  nps: { min: 0, max: 10 },
  csat: { min: 1, max: 5 },
  ces: { min: 1, max: 7 },
};

/** Two-sided 95 % normal quantile. */
export const Z_95 = 1.96;

export interface NpsResult {
  metric: 'nps';
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** %promoters − %detractors, −100..100; null without responses. */
  value: number | null;
  marginOfError: number | null;
}

export interface CsatResult {
  metric: 'csat';
  responses: number;
  /** Responses of 4 or 5. */
  satisfied: number;
  /** Share of satisfied responses, 0..100. */
  value: number | null;
  /** Mean score, 1..5. */
  mean: number | null;
  marginOfError: number | null;
}

export interface CesResult {
  metric: 'ces';
  responses: number;
  /** Responses of 1–3 (little effort). */
  easy: number;
  /** Share of easy responses, 0..100. */
  easyShare: number | null;
  /** Mean effort, 1..7: lower is better. */
  value: number | null;
  marginOfError: number | null;
}

export type SatisfactionResult = NpsResult | CsatResult | CesResult;

/** Keeps whole in-scale scores with a positive count, merging duplicates. */
function validCounts(hist: readonly ScoreCount[], metric: SatisfactionMetric): ScoreCount[] {
  const { min, max } = SCALES[metric];
  const merged = new Map<number, number>();
  for (const { score, count } of hist) {
    if (!Number.isInteger(score) || score < min || score > max || !(count > 0)) continue;
    merged.set(score, (merged.get(score) ?? 0) + count);
  }
  return [...merged].map(([score, count]) => ({ score, count }));
}

const total = (hist: readonly ScoreCount[]) => hist.reduce((n, h) => n + h.count, 0);
const countWhere = (hist: readonly ScoreCount[], test: (score: number) => boolean) =>
  hist.reduce((n, h) => n + (test(h.score) ? h.count : 0), 0);

/** Margin of error of a proportion (Wald interval), in percentage points; null below n = 2. */
export function proportionMarginOfError(p: number, n: number): number | null {
  if (n < 2) return null;
  return Z_95 * Math.sqrt((p * (1 - p)) / n) * 100;
}

/**
 * Margin of error of NPS in points. Each response is +1 (promoter), 0 or −1 (detractor); NPS is
 * 100 × their mean, whose variance is p(1−p) + d(1−d) + 2pd (= p + d − (p − d)²).
 */
export function npsMarginOfError(
  promoterShare: number,
  detractorShare: number,
  n: number,
): number | null {
  if (n < 2) return null;
  const p = promoterShare;
  const d = detractorShare;
  const variance = p * (1 - p) + d * (1 - d) + 2 * p * d;
  return Z_95 * Math.sqrt(variance / n) * 100;
}

/** Margin of error of a mean: z · s / √n with the sample standard deviation s; null below n = 2. */
export function meanMarginOfError(hist: readonly ScoreCount[]): number | null {
  const n = total(hist);
  if (n < 2) return null;
  const mean = hist.reduce((s, h) => s + h.score * h.count, 0) / n;
  const squares = hist.reduce((s, h) => s + h.count * (h.score - mean) ** 2, 0);
  return (Z_95 * Math.sqrt(squares / (n - 1))) / Math.sqrt(n);
}

function meanOf(hist: readonly ScoreCount[]): number | null {
  const n = total(hist);
  return n === 0 ? null : hist.reduce((s, h) => s + h.score * h.count, 0) / n;
}

/** NPS from 0–10 answers: promoters 9–10, passives 7–8, detractors 0–6. */
export function computeNps(histogram: readonly ScoreCount[]): NpsResult {
  const hist = validCounts(histogram, 'nps');
  const responses = total(hist);
  const promoters = countWhere(hist, (s) => s >= 9);
  const detractors = countWhere(hist, (s) => s <= 6);
  const passives = responses - promoters - detractors;
  if (responses === 0)
    return {
      metric: 'nps',
      responses,
      promoters,
      passives,
      detractors,
      value: null,
      marginOfError: null,
    };
  const p = promoters / responses;
  const d = detractors / responses;
  return {
    metric: 'nps',
    responses,
    promoters,
    passives,
    detractors,
    value: (p - d) * 100,
    marginOfError: npsMarginOfError(p, d, responses),
  };
}

/** CSAT from 1–5 answers: the share of 4–5 ("satisfied"), with the mean alongside. */
export function computeCsat(histogram: readonly ScoreCount[]): CsatResult {
  const hist = validCounts(histogram, 'csat');
  const responses = total(hist);
  const satisfied = countWhere(hist, (s) => s >= 4);
  if (responses === 0)
    return { metric: 'csat', responses, satisfied, value: null, mean: null, marginOfError: null };
  const p = satisfied / responses;
  return {
    metric: 'csat',
    responses,
    satisfied,
    value: p * 100,
    mean: meanOf(hist),
    marginOfError: proportionMarginOfError(p, responses),
  };
}

/**
 * CES from 1–7 answers where 1 = very little effort and 7 = very much (lower is better). The
 * headline is the mean effort, because effort is an interval scale and the mean moves with every
 * answer; the share of "easy" answers (1–3) is given alongside for a top-box reading.
 */
export function computeCes(histogram: readonly ScoreCount[]): CesResult {
  const hist = validCounts(histogram, 'ces');
  const responses = total(hist);
  const easy = countWhere(hist, (s) => s <= 3);
  if (responses === 0)
    return { metric: 'ces', responses, easy, easyShare: null, value: null, marginOfError: null };
  return {
    metric: 'ces',
    responses,
    easy,
    easyShare: (easy / responses) * 100,
    value: meanOf(hist),
    marginOfError: meanMarginOfError(hist),
  };
}

export function computeSatisfaction(
  metric: SatisfactionMetric,
  histogram: readonly ScoreCount[],
): SatisfactionResult {
  if (metric === 'nps') return computeNps(histogram);
  if (metric === 'csat') return computeCsat(histogram);
  return computeCes(histogram);
}
