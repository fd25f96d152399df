// Opportunities (issue 17, SPEC C6 upsell): what a client might buy next, on the client card.
// Money is a decimal with at most 2 decimals (the economics convention); dates YYYY-MM-DD.
import { z } from 'zod';
import { OPPORTUNITY_STAGES } from '../domain/vocabulary.ts';

export { OPPORTUNITY_STAGES };
export const opportunityStage = z.enum(OPPORTUNITY_STAGES);

const product = z.string().trim().min(1).max(300);
const money = z.number().min(0).max(1e12).describe('decimal, at most 2 decimals, ≥ 0');
const currency = z
  .string()
  .regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as RUB')
  .describe('ISO 4217; the base currency when left out');
const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .describe('YYYY-MM-DD');

export const opportunityIn = z.object({
  product,
  value: money.nullable().optional(),
  currency: currency.optional(),
  /** A new opportunity starts as an idea or as an offer already made. */
  stage: z.enum(['idea', 'offered']).default('idea'),
  ownerId: z.uuid().nullable().optional(),
  dueDate: calendarDate.nullable().optional(),
  note: z.string().trim().max(4000).nullable().optional(),
});
export type OpportunityIn = z.infer<typeof opportunityIn>;

export const opportunityPatch = z.object({
  product: product.optional(),
  value: money.nullable().optional(),
  currency: currency.optional(),
  /** idea → offered | lost; offered → won | lost | idea; lost → idea (reopen); won is final. */
  stage: opportunityStage.optional(),
  ownerId: z.uuid().nullable().optional(),
  dueDate: calendarDate.nullable().optional(),
  note: z.string().trim().max(4000).nullable().optional(),
  /**
   * The transactions that realised a won opportunity (the client's own; replaces the list). Only
   * with stage won, or on an opportunity already won.
   */
  transactionIds: z.array(z.uuid()).max(100).optional(),
});
export type OpportunityPatch = z.infer<typeof opportunityPatch>;

export const opportunityOut = z.object({
  id: z.string(),
  clientId: z.string(),
  product: z.string(),
  value: z.number().nullable(),
  currency: z.string(),
  stage: opportunityStage,
  /** The stages this one may move to next. */
  allowedNext: z.array(opportunityStage),
  ownerId: z.string().nullable(),
  dueDate: z.string().nullable(),
  note: z.string().nullable(),
  transactionIds: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OpportunityOut = z.infer<typeof opportunityOut>;

export const suggestionOut = z.object({
  product: z.string(),
  /** Peers who bought it in the last 12 months / peers: the ranking key, 0..1. */
  peerShare: z.number(),
  peersBuying: z.number(),
  peers: z.number(),
  /** The median 12-month spend of the peers who bought it, in the base currency. */
  estimatedValue: z.number(),
  currency: z.string(),
});
export type SuggestionOut = z.infer<typeof suggestionOut>;

export const suggestionsOut = z.object({
  /** How the peer group was chosen: `segment` until the portfolio module registers its cell. */
  peerGroup: z.object({ kind: z.string(), label: z.string().nullable(), size: z.number() }),
  items: z.array(suggestionOut),
});
export type SuggestionsOut = z.infer<typeof suggestionsOut>;
