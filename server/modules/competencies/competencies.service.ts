// Use-cases of the competency model: competencies (names ru/en, description, the scorecard
// metric they move), the target level of each per position, and the anonymity threshold of 360
// answers. Admins and managers edit (data.write); the threshold is the admin's (org.manage).
import { inTransaction, type Ctx, type OrgScope } from '../../context.ts';
import type { CompetenciesTable } from '../../db/types.ts';
import { notFound, unknownReference } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import { assertCan } from '../../lib/permissions.ts';
import type {
  CompetencyOut,
  CreateCompetencyBody,
  ModelsOut,
  PutModelBody,
  UpdateCompetencyBody,
} from '../../../shared/api/competencies.ts';
import { teamOf } from '../employees/index.ts';
import { recordAudit } from '../orgs/index.ts';
import * as repo from './competencies.repo.ts';

/** docs/competencies.md: fewer distinct 360 raters than this and their answers stay hidden. */
export const DEFAULT_ANONYMITY_THRESHOLD = 3;

export const presentCompetency = (r: CompetenciesTable): CompetencyOut => ({
  id: r.id,
  nameRu: r.name_ru,
  nameEn: r.name_en,
  description: r.description,
  metricKey: r.metric_key,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export async function listCompetencies(ctx: Ctx): Promise<CompetenciesTable[]> {
  assertCan(ctx.actor, 'data.read');
  return repo.listCompetencies(ctx.db, ctx.orgId);
}

export async function getCompetency(ctx: Ctx, id: string): Promise<CompetenciesTable> {
  assertCan(ctx.actor, 'data.read');
  const row = await repo.findCompetency(ctx.db, ctx.orgId, id);
  if (!row) throw notFound('Competency');
  return row;
}

export async function createCompetency(
  ctx: Ctx,
  body: CreateCompetencyBody,
): Promise<CompetenciesTable> {
  assertCan(ctx.actor, 'data.write');
  const now = ctx.clock.now();
  const row: CompetenciesTable = {
    id: newId(now.getTime()),
    org_id: ctx.orgId,
    name_ru: body.nameRu,
    name_en: body.nameEn,
    description: body.description ?? null,
    metric_key: body.metricKey ?? null,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
  return inTransaction(ctx, async (tx) => {
    await repo.insertCompetency(tx.db, row);
    await recordAudit(tx, 'competency.created', { type: 'competency', id: row.id });
    return row;
  });
}

export async function updateCompetency(
  ctx: Ctx,
  id: string,
  body: UpdateCompetencyBody,
): Promise<CompetenciesTable> {
  assertCan(ctx.actor, 'data.write');
  return inTransaction(ctx, async (tx) => {
    const current = await getCompetency(tx, id);
    const patch: Partial<CompetenciesTable> = { updated_at: tx.clock.now().toISOString() };
    if (body.nameRu !== undefined) patch.name_ru = body.nameRu;
    if (body.nameEn !== undefined) patch.name_en = body.nameEn;
    if (body.description !== undefined) patch.description = body.description;
    if (body.metricKey !== undefined) patch.metric_key = body.metricKey;
    await repo.updateCompetency(tx.db, tx.orgId, id, patch);
    await recordAudit(tx, 'competency.updated', { type: 'competency', id });
    return { ...current, ...patch };
  });
}

/** Deleting a competency removes its targets and assessments; training items keep their title. */
export async function deleteCompetency(ctx: Ctx, id: string): Promise<void> {
  assertCan(ctx.actor, 'data.write');
  await inTransaction(ctx, async (tx) => {
    if ((await repo.deleteCompetency(tx.db, tx.orgId, id)) === 0) throw notFound('Competency');
    await recordAudit(tx, 'competency.deleted', { type: 'competency', id });
  });
}

/** 404 (nothing written) when any key of `levels` is not a competency of the organisation. */
export async function assertCompetencies(s: OrgScope, ids: string[], param: string): Promise<void> {
  const found = await repo.existingIds(s.db, s.orgId, ids);
  if (ids.some((id) => !found.has(id))) throw unknownReference(param, 'competency');
}

/** Targets per position: every position with a model, and every position employees hold. */
export async function getModels(ctx: Ctx): Promise<ModelsOut> {
  assertCan(ctx.actor, 'data.read');
  const [targets, team] = await Promise.all([repo.listTargets(ctx.db, ctx.orgId), teamOf(ctx)]);
  const models = new Map<string, ModelsOut['items'][number]>();
  const model = (position: string) => {
    let m = models.get(position);
    if (!m) models.set(position, (m = { position, employees: 0, targets: [] }));
    return m;
  };
  for (const e of team) if (e.position) model(e.position).employees += 1;
  for (const t of targets)
    model(t.position).targets.push({ competencyId: t.competency_id, level: t.level });
  return { items: [...models.values()].sort((a, b) => a.position.localeCompare(b.position)) };
}

export async function putModel(ctx: Ctx, body: PutModelBody): Promise<ModelsOut> {
  assertCan(ctx.actor, 'data.write');
  await inTransaction(ctx, async (tx) => {
    const levels = Object.entries(body.levels);
    await assertCompetencies(
      tx,
      levels.map(([id]) => id),
      'body.levels',
    );
    await repo.replaceTargets(tx.db, tx.orgId, body.position, levels);
    await recordAudit(tx, 'competency_model.updated', undefined, { position: body.position });
  });
  return getModels(ctx);
}

/** The organisation's threshold of distinct 360 raters (default 3). No role check: a read. */
export async function anonymityThreshold(s: OrgScope): Promise<number> {
  return (await repo.getThreshold(s.db, s.orgId)) ?? DEFAULT_ANONYMITY_THRESHOLD;
}

export async function getSettings(ctx: Ctx) {
  assertCan(ctx.actor, 'data.read');
  return { anonymityThreshold: await anonymityThreshold(ctx) };
}

export async function putSettings(ctx: Ctx, body: { anonymityThreshold: number }) {
  assertCan(ctx.actor, 'org.manage');
  await inTransaction(ctx, async (tx) => {
    await repo.putThreshold(tx.db, tx.orgId, body.anonymityThreshold, tx.clock.now().toISOString());
    await recordAudit(tx, 'competency_settings.updated', { type: 'org', id: tx.orgId });
  });
  return getSettings(ctx);
}
