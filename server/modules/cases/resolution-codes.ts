// Resolution codes (issue 21): why cases get closed, an editable list per organisation. Every
// organisation starts with the defaults (migration 0044 for those that existed, the first read
// for new ones); admins add, rename (ru and en), reorder and retire codes — never delete, so a
// case's code always has words. Resolving asks for an active code once the organisation has one.
import { inTransaction, type Ctx, type OrgScope } from '../../context.ts';
import type { ResolutionCodesTable } from '../../db/types.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import { assertCan } from '../../lib/permissions.ts';
import {
  DEFAULT_RESOLUTION_CODES,
  NO_RESOLUTION_CODE,
} from '../../../shared/domain/resolution-codes.ts';
import type { Language } from '../../../shared/domain/vocabulary.ts';
import { recordAudit } from '../orgs/index.ts';
import * as repo from './case-closing.repo.ts';

function defaultRows(orgId: string, at: string): ResolutionCodesTable[] {
  return DEFAULT_RESOLUTION_CODES.map((code, i) => ({
    id: newId(),
    org_id: orgId,
    key: code.key,
    name_ru: code.nameRu,
    name_en: code.nameEn,
    position: i + 1,
    retired_at: null,
    created_at: at,
  }));
}

/** The organisation's codes in order, the defaults written first if it never had any. */
export async function ensureCodes(
  tx: Pick<Ctx, 'db' | 'orgId' | 'clock'>,
): Promise<ResolutionCodesTable[]> {
  const rows = await repo.listCodes(tx.db, tx.orgId);
  if (rows.length > 0) return rows;
  await repo.insertCodes(tx.db, defaultRows(tx.orgId, tx.clock.now().toISOString()));
  return repo.listCodes(tx.db, tx.orgId);
}

export async function listResolutionCodes(ctx: Ctx): Promise<ResolutionCodesTable[]> {
  assertCan(ctx.actor, 'data.read');
  return inTransaction(ctx, (tx) => ensureCodes(tx));
}

export interface CodeNames {
  nameRu: string;
  nameEn: string;
}

export async function createResolutionCode(
  ctx: Ctx,
  input: CodeNames,
): Promise<ResolutionCodesTable> {
  assertCan(ctx.actor, 'org.manage');
  return inTransaction(ctx, async (tx) => {
    const rows = await ensureCodes(tx);
    const keys = new Set(rows.map((r) => r.key));
    // The key is never shown; it only has to be new in this organisation (and never "none").
    let n = rows.length + 1;
    while (keys.has(`code_${n}`) || `code_${n}` === NO_RESOLUTION_CODE) n += 1;
    const row: ResolutionCodesTable = {
      id: newId(tx.clock.now().getTime()),
      org_id: tx.orgId,
      key: `code_${n}`,
      name_ru: input.nameRu,
      name_en: input.nameEn,
      position: Math.max(0, ...rows.map((r) => r.position)) + 1,
      retired_at: null,
      created_at: tx.clock.now().toISOString(),
    };
    await repo.insertCodes(tx.db, [row]);
    await recordAudit(tx, 'resolution_code.created', { type: 'resolution_code', id: row.id });
    return row;
  });
}

export async function updateResolutionCode(
  ctx: Ctx,
  id: string,
  patch: Partial<CodeNames> & { retired?: boolean },
): Promise<ResolutionCodesTable> {
  assertCan(ctx.actor, 'org.manage');
  return inTransaction(ctx, async (tx) => {
    const current = (await ensureCodes(tx)).find((r) => r.id === id);
    if (!current) throw notFound('Resolution code');
    const set: Partial<ResolutionCodesTable> = {};
    if (patch.nameRu !== undefined) set.name_ru = patch.nameRu;
    if (patch.nameEn !== undefined) set.name_en = patch.nameEn;
    if (patch.retired !== undefined)
      set.retired_at = patch.retired ? (current.retired_at ?? tx.clock.now().toISOString()) : null;
    if (Object.keys(set).length) await repo.updateCode(tx.db, tx.orgId, id, set);
    await recordAudit(tx, 'resolution_code.updated', { type: 'resolution_code', id });
    return { ...current, ...set };
  });
}

