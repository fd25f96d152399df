// What the modules above stages need at write time: the registry grows on first sight of a key
// (intake, calls, transactions, care), and case routing reads a stage's owner. Services without a
// role check: callers have checked. Every read is scoped by the organisation.
import type { Ctx, OrgScope } from '../../context.ts';
import type { StagesTable } from '../../db/types.ts';
import { AppError } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import * as repo from './stages.repo.ts';

/**
 * Makes every key in `keys` a stage of the organisation, in the caller's transaction: one query
 * for the whole set when all are known (the usual case), one more read and one multi-row insert
 * when some are new. A new stage is named by its key and goes to the end of the journey. Any key
 * a record may carry is accepted as it is (intake validated its length); null and '' are skipped.
 */
export async function ensureStageKeys(
  s: Pick<Ctx, 'db' | 'orgId' | 'clock'>,
  keys: Iterable<string | null | undefined>,
): Promise<void> {
  const wanted = [...new Set([...keys].filter((k): k is string => !!k))];
  if (wanted.length === 0) return;
  const known = new Set(await repo.existingKeys(s.db, s.orgId, wanted));
  const missing = wanted.filter((k) => !known.has(k));
  if (missing.length === 0) return;
  const last = await repo.maxPosition(s.db, s.orgId);
  const now = s.clock.now();
  const at = now.toISOString();
  const rows: StagesTable[] = missing.map((key, i) => ({
    id: newId(now.getTime()),
    org_id: s.orgId,
    key,
    name_ru: key,
    name_en: key,
    position: last + i + 1,
    owner_user_id: null,
    created_at: at,
    updated_at: at,
  }));
  // A concurrent transaction that created the same key first wins; this one skips it.
  await repo.insertStagesIfAbsent(s.db, rows);
}

/** The owner of the stage with `key` (a user id), or null for no stage, no key or no owner. */
export async function stageOwnerOf(s: OrgScope, key: string | null): Promise<string | null> {
  if (!key) return null;
  return (await repo.findStageByKey(s.db, s.orgId, key))?.owner_user_id ?? null;
}

/** The keys of the stages `userId` owns. */
export async function stageKeysOwnedBy(s: OrgScope, userId: string): Promise<string[]> {
  return repo.keysOwnedBy(s.db, s.orgId, userId);
}

/** Thrown by a stageDeleting subscriber whose rows still carry the key. */
export const stageInUse = (key: string) =>
  new AppError('stage_in_use', `Records still carry the stage «${key}»; merge it instead`);

/** Stage key → its name in ru and en, for the keys that name a stage (mails say names, not keys). */
export async function stageNamesOf(
  s: OrgScope,
  keys: readonly string[],
): Promise<Map<string, { ru: string; en: string }>> {
  const rows = await repo.namesOfKeys(s.db, s.orgId, [...new Set(keys)]);
  return new Map(rows.map((r) => [r.key, { ru: r.name_ru, en: r.name_en }]));
}

/** The keys among `keys` that name no stage of the organisation (in the order given). */
export async function unknownStageKeys(s: OrgScope, keys: readonly string[]): Promise<string[]> {
  const wanted = [...new Set(keys)];
  const known = new Set(await repo.existingKeys(s.db, s.orgId, wanted));
  return wanted.filter((k) => !known.has(k));
}

export interface StageTargetsView {
  key: string;
  nameRu: string;
  nameEn: string;
  position: number;
  /** metric key → its target and direction on this stage. */
  targets: Map<string, { target: number; direction: 'up' | 'down' }>;
}

/** Every stage in journey order with its targets per metric key (the scorecard's read). */
export async function listStageTargets(s: OrgScope): Promise<StageTargetsView[]> {
  const stages = await repo.listStages(s.db, s.orgId);
  const targets = await repo.listTargets(
    s.db,
    s.orgId,
    stages.map((st) => st.id),
  );
  return stages.map((st) => ({
    key: st.key,
    nameRu: st.name_ru,
    nameEn: st.name_en,
    position: st.position,
    targets: new Map(
      targets
        .filter((t) => t.stage_id === st.id)
        .map((t) => [t.metric, { target: t.target, direction: t.direction }]),
    ),
  }));
}
