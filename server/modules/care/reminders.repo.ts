// Read-only aggregates over clients, feedback and cases for the care inbox. They scan across all
// of an organisation's clients at once, which no other module's index offers, so they live here
// as plain reads; nothing here writes to another module's tables. orgId first, always.
import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/types.ts';
import { OPEN_CASE_STATUSES } from '../../../shared/domain/vocabulary.ts';

const OPEN = OPEN_CASE_STATUSES;

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
 * are both older than the cutoff, with the newest of the two (null when there was none).
 * Three grouped reads joined in memory: portable, and bounded by the organisation's client count.
 */
export async function silentClients(db: DbOrTrx, orgId: string, cutoffIso: string, limit: number) {
  const clients = await db
    .selectFrom('clients')
    .select(['id', 'name'])
    .where('org_id', '=', orgId)
    .where((eb) => eb.or([eb('status', 'is', null), eb('status', '!=', 'churned')]))
    .where('created_at', '<', cutoffIso)
    .orderBy('id')
    .execute();
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
      .where('client_id', 'is not', null)
      .groupBy('client_id')
      .execute(),
  );
  note(
    await db
      .selectFrom('cases')
      .select(['client_id', sql<string>`max(updated_at)`.as('at')])
      .where('org_id', '=', orgId)
      .where('client_id', 'is not', null)
      .groupBy('client_id')
      .execute(),
  );
  const cutoffMs = Date.parse(cutoffIso);
  return clients
    .filter((c) => {
      const at = latest.get(c.id);
      return !at || Date.parse(at) < cutoffMs;
    })
    .slice(0, limit)
    .map((c) => ({ id: c.id, name: c.name, lastActivityAt: latest.get(c.id) ?? null }));
}

/** Detractor feedback (NPS 0–6, CSAT 1–2) with no case, or whose case is still new/acknowledged past `staleIso`. */
export async function detractorsWithoutFollowUp(
  db: DbOrTrx,
  orgId: string,
  sinceIso: string,
  staleIso: string,
  limit: number,
) {
  return db
    .selectFrom('feedback as f')
    .leftJoin('cases as c', (j) =>
      j.onRef('c.id', '=', 'f.case_id').onRef('c.org_id', '=', 'f.org_id'),
    )
    .innerJoin('clients as cl', (j) =>
      j.onRef('cl.id', '=', 'f.client_id').onRef('cl.org_id', '=', 'f.org_id'),
    )
    .select([
      'f.id',
      'f.client_id',
      'cl.name as client_name',
      'f.score_type',
      'f.score_value',
      'f.text',
      'f.received_at',
      'f.case_id',
      'c.status as case_status',
    ])
    .where('f.org_id', '=', orgId)
    .where('f.received_at', '>=', sinceIso)
    .where((eb) =>
      eb.or([
        eb.and([eb('f.score_type', '=', 'nps'), eb('f.score_value', '<=', 6)]),
        eb.and([eb('f.score_type', '=', 'csat'), eb('f.score_value', '<=', 2)]),
      ]),
    )
    .where((eb) =>
      eb.or([
        eb('f.case_id', 'is', null),
        eb.and([eb('c.status', 'in', ['new', 'acknowledged']), eb('c.created_at', '<', staleIso)]),
      ]),
    )
    .orderBy('f.id', 'desc')
    .limit(limit)
    .execute();
}

/** Open cases due before `dueBeforeIso` (at risk) or already past due. */
export async function casesAtSlaRisk(
  db: DbOrTrx,
  orgId: string,
  dueBeforeIso: string,
  limit: number,
) {
  return db
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
    .where('c.status', 'in', [...OPEN])
    .where('c.due_at', 'is not', null)
    .where('c.due_at', '<', dueBeforeIso)
    .orderBy('c.due_at')
    .limit(limit)
    .execute();
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
