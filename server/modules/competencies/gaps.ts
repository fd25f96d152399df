// Gaps (METRICS.md "Employee layer"; docs/competencies.md): per person and competency of their
// position's model, gap = max(0, target − assessed level); the assessed level is the latest
// manager assessment, else the mean of the 360 answers when shown (≥ the anonymity threshold of
// distinct raters, each rater's latest answer), else the latest self-assessment, else none.
// Aggregates: the mean gap of the assessed, the share of people meeting the target (not assessed
// = not meeting), and coverage = share of (person × competency) pairs at or above target. Pure.
import type { AssessmentKind } from '../../../shared/domain/vocabulary.ts';

export interface AssessmentFact {
  employee_id: string;
  competency_id: string;
  kind: AssessmentKind;
  level: number;
  rater_id: string | null;
  assessed_at: string;
}

export interface PeerSummary {
  raters: number;
  shown: boolean;
  mean: number | null;
  levels: number[] | null;
}

export type GapSource = 'manager' | 'peer' | 'self';

export interface GapCell {
  competencyId: string;
  target: number;
  assessed: number | null;
  source: GapSource | null;
  gap: number | null;
}

export interface PersonGaps {
  employeeId: string;
  cells: GapCell[];
}

export interface CompetencySummary {
  competencyId: string;
  people: number;
  assessed: number;
  meanGap: number | null;
  meetingShare: number | null;
}

export interface GapReport {
  people: PersonGaps[];
  summary: CompetencySummary[];
  coverage: number | null;
  pairs: number;
  met: number;
}

export const round = (x: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

const latest = (rows: readonly AssessmentFact[]) =>
  rows.reduce<AssessmentFact | undefined>(
    (best, r) => (!best || r.assessed_at > best.assessed_at ? r : best),
    undefined,
  );

/**
 * The 360 answers of one employee × competency: each rater's latest answer counts once. Below
 * `threshold` distinct raters neither the levels nor their mean leave this function.
 */
export function peerSummary(rows: readonly AssessmentFact[], threshold: number): PeerSummary {
  const byRater = new Map<string, AssessmentFact>();
  for (const r of rows) {
    if (r.kind !== 'peer') continue;
    const key = r.rater_id ?? `anonymous:${byRater.size}`;
    const prev = byRater.get(key);
    if (!prev || r.assessed_at > prev.assessed_at) byRater.set(key, r);
  }
  const raters = byRater.size;
  if (raters < threshold || raters === 0) return { raters, shown: false, mean: null, levels: null };
  const levels = [...byRater.values()].map((r) => r.level).sort((a, b) => a - b);
  const mean = round(levels.reduce((s, l) => s + l, 0) / raters, 2);
  return { raters, shown: true, mean, levels };
}

/** The assessed level of one employee × competency from all its assessments. */
export function assessedLevel(
  rows: readonly AssessmentFact[],
  threshold: number,
): { level: number; source: GapSource } | null {
  const manager = latest(rows.filter((r) => r.kind === 'manager'));
  if (manager) return { level: manager.level, source: 'manager' };
  const peers = peerSummary(rows, threshold);
  if (peers.shown && peers.mean !== null) return { level: peers.mean, source: 'peer' };
  const self = latest(rows.filter((r) => r.kind === 'self'));
  if (self) return { level: self.level, source: 'self' };
  return null;
}

/**
 * Gaps of `people` against their position's targets (`targets`: position → competency → level),
 * from the assessments made before `asOf` (all when undefined). `competencyOrder` fixes the
 * order of cells and summary rows.
 */
export function computeGaps(
  people: readonly { id: string; position: string | null }[],
  targets: ReadonlyMap<string, ReadonlyMap<string, number>>,
  assessments: readonly AssessmentFact[],
  threshold: number,
  competencyOrder: readonly string[],
  asOf?: string,
): GapReport {
  const rowsOf = new Map<string, AssessmentFact[]>();
  for (const a of assessments) {
    if (asOf !== undefined && a.assessed_at >= asOf) continue;
    const key = `${a.employee_id} ${a.competency_id}`;
    const list = rowsOf.get(key);
    if (list) list.push(a);
    else rowsOf.set(key, [a]);
  }
  const order = new Map(competencyOrder.map((id, i) => [id, i]));
  const sums = new Map<string, { people: number; assessed: number; gapSum: number; met: number }>();
  let pairs = 0;
  let met = 0;
  const out = people.map((p) => {
    const model = p.position === null ? undefined : targets.get(p.position);
    const ids = [...(model?.keys() ?? [])].sort(
      (a, b) => (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9),
    );
    const cells = ids.map((competencyId): GapCell => {
      const target = model!.get(competencyId)!;
      const level = assessedLevel(rowsOf.get(`${p.id} ${competencyId}`) ?? [], threshold);
      const gap = level === null ? null : round(Math.max(0, target - level.level), 2);
      const s = sums.get(competencyId) ?? { people: 0, assessed: 0, gapSum: 0, met: 0 };
      s.people += 1;
      pairs += 1;
      if (gap !== null) {
        s.assessed += 1;
        s.gapSum += gap;
        if (gap === 0) {
          s.met += 1;
          met += 1;
        }
      }
      sums.set(competencyId, s);
      return {
        competencyId,
        target,
        assessed: level?.level ?? null,
        source: level?.source ?? null,
        gap,
      };
    });
    return { employeeId: p.id, cells };
  });
  const summary = [...sums.entries()]
    .sort(([a], [b]) => (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9))
    .map(([competencyId, s]) => ({
      competencyId,
      people: s.people,
      assessed: s.assessed,
      meanGap: s.assessed > 0 ? round(s.gapSum / s.assessed, 2) : null,
      meetingShare: s.people > 0 ? round(s.met / s.people, 4) : null,
    }));
  return { people: out, summary, coverage: pairs > 0 ? round(met / pairs, 4) : null, pairs, met };
}
