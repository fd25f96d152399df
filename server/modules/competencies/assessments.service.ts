// Assessments of employees (docs/competencies.md): a manager assessment by admins and managers,
// a self-assessment only by the user linked to the employee, a 360 answer by any other user of
// the organisation. The raters of 360 answers are kept to count distinct raters and never leave
// this module; below the anonymity threshold neither the answers nor their mean are returned.
import { inTransaction, type Ctx } from '../../context.ts';
import type { CompetencyAssessmentsTable } from '../../db/types.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import { assertCan } from '../../lib/permissions.ts';
import type { AssessmentsOut, CreateAssessmentBody } from '../../../shared/api/competencies.ts';
import { findEmployeeOf } from '../employees/index.ts';
import { findOrgUsers, recordAudit } from '../orgs/index.ts';
import * as repo from './competencies.repo.ts';
import { anonymityThreshold, assertCompetencies } from './competencies.service.ts';
import { peerSummary } from './gaps.ts';

async function employeeOr404(ctx: Ctx, id: string) {
  const employee = await findEmployeeOf(ctx, id);
  if (!employee) throw notFound('Employee');
  return employee;
}

/** Who may give an assessment of this kind to this employee. */
function assertMayAssess(ctx: Ctx, kind: CreateAssessmentBody['kind'], linkedUser: string | null) {
  const own = ctx.actor.type === 'user' && linkedUser !== null && linkedUser === ctx.actor.id;
  if (kind === 'manager') assertCan(ctx.actor, 'data.write');
  if (kind === 'self' && !own)
    throw forbidden('Only the user linked to this employee may self-assess');
  if (kind === 'peer' && (ctx.actor.type !== 'user' || own))
    throw forbidden('A 360 answer is given by another person of the organisation');
}

export async function createAssessment(
  ctx: Ctx,
  employeeId: string,
  body: CreateAssessmentBody,
): Promise<AssessmentsOut> {
  assertCan(ctx.actor, 'data.read');
  await inTransaction(ctx, async (tx) => {
    const employee = await employeeOr404(tx, employeeId);
    assertMayAssess(tx, body.kind, employee.user_id);
    const levels = Object.entries(body.levels);
    await assertCompetencies(
      tx,
      levels.map(([id]) => id),
      'body.levels',
    );
    const now = tx.clock.now();
    const rows: CompetencyAssessmentsTable[] = levels.map(([competencyId, level]) => ({
      id: newId(now.getTime()),
      org_id: tx.orgId,
      employee_id: employee.id,
      competency_id: competencyId,
      kind: body.kind,
      level,
      rater_id: tx.actor.id,
      assessed_at: now.toISOString(),
    }));
    await repo.insertAssessments(tx.db, rows);
    // A 360 answer is audited without naming the employee: the log must not tell who rated whom.
    if (body.kind === 'peer') await recordAudit(tx, 'assessment.peer_recorded');
    else await recordAudit(tx, 'assessment.recorded', { type: 'employee', id: employee.id });
  });
  return listAssessments(ctx, employeeId);
}

export async function listAssessments(ctx: Ctx, employeeId: string): Promise<AssessmentsOut> {
  assertCan(ctx.actor, 'data.read');
  const employee = await employeeOr404(ctx, employeeId);
  const [rows, threshold] = await Promise.all([
    repo.assessmentsOf(ctx.db, ctx.orgId, [employee.id]),
    anonymityThreshold(ctx),
  ]);
  const named = rows.filter((r) => r.kind !== 'peer');
  const users = await findOrgUsers(ctx, {
    ids: [...new Set(named.map((r) => r.rater_id).filter((v): v is string => !!v))],
  });
  const names = new Map(users.map((u) => [u.id, u.name]));
  const peersBy = new Map<string, CompetencyAssessmentsTable[]>();
  for (const r of rows)
    if (r.kind === 'peer')
      peersBy.set(r.competency_id, [...(peersBy.get(r.competency_id) ?? []), r]);
  return {
    employeeId: employee.id,
    anonymityThreshold: threshold,
    items: named.map((r) => ({
      id: r.id,
      competencyId: r.competency_id,
      kind: r.kind as 'self' | 'manager',
      level: r.level,
      assessedAt: r.assessed_at,
      assessedBy:
        r.rater_id && names.has(r.rater_id)
          ? { id: r.rater_id, name: names.get(r.rater_id)! }
          : null,
    })),
    peers: [...peersBy.entries()].map(([competencyId, list]) => ({
      competencyId,
      ...peerSummary(list, threshold),
    })),
  };
}
