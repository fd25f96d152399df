// Request and response shapes of the journey-stage registry (server and UI). Records name a stage
// by its key; the key never changes (renaming changes the names), two stages merge into one.
import { z } from 'zod';
import { TARGET_DIRECTIONS } from '../domain/vocabulary.ts';

/**
 * A stage key: 1–100 characters, no spaces at either end, no control characters. Any language
 * (e.g. «доставка»). Checked by the service, so a bad key is a 422 naming the field.
 */
export const STAGE_KEY_MAX = 100;
export function stageKeyProblem(key: string): string | null {
  if (key.length === 0 || key.length > STAGE_KEY_MAX) return `1–${STAGE_KEY_MAX} characters`;
  if (key !== key.trim()) return 'no spaces at the start or the end';
  if (/\p{Cc}/u.test(key)) return 'no control characters';
  return null;
}

/** A metric key a target is set for: nps, csat, ces or a process KPI's key. */
export const metricKey = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_.-]{0,63}$/, 'lower-case letters, digits, _ . - (up to 64)');
export const targetDirection = z.enum(TARGET_DIRECTIONS);
export const stageTarget = z.object({
  metric: metricKey,
  target: z.number().finite(),
  direction: targetDirection,
});
export type StageTarget = z.infer<typeof stageTarget>;

const name = z.string().trim().min(1).max(200);
export const createStageBody = z.object({
  key: z.string().max(1000),
  nameRu: name.optional(),
  nameEn: name.optional(),
  position: z.number().int().min(0).max(1_000_000).optional(),
  ownerId: z.uuid().nullable().optional(),
  targets: z.array(stageTarget).max(50).optional(),
});
export const updateStageBody = z
  .object({
    nameRu: name,
    nameEn: name,
    position: z.number().int().min(0).max(1_000_000),
    ownerId: z.uuid().nullable(),
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: 'at least one field is required' });
export const putTargetsBody = z.object({ targets: z.array(stageTarget).max(50) });
export const mergeStageBody = z.object({ intoId: z.uuid() });

export const stageOut = z.object({
  id: z.string(),
  key: z.string(),
  nameRu: z.string(),
  nameEn: z.string(),
  position: z.number().int(),
  ownerId: z.string().nullable(),
  targets: z.array(stageTarget),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type StageOut = z.infer<typeof stageOut>;
