// NPS by contact role (issue 17, SPEC C9), over a window. Every NPS answer counts (as in
// /metrics/satisfaction), in the group of each role its contact has — a decision maker who is
// also the payer counts in both; a contact without a role counts under `none`; answers without a
// known contact are not any role's and are only counted (`unattributed`).
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/errors.ts';
import { assertCan } from '../../lib/permissions.ts';
import { NPS_ROLE_GROUPS, type NpsRoleGroup } from '../../../shared/domain/vocabulary.ts';
import { satisfactionWindow } from './period.ts';
import * as repo from './nps-roles.repo.ts';
import { computeNps, type NpsResult, type ScoreCount } from './satisfaction.ts';

export interface NpsByRole {
  from: string;
  to: string;
  roles: (NpsResult & { role: NpsRoleGroup })[];
  unattributed: number;
}

function rolesOf(json: string): NpsRoleGroup[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    parsed = [];
  }
  const known = (Array.isArray(parsed) ? parsed : []).filter((r): r is NpsRoleGroup =>
    NPS_ROLE_GROUPS.includes(r as NpsRoleGroup),
  );
  return known.length ? [...new Set(known)] : ['none'];
}

/** Pure: the histogram rows (roles JSON, score, count) → NPS per role group. */
export function npsPerRole(
  rows: readonly { roles: string | null; score: number; count: number }[],
): { roles: (NpsResult & { role: NpsRoleGroup })[]; unattributed: number } {
  const hist = new Map<NpsRoleGroup, ScoreCount[]>(NPS_ROLE_GROUPS.map((r) => [r, []]));
  let unattributed = 0;
  for (const r of rows) {
    if (r.roles === null) {
      unattributed += r.count;
      continue;
    }
    for (const role of rolesOf(r.roles)) hist.get(role)!.push({ score: r.score, count: r.count });
  }
  return {
    roles: NPS_ROLE_GROUPS.map((role) => ({ role, ...computeNps(hist.get(role)!) })),
    unattributed,
  };
}

export async function npsByRole(ctx: Ctx, q: { from?: string; to?: string }): Promise<NpsByRole> {
  assertCan(ctx.actor, 'data.read');
  const w = satisfactionWindow(ctx.clock.now(), q.from, q.to);
  if (!/^\d{4}-/.test(w.from) || !/^\d{4}-/.test(w.to) || w.from >= w.to)
    throw new AppError('validation_failed', '`from` must be before `to`, years 0000–9999', {
      invalidParams: [{ name: 'querystring.from', reason: `must be before ${w.to}` }],
    });
  return { ...w, ...npsPerRole(await repo.npsByContactRoles(ctx.db, ctx.orgId, w.from, w.to)) };
}
