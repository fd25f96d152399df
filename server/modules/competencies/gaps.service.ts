// Gaps per person, team (a stage's employees or a manager's direct reports) and stage, read
// from the competency model, the assessments and the anonymity threshold (gaps.ts computes).
// competencyCoverage and stageCompetencyGaps serve the scorecard (analytics) through index.ts.
import type { Ctx, OrgScope } from '../../context.ts';
import { notFound, unknownReference } from '../../http/errors.ts';
import { assertCan } from '../../lib/permissions.ts';
import type { GapsOut, GapsQuery } from '../../../shared/api/competencies.ts';
import { findEmployeeOf, teamOf, type TeamRow } from '../employees/index.ts';
import * as repo from './competencies.repo.ts';
import { anonymityThreshold, presentCompetency } from './competencies.service.ts';
import { computeGaps, type GapReport } from './gaps.ts';

/** Everything computeGaps needs for these people. */
async function inputsFor(s: OrgScope, people: readonly TeamRow[]) {
  const [competencies, targetRows, assessments, threshold] = await Promise.all([
    repo.listCompetencies(s.db, s.orgId),
    repo.listTargets(s.db, s.orgId),
    repo.assessmentsOf(
      s.db,
      s.orgId,
      people.map((p) => p.id),
    ),
    anonymityThreshold(s),
  ]);
  const targets = new Map<string, Map<string, number>>();
  for (const t of targetRows) {
    const m = targets.get(t.position) ?? new Map<string, number>();
    m.set(t.competency_id, t.level);
    targets.set(t.position, m);
  }
  return { competencies, targets, assessments, threshold };
}

async function report(
  s: OrgScope,
  people: readonly TeamRow[],
  asOf?: string,
): Promise<{ gaps: GapReport; inputs: Awaited<ReturnType<typeof inputsFor>> }> {
  const inputs = await inputsFor(s, people);
  const gaps = computeGaps(
    people,
    inputs.targets,
    inputs.assessments,
    inputs.threshold,
    inputs.competencies.map((c) => c.id),
    asOf,
  );
  return { gaps, inputs };
}

function present(people: readonly TeamRow[], r: Awaited<ReturnType<typeof report>>): GapsOut {
  const used = new Set(r.gaps.summary.map((s) => s.competencyId));
  return {
    competencies: r.inputs.competencies.filter((c) => used.has(c.id)).map(presentCompetency),
    people: people.map((p, i) => ({
      employeeId: p.id,
      name: p.name,
      position: p.position,
      stageKey: p.stage_key,
      cells: r.gaps.people[i]!.cells,
    })),
    summary: r.gaps.summary,
    coverage: r.gaps.coverage,
    pairs: r.gaps.pairs,
  };
}

/** GET /competencies/gaps: everyone, one stage's employees, or one employee. */
export async function getGaps(ctx: Ctx, q: GapsQuery): Promise<GapsOut> {
  assertCan(ctx.actor, 'data.read');
  if (q.employeeId !== undefined && !(await findEmployeeOf(ctx, q.employeeId)))
    throw unknownReference('query.employeeId', 'employee');
  const people = await teamOf(ctx, {
    stage: q.stage,
    ids: q.employeeId !== undefined ? [q.employeeId] : undefined,
  });
  return present(people, await report(ctx, people));
}

/** GET /competencies/gaps/reports/{id}: the direct reports of one employee (a manager). */
export async function getReportsGaps(ctx: Ctx, managerId: string): Promise<GapsOut> {
  assertCan(ctx.actor, 'data.read');
  if (!(await findEmployeeOf(ctx, managerId))) throw notFound('Employee');
  const people = await teamOf(ctx, { managerId });
  return present(people, await report(ctx, people));
}

export interface Coverage {
  /** Share of (person × competency) pairs at or above target; null without pairs. */
  coverage: number | null;
  pairs: number;
  met: number;
}

/**
 * Competency coverage of a stage's employees now (of all employees without `stageKey`): the
 * scorecard's employee layer. No role check: the caller's service has checked.
 */
export async function competencyCoverage(s: OrgScope, stageKey?: string): Promise<Coverage> {
  const people = await teamOf(s, { stage: stageKey });
  const { gaps } = await report(s, people);
  return { coverage: gaps.coverage, pairs: gaps.pairs, met: gaps.met };
}

/**
 * Coverage per stage key at each instant of `asOf` (only assessments made before it count), of
 * the employees of each stage today; one read for all stages. No role check.
 */
export async function coverageByStage(
  s: OrgScope,
  asOf: readonly string[],
): Promise<Map<string, Coverage[]>> {
  const everyone = await teamOf(s);
  const inputs = await inputsFor(s, everyone);
  const ids = inputs.competencies.map((c) => c.id);
  const byStage = new Map<string, TeamRow[]>();
  for (const p of everyone)
    if (p.stage_key !== null) byStage.set(p.stage_key, [...(byStage.get(p.stage_key) ?? []), p]);
  const out = new Map<string, Coverage[]>();
  for (const [stage, people] of byStage)
    out.set(
      stage,
      asOf.map((instant) => {
        const g = computeGaps(
          people,
          inputs.targets,
          inputs.assessments,
          inputs.threshold,
          ids,
          instant,
        );
        return { coverage: g.coverage, pairs: g.pairs, met: g.met };
      }),
    );
  return out;
}

export interface StageCompetencyGap {
  competency: { id: string; nameRu: string; nameEn: string; metricKey: string | null };
  people: { employeeId: string; name: string; target: number; assessed: number; gap: number }[];
}

/** The competencies in which some employee of the stage falls short, with those people. */
export async function stageCompetencyGaps(
  s: OrgScope,
  stageKey: string,
): Promise<StageCompetencyGap[]> {
  const people = await teamOf(s, { stage: stageKey });
  const { gaps, inputs } = await report(s, people);
  return inputs.competencies.flatMap((c) => {
    const short = people.flatMap((p, i) =>
      gaps.people[i]!.cells.filter((cell) => cell.competencyId === c.id && (cell.gap ?? 0) > 0).map(
        (cell) => ({
          employeeId: p.id,
          name: p.name,
          target: cell.target,
          assessed: cell.assessed!,
          gap: cell.gap!,
        }),
      ),
    );
    return short.length
      ? [
          {
            competency: { id: c.id, nameRu: c.name_ru, nameEn: c.name_en, metricKey: c.metric_key },
            people: short,
          },
        ]
      : [];
  });
}