/** `order`: every code id of the organisation, once each, in the new order. */
export async function reorderResolutionCodes(
  ctx: Ctx,
  order: string[],
): Promise<ResolutionCodesTable[]> {
  assertCan(ctx.actor, 'org.manage');
  return inTransaction(ctx, async (tx) => {
    const rows = await ensureCodes(tx);
    const known = new Set(rows.map((r) => r.id));
    if (order.length !== rows.length || new Set(order).size !== order.length)
      throw badOrder('The order must name every code once');
    // Another organisation's code is "not one of yours", like an id that exists nowhere.
    if (order.some((id) => !known.has(id))) throw badOrder('The order names an unknown code');
    for (const [i, id] of order.entries())
      await repo.updateCode(tx.db, tx.orgId, id, { position: i + 1 });
    await recordAudit(tx, 'resolution_code.reordered', { type: 'org', id: tx.orgId });
    return repo.listCodes(tx.db, tx.orgId);
  });
}

const badOrder = (message: string) =>
  new AppError('unprocessable', message, {
    invalidParams: [{ name: 'body.order', reason: message }],
  });

/**
 * The code a resolution names, checked: an active code of this organisation. Without one, null:
 * the UI always asks for a code, but an integration that resolves cases through the API without
 * knowing the codes keeps working — its cases count as "without a code" in the report.
 */
export async function codeForResolution(
  tx: Ctx,
  key: string | undefined,
): Promise<ResolutionCodesTable | null> {
  if (key === undefined) return null;
  const rows = await ensureCodes(tx);
  const row = rows.find((r) => r.key === key);
  if (!row)
    throw new AppError('unknown_resolution_code', 'The organisation has no such resolution code', {
      invalidParams: [{ name: 'body.resolutionCode', reason: 'unknown' }],
    });
  if (row.retired_at)
    throw new AppError('resolution_code_retired', 'This resolution code is retired', {
      invalidParams: [{ name: 'body.resolutionCode', reason: 'retired' }],
    });
  return row;
}

export const codeName = (row: ResolutionCodesTable, language: Language) =>
  language === 'en' ? row.name_en : row.name_ru;

/** A code's words for a case's key (a retired code keeps its words). */
export async function codeNamesByKey(scope: OrgScope): Promise<Map<string, ResolutionCodesTable>> {
  return new Map((await repo.listCodes(scope.db, scope.orgId)).map((r) => [r.key, r]));
}

export interface ResolutionCount {
  code: string;
  nameRu: string | null;
  nameEn: string | null;
  retired: boolean;
  count: number;
}

/**
 * Cases resolved in [from, to) — still resolved or closed — per code, in the codes' order: every
 * active code (0 included), retired ones that were used, and NO_RESOLUTION_CODE for cases
 * resolved without one. GET /api/v1/cases?resolutionCode=… lists exactly the cases of a row.
 */
export async function countResolutionsByCode(
  ctx: Ctx,
  from: string,
  to: string,
): Promise<ResolutionCount[]> {
  assertCan(ctx.actor, 'data.read');
  const fromIso = new Date(from).toISOString();
  const toIso = new Date(to).toISOString();
  if (fromIso >= toIso)
    throw new AppError('unprocessable', 'The period must end after it starts', {
      invalidParams: [{ name: 'query.to', reason: 'before from' }],
    });
  const codes = await inTransaction(ctx, (tx) => ensureCodes(tx));
  const counts = new Map(
    (await repo.countResolvedByCode(ctx.db, ctx.orgId, fromIso, toIso)).map((r) => [
      r.code ?? NO_RESOLUTION_CODE,
      r.count,
    ]),
  );
  const out: ResolutionCount[] = codes
    .filter((c) => !c.retired_at || counts.has(c.key))
    .map((c) => ({
      code: c.key,
      nameRu: c.name_ru,
      nameEn: c.name_en,
      retired: c.retired_at !== null,
      count: counts.get(c.key) ?? 0,
    }));
  const none = counts.get(NO_RESOLUTION_CODE) ?? 0;
  if (none > 0)
    out.push({ code: NO_RESOLUTION_CODE, nameRu: null, nameEn: null, retired: false, count: none });
  return out;
}
