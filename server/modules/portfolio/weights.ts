// The organisation's weights (admin only): METRICS.md's defaults until it saves its own. Saving
// validates (non-negative, each axis sums to 100 → 422 invalid_weights) and rescores every client;
// the preview scores both ways from the same facts and lists the clients whose cell would change.
import type { Ctx } from '../../context.ts';
import { inTransaction } from '../../context.ts';
import { AppError } from '../../http/errors.ts';
import { assertCan } from '../../lib/permissions.ts';
import {
  DEFAULT_PORTFOLIO_WEIGHTS,
  type PortfolioWeights,
  type PortfolioWeightsOut,
  type WeightsPreviewOut,
} from '../../../shared/api/portfolio.ts';
import { clientNames } from '../clients/index.ts';
import { recordAudit } from '../orgs/index.ts';
import { computeInputs, scoreAll } from './compute.ts';
import { todayOf } from './facts.ts';
import * as repo from './portfolio.repo.ts';
import { weightProblems } from './scores.ts';

const copy = (w: PortfolioWeights): PortfolioWeights => JSON.parse(JSON.stringify(w));

export async function weightsOf(ctx: Ctx): Promise<PortfolioWeights> {
  const s = await repo.findSettings(ctx.db, ctx.orgId);
  return s?.weights ? (JSON.parse(s.weights) as PortfolioWeights) : copy(DEFAULT_PORTFOLIO_WEIGHTS);
}

export async function getWeights(ctx: Ctx): Promise<PortfolioWeightsOut> {
  assertCan(ctx.actor, 'org.manage');
  const s = await repo.findSettings(ctx.db, ctx.orgId);
  return { isDefault: !s?.weights, weights: await weightsOf(ctx) };
}

function assertValid(weights: PortfolioWeights): void {
  const problems = weightProblems(weights);
  if (problems.length)
    throw new AppError(
      'invalid_weights',
      problems.map((p) => `${p.name}: ${p.reason}`).join('; '),
      {
        invalidParams: problems,
      },
    );
}

export async function putWeights(
  ctx: Ctx,
  weights: PortfolioWeights,
  rescore: (ctx: Ctx) => Promise<unknown>,
): Promise<PortfolioWeightsOut> {
  assertCan(ctx.actor, 'org.manage');
  assertValid(weights);
  await inTransaction(ctx, async (tx) => {
    const now = tx.clock.now().toISOString();
    await repo.upsertSettings(tx.db, tx.orgId, {
      weights: JSON.stringify(weights),
      updated_at: now,
    });
    await recordAudit(tx, 'portfolio.weights_changed', undefined, { weights });
    await rescore(tx);
  });
  return { isDefault: false, weights };
}

/** The clients whose cell differs between today's scores with the saved and with `weights`. */
export async function previewWeights(
  ctx: Ctx,
  weights: PortfolioWeights,
): Promise<WeightsPreviewOut> {
  assertCan(ctx.actor, 'org.manage');
  assertValid(weights);
  const inputs = await computeInputs(ctx, await todayOf(ctx));
  const before = scoreAll(inputs, await weightsOf(ctx));
  const after = scoreAll(inputs, weights);
  const moved = after
    .map((s, i) => ({ s, was: before[i]! }))
    .filter(({ s, was }) => s.cellA !== was.cellA || s.cellR !== was.cellR);
  const names = await clientNames(
    ctx,
    moved.map((m) => m.s.clientId),
  );
  const clients = moved
    .map(({ s, was }) => ({
      clientId: s.clientId,
      name: names.get(s.clientId) ?? '',
      from: { attractiveness: was.cellA, relationship: was.cellR },
      to: { attractiveness: s.cellA, relationship: s.cellR },
    }))
    .sort((a, b) => a.name.localeCompare(b.name) || (a.clientId < b.clientId ? -1 : 1));
  return { changes: clients.length, clients };
}
