// SQL of NPS by contact role (issue 17): NPS answers of a window counted per (the answering
// contact's roles, score). Roles stay the stored JSON text; the service splits them. orgId first.
import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/types.ts';

export async function npsByContactRoles(db: DbOrTrx, orgId: string, from: string, to: string) {
  const rows = await db
    .selectFrom('feedback as f')
    .leftJoin('contacts as c', (j) =>
      j.onRef('c.id', '=', 'f.contact_id').onRef('c.org_id', '=', 'f.org_id'),
    )
    .select([
      // Cast: jsonb on PostgreSQL; the same text on both once read back.
      sql<string | null>`cast(c.roles as text)`.as('roles'),
      'f.score_value',
      sql<number>`count(*)`.as('n'),
    ])
    .where('f.org_id', '=', orgId)
    .where('f.score_type', '=', 'nps')
    .where('f.score_value', 'is not', null)
    .where('f.received_at', '>=', from)
    .where('f.received_at', '<', to)
    .groupBy([sql`cast(c.roles as text)`, 'f.score_value'])
    .execute();
  return rows.map((r) => ({
    roles: r.roles,
    score: Number(r.score_value),
    count: Number(r.n),
  }));
}
