// The strategy of each cell (seed 001, METRICS.md "Portfolio matrix"): built-in texts in Russian
// and English, replaced per organisation and cell by PUT /api/v1/portfolio/strategies/{a}/{r}.
import type { Ctx } from '../../context.ts';
import { inTransaction } from '../../context.ts';
import { assertCan } from '../../lib/permissions.ts';
import type { StrategyOut } from '../../../shared/api/portfolio.ts';
import { PORTFOLIO_LEVELS, type PortfolioLevel } from '../../../shared/domain/vocabulary.ts';
import { recordAudit } from '../orgs/index.ts';
import * as repo from './portfolio.repo.ts';

type Texts = { textRu: string; textEn: string };

const LOW: Texts = {
  textRu: 'Сохранять доход: низший приоритет, без вложений в допродажи.',
  textEn: 'Protect the income: lowest priority, no investment in upselling.',
};
const MEDIUM: Texts = {
  textRu: 'Инвестировать выборочно: решить, какие услуги предлагать дополнительно.',
  textEn: 'Invest selectively: choose which services to upsell.',
};
const HIGH_WEAK: Texts = {
  textRu: 'Зона инвестиций: укреплять лояльность и отношения с клиентом.',
  textEn: 'Investment zone: raise loyalty and strengthen the relationship.',
};
const HIGH_STRONG: Texts = {
  textRu:
    'Зона инвестиций: углублять отношения через сервис, бесплатные дополнения, клиентские ' +
    'политики, сбор обратной связи и допродажи.',
  textEn:
    'Investment zone: deepen the relationship through service, free extras, client policies, ' +
    'feedback collection and upselling.',
};

/** Seed 001's strategy of a cell: by attractiveness; the high row splits on the relationship. */
export function defaultStrategy(a: PortfolioLevel, r: PortfolioLevel): Texts {
  if (a === 'low') return LOW;
  if (a === 'medium') return MEDIUM;
  return r === 'low' ? HIGH_WEAK : HIGH_STRONG;
}

export const cellKey = (a: PortfolioLevel, r: PortfolioLevel) => `${a}|${r}`;

/** All nine cells, low/low first, with the organisation's texts where it saved any. */
export async function strategiesOf(ctx: Ctx): Promise<StrategyOut[]> {
  const saved = new Map(
    (await repo.listStrategies(ctx.db, ctx.orgId)).map((s) => [
      cellKey(s.attractiveness, s.relationship),
      s,
    ]),
  );
  return PORTFOLIO_LEVELS.flatMap((a) =>
    PORTFOLIO_LEVELS.map((r) => {
      const s = saved.get(cellKey(a, r));
      const texts = s ? { textRu: s.text_ru, textEn: s.text_en } : defaultStrategy(a, r);
      return { attractiveness: a, relationship: r, ...texts, isDefault: !s };
    }),
  );
}

export async function getStrategies(ctx: Ctx): Promise<{ strategies: StrategyOut[] }> {
  assertCan(ctx.actor, 'data.read');
  return { strategies: await strategiesOf(ctx) };
}

export async function putStrategy(
  ctx: Ctx,
  cell: { attractiveness: PortfolioLevel; relationship: PortfolioLevel },
  texts: Texts,
): Promise<StrategyOut> {
  assertCan(ctx.actor, 'data.write');
  await inTransaction(ctx, async (tx) => {
    await repo.upsertStrategy(tx.db, {
      org_id: tx.orgId,
      attractiveness: cell.attractiveness,
      relationship: cell.relationship,
      text_ru: texts.textRu,
      text_en: texts.textEn,
      updated_at: tx.clock.now().toISOString(),
    });
    await recordAudit(tx, 'portfolio.strategy_changed', undefined, { ...cell });
  });
  return { ...cell, ...texts, isDefault: false };
}
