// SLA policies per organisation (and optionally per priority), and the due times they give.
import { inTransaction, type Ctx } from '../../context.ts';
import type { Priority, SlaPoliciesTable } from '../../db/types.ts';
import { AppError } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import { assertCan } from '../../lib/permissions.ts';
import { recordAudit } from '../orgs/index.ts';
import * as repo from './cases.repo.ts';
import {
  addBusinessMinutes,
  DEFAULT_CALENDAR,
  DEFAULT_TARGETS,
  isValidTimeZone,
  type BusinessCalendar,
  type WeeklyHours,
} from './sla.ts';

export interface PolicyInput {
  name: string;
  priority?: Priority | null;
  firstResponseMinutes: number;
  resolutionMinutes: number;
  timeZone: string;
  businessHours?: WeeklyHours | null;
  holidays?: string[];
  isDefault?: boolean;
}

export interface DueTimes {
  policyId: string | null;
  firstResponseDueAt: string;
  dueAt: string;
}

export function calendarOf(p: SlaPoliciesTable): BusinessCalendar {
  return {
    timeZone: p.time_zone,
    hours: p.business_hours ? (JSON.parse(p.business_hours) as WeeklyHours) : null,
    holidays: JSON.parse(p.holidays) as string[],
  };
}

/** Due times for a case opened at `openedAt`: the org's policy for the priority, else its default, else built-in targets. */
export async function dueTimesFor(
  ctx: Pick<Ctx, 'db' | 'orgId'>,
  priority: Priority,
  openedAt: Date,
): Promise<DueTimes> {
  return dueTimesUnder(await repo.findPolicyFor(ctx.db, ctx.orgId, priority), openedAt);
}

/**
 * The policy `dueTimesFor` would pick among the organisation's policies read once (an intake
 * group): the first for the priority in id order, else the default.
 */
export function policyFor(
  policies: readonly SlaPoliciesTable[],
  priority: Priority,
): SlaPoliciesTable | undefined {
  return (
    policies.find((p) => p.priority === priority) ??
    policies.find((p) => Number(p.is_default) === 1)
  );
}

/** Due times under a policy (none: the built-in calendar and targets). */
export function dueTimesUnder(policy: SlaPoliciesTable | undefined, openedAt: Date): DueTimes {
  const cal = policy ? calendarOf(policy) : DEFAULT_CALENDAR;
  const first = policy?.first_response_minutes ?? DEFAULT_TARGETS.firstResponseMinutes;
  const resolution = policy?.resolution_minutes ?? DEFAULT_TARGETS.resolutionMinutes;
  return {
    policyId: policy?.id ?? null,
    firstResponseDueAt: addBusinessMinutes(openedAt, first, cal).toISOString(),
    dueAt: addBusinessMinutes(openedAt, resolution, cal).toISOString(),
  };
}

function validate(input: Partial<PolicyInput>): void {
  if (input.timeZone !== undefined && !isValidTimeZone(input.timeZone)) {
    throw new AppError('validation_failed', 'Unknown time zone', {
      invalidParams: [
        { name: 'body.timeZone', reason: 'not an IANA time zone such as Europe/Moscow' },
      ],
    });
  }
}

export async function listPolicies(ctx: Ctx) {
  assertCan(ctx.actor, 'data.read');
  return repo.listPolicies(ctx.db, ctx.orgId);
}

export async function createPolicy(ctx: Ctx, input: PolicyInput) {
  assertCan(ctx.actor, 'org.manage');
  validate(input);
  return inTransaction(ctx, async (tx) => {
    if (input.isDefault) await repo.clearDefaultPolicy(tx.db, tx.orgId);
    const now = tx.clock.now().toISOString();
    const id = newId();
    await repo.insertPolicy(tx.db, {
      id,
      org_id: tx.orgId,
      name: input.name,
      priority: input.priority ?? null,
      first_response_minutes: input.firstResponseMinutes,
      resolution_minutes: input.resolutionMinutes,
      time_zone: input.timeZone,
      business_hours: input.businessHours ? JSON.stringify(input.businessHours) : null,
      holidays: JSON.stringify(input.holidays ?? []),
      is_default: input.isDefault ? 1 : 0,
      created_at: now,
      updated_at: now,
    });
    await recordAudit(tx, 'sla_policy.created', { type: 'sla_policy', id });
    return repo.getPolicy(tx.db, tx.orgId, id);
  });
}

export async function updatePolicy(ctx: Ctx, id: string, patch: Partial<PolicyInput>) {
  assertCan(ctx.actor, 'org.manage');
  validate(patch);
  return inTransaction(ctx, async (tx) => {
    await repo.getPolicy(tx.db, tx.orgId, id);
    if (patch.isDefault) await repo.clearDefaultPolicy(tx.db, tx.orgId);
    await repo.updatePolicy(tx.db, tx.orgId, id, {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.priority !== undefined ? { priority: patch.priority } : {}),
      ...(patch.firstResponseMinutes !== undefined
        ? { first_response_minutes: patch.firstResponseMinutes }
        : {}),
      ...(patch.resolutionMinutes !== undefined
        ? { resolution_minutes: patch.resolutionMinutes }
        : {}),
      ...(patch.timeZone !== undefined ? { time_zone: patch.timeZone } : {}),
      ...(patch.businessHours !== undefined
        ? { business_hours: patch.businessHours ? JSON.stringify(patch.businessHours) : null }
        : {}),
      ...(patch.holidays !== undefined ? { holidays: JSON.stringify(patch.holidays) } : {}),
      ...(patch.isDefault !== undefined ? { is_default: patch.isDefault ? 1 : 0 } : {}),
      updated_at: tx.clock.now().toISOString(),
    });
    await recordAudit(tx, 'sla_policy.updated', { type: 'sla_policy', id });
    return repo.getPolicy(tx.db, tx.orgId, id);
  });
}

export async function deletePolicy(ctx: Ctx, id: string) {
  assertCan(ctx.actor, 'org.manage');
  return inTransaction(ctx, async (tx) => {
    await repo.getPolicy(tx.db, tx.orgId, id);
    await repo.deletePolicy(tx.db, tx.orgId, id);
    await recordAudit(tx, 'sla_policy.deleted', { type: 'sla_policy', id });
  });
}
