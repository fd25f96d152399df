// The client portfolio (issue 17, METRICS.md "Portfolio matrix"; choices in docs/portfolio.md):
// two scores 0–100 per client — attractiveness and relationship — each a weighted sum of inputs
// scaled by their percentile among the organisation's clients, the 3×3 matrix of cells, a
// strategy per cell, period snapshots and the clients that moved between two of them.
import { z } from 'zod';
import { PORTFOLIO_LEVELS } from '../domain/vocabulary.ts';

export { PORTFOLIO_LEVELS };
export const PORTFOLIO_AXES = ['attractiveness', 'relationship'] as const;
export type PortfolioAxis = (typeof PORTFOLIO_AXES)[number];

export const ATTRACTIVENESS_INPUTS = [
  'revenue',
  'marginRate',
  'revenueGrowth',
  'strategicFit',
] as const;
export const RELATIONSHIP_INPUTS = [
  'keyNps',
  'coverage',
  'tenure',
  'shareOfWallet',
  'paymentDiscipline',
] as const;
export type AttractivenessInput = (typeof ATTRACTIVENESS_INPUTS)[number];
export type RelationshipInput = (typeof RELATIONSHIP_INPUTS)[number];
export type PortfolioInput = AttractivenessInput | RelationshipInput;

/** METRICS.md's default weights (per cent of the axis). */
export const DEFAULT_PORTFOLIO_WEIGHTS = {
  attractiveness: { revenue: 40, marginRate: 25, revenueGrowth: 20, strategicFit: 15 },
  relationship: { keyNps: 30, coverage: 20, tenure: 20, shareOfWallet: 15, paymentDiscipline: 15 },
} as const;

/** Scores below LOW_BELOW are low, from HIGH_FROM on high, medium between (METRICS.md). */
export const LOW_BELOW = 33.3;
export const HIGH_FROM = 66.7;

const weight = z.number().finite();
export const portfolioWeights = z.object({
  attractiveness: z.strictObject({
    revenue: weight,
    marginRate: weight,
    revenueGrowth: weight,
    strategicFit: weight,
  }),
  relationship: z.strictObject({
    keyNps: weight,
    coverage: weight,
    tenure: weight,
    shareOfWallet: weight,
    paymentDiscipline: weight,
  }),
});
export type PortfolioWeights = z.infer<typeof portfolioWeights>;

export const portfolioWeightsOut = z.object({
  /** True while the organisation uses METRICS.md's defaults. */
  isDefault: z.boolean(),
  weights: portfolioWeights,
});
export type PortfolioWeightsOut = z.infer<typeof portfolioWeightsOut>;

const level = z.enum(PORTFOLIO_LEVELS);
export const portfolioCell = z.object({ attractiveness: level, relationship: level });
export type PortfolioCell = z.infer<typeof portfolioCell>;

export const breakdownItem = z.object({
  input: z.string(),
  /** The client's value (revenue in money units, rates and shares 0–1, NPS −100…100, tenure in
   * years, coverage 0/50/100, strategic fit 0–100); null when the client has none. */
  raw: z.number().nullable(),
  /** Percent rank 0–100 among the clients that have the input (ties averaged); null when absent. */
  percentile: z.number().nullable(),
  /** The organisation's weight of the input. */
  weight: z.number(),
  /** The weight after absent inputs' weights are shared among the present ones. */
  effectiveWeight: z.number(),
  /** effectiveWeight × percentile / 100: what the input adds to the score. */
  points: z.number(),
});
export type BreakdownItem = z.infer<typeof breakdownItem>;

export const portfolioBreakdown = z.object({
  attractiveness: z.array(breakdownItem),
  relationship: z.array(breakdownItem),
});
export type PortfolioBreakdown = z.infer<typeof portfolioBreakdown>;

export const strategyOut = z.object({
  attractiveness: level,
  relationship: level,
  textRu: z.string(),
  textEn: z.string(),
  /** True while the cell shows the built-in text (seed 001). */
  isDefault: z.boolean(),
});
export type StrategyOut = z.infer<typeof strategyOut>;

export const portfolioQuery = z.object({
  /** A day YYYY-MM-DD: scores computed live as of that day (slow on large data); default: the
   * stored current scores. */
  asOf: z.string().max(20).optional(),
  segment: z.string().max(200).optional(),
  managerId: z.uuid().optional(),
  /** Only the clients of this cell (the counts per cell still cover every filtered client). */
  attractiveness: level.optional(),
  relationship: level.optional(),
  /** Clients per page, ordered by attractiveness, then relationship, then id, descending. */
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  cursor: z.string().max(200).optional(),
});
export type PortfolioQuery = z.infer<typeof portfolioQuery>;

export const portfolioClientOut = z.object({
  clientId: z.uuid(),
  name: z.string(),
  attractiveness: z.number(),
  relationship: z.number(),
  cell: portfolioCell,
  /** The cell's strategy in both languages. */
  strategy: z.object({ textRu: z.string(), textEn: z.string() }),
  revenue: z.number(),
  breakdown: portfolioBreakdown,
});
export type PortfolioClientOut = z.infer<typeof portfolioClientOut>;

