// The organisation's topic taxonomy: stored rows, or the built-in defaults until someone edits it.
import { inTransaction, type Ctx } from '../../context.ts';
import type { DbOrTrx, TextTopicsTable } from '../../db/types.ts';
import { assertCan } from '../../lib/permissions.ts';
import { recordAudit } from '../orgs/index.ts';
import { DEFAULT_TOPICS, type TopicDef } from '../../lib/text/topics.ts';
import * as repo from './text.repo.ts';

export const topicOfRow = (r: TextTopicsTable): TopicDef => ({
  key: r.key,
  labelRu: r.label_ru,
  labelEn: r.label_en,
  keywords: JSON.parse(r.keywords) as string[],
});

/** What the analysis uses; an org that never edited its taxonomy gets the defaults. */
export async function effectiveTopics(db: DbOrTrx, orgId: string): Promise<TopicDef[]> {
  const rows = await repo.listTopics(db, orgId);
  return rows.length ? rows.map(topicOfRow) : DEFAULT_TOPICS;
}

export async function getTopics(ctx: Ctx): Promise<TopicDef[]> {
  assertCan(ctx.actor, 'data.read');
  return effectiveTopics(ctx.db, ctx.orgId);
}

export async function putTopics(ctx: Ctx, items: TopicDef[]): Promise<TopicDef[]> {
  assertCan(ctx.actor, 'org.manage');
  const now = ctx.clock.now().toISOString();
  const rows: TextTopicsTable[] = items.map((t, position) => ({
    org_id: ctx.orgId,
    key: t.key,
    label_ru: t.labelRu,
    label_en: t.labelEn,
    keywords: JSON.stringify([...new Set(t.keywords.map((k) => k.trim()).filter(Boolean))]),
    position,
    updated_at: now,
  }));
  await inTransaction(ctx, async (tx) => {
    await repo.replaceTopics(tx.db, tx.orgId, rows);
    await recordAudit(tx, 'text.topics.updated', undefined, { keys: items.map((t) => t.key) });
  });
  return rows.map(topicOfRow);
}
