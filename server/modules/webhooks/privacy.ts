// The webhooks module's part of an erasure (issue 19): a case's events carry its resolution (free
// text), so the stored deliveries about an erased contact's cases lose it; one still pending is
// sent without it. Called by cases (above webhooks).
import { sql } from 'kysely';
import type { OrgScope } from '../../context.ts';

export async function eraseCaseDeliveries(
  s: OrgScope,
  caseIds: readonly string[],
): Promise<number> {
  let changed = 0;
  for (const id of caseIds) {
    const rows = await s.db
      .selectFrom('webhook_deliveries')
      .select(['id', 'payload'])
      .where('org_id', '=', s.orgId)
      .where('event', 'like', 'case.%')
      .where(sql<string>`cast(payload as text)`, 'like', `%${id}%`)
      .execute();
    for (const r of rows) {
      const body = JSON.parse(r.payload) as { data?: { case?: Record<string, unknown> } };
      const data = body.data?.case;
      if (!data || data['id'] !== id || data['resolution'] == null) continue;
      data['resolution'] = null;
      await s.db
        .updateTable('webhook_deliveries')
        .set({ payload: JSON.stringify(body) })
        .where('org_id', '=', s.orgId)
        .where('id', '=', r.id)
        .execute();
      changed += 1;
    }
  }
  return changed;
}