export const cellOut = z.object({
  attractiveness: level,
  relationship: level,
  clients: z.number().int(),
  /** Revenue of the last 12 months of the cell's clients, money units. */
  revenue: z.number(),
});

export const portfolioOut = z.object({
  asOf: z.string(),
  /** When these scores were computed (the stored scores are refreshed every 10 minutes). */
  computedAt: z.string(),
  /** Clients matching the filters (all pages). */
  total: z.number().int(),
  clients: z.array(portfolioClientOut),
  nextCursor: z.string().nullable(),
  /** All nine cells, low/low first. */
  cells: z.array(cellOut),
});
export type PortfolioOut = z.infer<typeof portfolioOut>;

export const weightsPreviewOut = z.object({
  /** Clients whose cell would change if the weights were saved. */
  changes: z.number().int(),
  clients: z.array(
    z.object({ clientId: z.uuid(), name: z.string(), from: portfolioCell, to: portfolioCell }),
  ),
});
export type WeightsPreviewOut = z.infer<typeof weightsPreviewOut>;

export const strategiesOut = z.object({ strategies: z.array(strategyOut) });
export const strategyParams = z.object({ attractiveness: level, relationship: level });
export const putStrategyBody = z.object({
  textRu: z.string().trim().min(1).max(2000),
  textEn: z.string().trim().min(1).max(2000),
});

/** 2026-Q2 or 2026-05 (server/modules/scorecard/periods.ts labels). */
export const PERIOD_RE = /^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/;
const periodKey = z.string().regex(PERIOD_RE, 'a quarter 2026-Q2 or a month 2026-05');

export const snapshotBody = z.object({
  /** Default: the last closed quarter. */
  period: periodKey.optional(),
});
export const snapshotOut = z.object({
  period: z.string(),
  asOf: z.string(),
  takenAt: z.string(),
  clients: z.number().int(),
  /** False when the period already had its snapshot (nothing was recomputed). */
  created: z.boolean(),
});
export type SnapshotOut = z.infer<typeof snapshotOut>;
export const snapshotsOut = z.object({ snapshots: z.array(snapshotOut.omit({ created: true })) });

export const movesQuery = z.object({ from: periodKey, to: periodKey });
const place = z.object({
  attractiveness: z.number(),
  relationship: z.number(),
  cell: portfolioCell,
});
export const movesOut = z.object({
  from: z.string(),
  to: z.string(),
  /** Clients in both snapshots whose cell differs, by name. */
  moves: z.array(z.object({ clientId: z.uuid(), name: z.string(), from: place, to: place })),
});
export type MovesOut = z.infer<typeof movesOut>;

// ---- care playbooks per cell (docs/portfolio.md "Playbooks") ----

/**
 * One action of a cell's playbook as sent. Kept loose here so the service answers a bad value
 * with 422 invalid_playbook naming the field; `id` keeps an existing action (and when it was done).
 */
export const playbookActionIn = z.object({
  id: z.uuid().optional(),
  titleRu: z.string(),
  titleEn: z.string(),
  everyDays: z.number(),
});
export const putPlaybookBody = z.object({ actions: z.array(playbookActionIn) });
export type PutPlaybookBody = z.infer<typeof putPlaybookBody>;
export const playbookActionOut = z.object({
  id: z.string(),
  titleRu: z.string(),
  titleEn: z.string(),
  /** Due again this many days after it was last done for a client. */
  everyDays: z.number().int(),
});
export type PlaybookActionOut = z.infer<typeof playbookActionOut>;
export const playbookOut = z.object({
  attractiveness: level,
  relationship: level,
  actions: z.array(playbookActionOut),
});
export type PlaybookOut = z.infer<typeof playbookOut>;
export const playbooksOut = z.object({ playbooks: z.array(playbookOut) });
export const playbookParams = strategyParams;
/** An action's state for one client. */
export const playbookActionStateOut = playbookActionOut.extend({
  /** When it was last marked done for the client; null: never. */
  lastDoneAt: z.string().nullable(),
  /** When it is due again; null: due now (never done). */
  nextAt: z.string().nullable(),
  /** Never done, or last done `everyDays` or more ago: the care inbox lists it. */
  due: z.boolean(),
});
export type PlaybookActionStateOut = z.infer<typeof playbookActionStateOut>;
export const clientPlaybookOut = z.object({
  /** The client's cell by the stored scores; null until the matrix has placed the client. */
  cell: portfolioCell.nullable(),
  actions: z.array(playbookActionStateOut),
});
export type ClientPlaybookOut = z.infer<typeof clientPlaybookOut>;
export const clientPlaybookParams = z.object({ clientId: z.uuid() });
export const playbookDoneParams = z.object({ clientId: z.uuid(), actionId: z.uuid() });
