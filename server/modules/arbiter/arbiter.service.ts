// Use-cases of the arbiter (issue 16): the report of a window — served from the stored one,
// computed and stored on first request, recomputed on demand and by the worker when a month
// closes — and the suggestion rules. Reading needs scorecard.read; refreshing too (it changes no
// data); editing the rules needs data.write.
import type { Ctx } from '../../context.ts';
import type { ArbiterRulesTable } from '../../db/types.ts';
import { inTransaction } from '../../context.ts';
import { newId } from '../../lib/ids.ts';
import { assertCan } from '../../lib/permissions.ts';
import type {
  ArbiterOut,
  ArbiterQuery,
  ArbiterRuleIn,
  ArbiterRulesOut,
} from '../../../shared/api/arbiter.ts';
import { initiativesByStage } from '../backlog/index.ts';
import { orgTimeZone, recordAudit } from '../orgs/index.ts';
import * as repo from './arbiter.repo.ts';
import { computeArbiter } from './compute.ts';
import { BUILT_IN_RULES, type Rule } from './rules.ts';
import { arbiterWindow } from './window.ts';

async function rulesOf(ctx: Ctx): Promise<{ builtIn: boolean; rules: Rule[] }> {
  const rows = await repo.listRules(ctx.db, ctx.orgId);
  if (rows.length === 0) return { builtIn: true, rules: [...BUILT_IN_RULES] };
  return {
    builtIn: false,
    rules: rows.map((r) => ({
      id: r.id,
      metric: r.metric,
      when: r.fires_when,
      textRu: r.text_ru,
      textEn: r.text_en,
    })),
  };
}

/** Computes the window's report and stores it (replacing an older one). */
export async function refreshArbiter(ctx: Ctx, q: ArbiterQuery): Promise<ArbiterOut> {
  assertCan(ctx.actor, 'scorecard.read');
  const w = arbiterWindow(q, await orgTimeZone(ctx), ctx.clock.now());
  const report = await computeArbiter(ctx, w, (await rulesOf(ctx)).rules);
  await repo.saveReport(ctx.db, {
    org_id: ctx.orgId,
    window_from: w.from,
    window_to: w.to,
    computed_at: report.computedAt,
    body: JSON.stringify(report),
  });
  return report;
}

/** The stored report of the window, computed (and stored) when there is none yet. */
export async function getArbiter(ctx: Ctx, q: ArbiterQuery): Promise<ArbiterOut> {
  assertCan(ctx.actor, 'scorecard.read');
  const w = arbiterWindow(q, await orgTimeZone(ctx), ctx.clock.now());
  const stored = await repo.findReport(ctx.db, ctx.orgId, w.from, w.to);
  if (stored) return withCurrentInitiatives(ctx, JSON.parse(stored.body) as ArbiterOut);
  return refreshArbiter(ctx, q);
}

/** A stored report shows the stages' initiatives as they are now, not as they were then. */
async function withCurrentInitiatives(ctx: Ctx, report: ArbiterOut): Promise<ArbiterOut> {
  const byStage = await initiativesByStage(ctx);
  return {
    ...report,
    stages: report.stages.map((s) => ({
      ...s,
      initiatives: (byStage.get(s.stage) ?? []).map((i) => ({
        id: i.id,
        title: i.title,
        status: i.status,
      })),
    })),
  };
}

export async function getArbiterRules(ctx: Ctx): Promise<ArbiterRulesOut> {
  assertCan(ctx.actor, 'scorecard.read');
  const { builtIn, rules } = await rulesOf(ctx);
  return { builtIn, rules: rules.map((r, position) => ({ ...r, position })) };
}

/** Replaces the rules (all or none); an empty list goes back to the built-in table. */
export async function putArbiterRules(
  ctx: Ctx,
  rules: readonly ArbiterRuleIn[],
): Promise<ArbiterRulesOut> {
  assertCan(ctx.actor, 'data.write');
  const now = ctx.clock.now();
  const rows: ArbiterRulesTable[] = rules.map((r, position) => ({
    id: newId(now.getTime()),
    org_id: ctx.orgId,
    position,
    metric: r.metric,
    fires_when: r.when,
    text_ru: r.textRu,
    text_en: r.textEn,
    updated_at: now.toISOString(),
  }));
  await inTransaction(ctx, async (tx) => {
    await repo.replaceRules(tx.db, tx.orgId, rows);
    await recordAudit(tx, 'arbiter.rules_changed', undefined, { rules: rows.length });
  });
  return getArbiterRules(ctx);
}
