// Read-only aggregates over clients, feedback and cases for the care inbox. They scan across all
// of an organisation's clients at once, which no other module's index offers, so they live here
// as plain reads; nothing here writes to another module's tables. orgId first, always.
import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/types.ts';
import { openCaseTerm } from '../../db/open-cases.ts';
import { IN_CHUNK } from '../../db/select-by-keys.ts';

export async function clientNames(
  db: DbOrTrx,
  orgId: string,
  ids: string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('clients')
    .select(['id', 'name'])
    .where('org_id', '=', orgId)
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * Clients (not churned, created before the cutoff) whose newest feedback and newest case change
 * are both older than the cutoff, with the newest of the two (null when there was none); by id.
 * The clients active since the cutoff come from the window alone (feedback by received_at and
 * cases by updated_at, each index carrying the client: migration 0047), never from the whole
 * history; the newest activity is then read for the few silent clients returned.
 */
export async function silentClients(db: DbOrTrx, orgId: string, cutoffIso: string, limit: number) {
  const heard = db
    .selectFrom('feedback')
    .select('client_id')
    .where('org_id', '=', orgId)
    .where('received_at', '>=', cutoffIso)
    .where('client_id', 'is not', null);
  const worked = db
    .selectFrom('cases')
    .select('client_id')
    .where('org_id', '=', orgId)
    .where('updated_at', '>=', cutoffIso)
    .where('client_id', 'is not', null);
  const clients = await db
    .selectFrom('clients')
    .select(['id', 'name'])
    .where('org_id', '=', orgId)
    .where((eb) => eb.or([eb('status', 'is', null), eb('status', '!=', 'churned')]))
    .where('created_at', '<', cutoffIso)
    .where('id', 'not in', heard as never)
    .where('id', 'not in', worked as never)
    .orderBy('id')
    .limit(limit)
    .execute();
  if (clients.length === 0) return [];
  const ids = clients.map((c) => c.id);
  const latest = new Map<string, string>();
  const note = (rows: { client_id: string | null; at: unknown }[]) => {
    for (const r of rows) {
      if (!r.client_id || r.at == null) continue;
      const at = r.at instanceof Date ? r.at.toISOString() : String(r.at);
      if (!latest.has(r.client_id) || latest.get(r.client_id)! < at) latest.set(r.client_id, at);
    }
  };
  note(
    await db
      .selectFrom('feedback')
      .select(['client_id', sql<string>`max(received_at)`.as('at')])
      .where('org_id', '=', orgId)
      .where('client_id', 'in', ids)
      .groupBy('client_id')
      .execute(),
  );
  note(
    await db
      .selectFrom('cases')
      .select(['client_id', sql<string>`max(updated_at)`.as('at')])
      .where('org_id', '=', orgId)
      .where('client_id', 'in', ids)
      .groupBy('client_id')
      .execute(),
  );
  return clients.map((c) => ({ id: c.id, name: c.name, lastActivityAt: latest.get(c.id) ?? null }));
}

/**
 * A detractor (NPS 0–6, CSAT 1–2) in literals, as feedback_detractors_idx states it (migration
 * 0047): SQLite uses that partial index only for a query that carries the same terms.
 */
const DETRACTOR = sql<boolean>`((f.score_type = 'nps' and f.score_value <= 6) or (f.score_type = 'csat' and f.score_value <= 2))`;

const timeOf = (v: unknown) => (v instanceof Date ? v.getTime() : Date.parse(String(v)));

const detractorColumns = [
  'f.id',
  'f.client_id',
  'cl.name as client_name',
  'f.score_type',
  'f.score_value',
  'f.text',
  'f.received_at',
  'f.case_id',
] as const;

/**
 * Detractor feedback received since `sinceIso` with no case, or whose case is still
 * new/acknowledged and was opened before `staleIso`; newest id first, at most `limit`. Two reads
 * merged here, each walking a bounded set: the detractors without a case by id (a partial index
 * of just those), and the cases still new or acknowledged (a partial index of just those) with
 * their records.
 */
export async function detractorsWithoutFollowUp(
  db: DbOrTrx,
  orgId: string,
  sinceIso: string,
  staleIso: string,
  limit: number,
) {
  const withoutCase = await db
    .selectFrom('feedback as f')
    .innerJoin('clients as cl', (j) =>
      j.onRef('cl.id', '=', 'f.client_id').onRef('cl.org_id', '=', 'f.org_id'),
    )
    .select(detractorColumns)
    .where('f.org_id', '=', orgId)
    .where(sql<boolean>`f.case_id is null`)
    .where(DETRACTOR)
    .where('f.received_at', '>=', sinceIso)
    .orderBy('f.id', 'desc')
    .limit(limit)
    .execute();
  // Driven by the cases still unanswered (their partial index), then their records by case id
  // (feedback_org_case_idx) in IN lists with no ORDER BY (ordered by id in SQL, the planner
  // would walk every record of the organisation newest first instead).
  const unanswered = await db
    .selectFrom('cases')
    .select('id')
    .where('org_id', '=', orgId)
    .where(sql<boolean>`status in (${sql.lit('new')}, ${sql.lit('acknowledged')})`)
    .where('created_at', '<', staleIso)
    .execute();
  const waiting = [];
  for (let i = 0; i < unanswered.length; i += IN_CHUNK)
    waiting.push(
      ...(await db
        .selectFrom('feedback as f')
        .innerJoin('clients as cl', (j) =>
          j.onRef('cl.id', '=', 'f.client_id').onRef('cl.org_id', '=', 'f.org_id'),
        )
        .select(detractorColumns)
        .where('f.org_id', '=', orgId)
        .where(sql<boolean>`f.case_id is not null`)
        .where(
          'f.case_id',
          'in',
          unanswered.slice(i, i + IN_CHUNK).map((c) => c.id),
        )
        .where(DETRACTOR)
        .execute()),
    );
  // The window is checked here: with received_at in the SQL, SQLite (no statistics) walks the
  // organisation's records by time instead of probing the few by case.
  const since = Date.parse(sinceIso);
  const recent = waiting.filter((f) => timeOf(f.received_at) >= since);
  return [...withoutCase, ...recent]
    .sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
    .slice(0, limit);
}

/** Open cases due before `dueBeforeIso` (at risk) or already past due; soonest due first. */
export async function casesAtSlaRisk(
  db: DbOrTrx,
  orgId: string,
  dueBeforeIso: string,
  limit: number,
) {
  return (
    db
      .selectFrom('cases as c')
      .innerJoin('clients as cl', (j) =>
        j.onRef('cl.id', '=', 'c.client_id').onRef('cl.org_id', '=', 'c.org_id'),
      )
      .select([
        'c.id',
        'c.client_id',
        'cl.name as client_name',
        'c.title',
        'c.public_ref',
        'c.due_at',
        'c.breached_at',
      ])
      .where('c.org_id', '=', orgId)
      // The open cases' partial index by due time (migration 0047), walked in order.
      .where(openCaseTerm('c.status'))
      .where('c.due_at', 'is not', null)
      .where('c.due_at', '<', dueBeforeIso)
      .orderBy('c.due_at')
      .limit(limit)
      .execute()
  );
}

/** Every (organisation, manager) pair with the clients they manage: the digest's recipients. */
export async function managersOfClients(
  db: DbOrTrx,
): Promise<{ orgId: string; managerId: string; clientIds: string[] }[]> {
  const rows = await db
    .selectFrom('clients')
    .select(['org_id', 'manager_id', 'id'])
    .where('manager_id', 'is not', null)
    .orderBy('org_id')
    .orderBy('manager_id')
    .execute();
  const byManager = new Map<string, { orgId: string; managerId: string; clientIds: string[] }>();
  for (const r of rows) {
    const key = `${r.org_id}:${r.manager_id}`;
    if (!byManager.has(key))
      byManager.set(key, { orgId: r.org_id, managerId: r.manager_id!, clientIds: [] });
    byManager.get(key)!.clientIds.push(r.id);
  }
  return [...byManager.values()];
}
