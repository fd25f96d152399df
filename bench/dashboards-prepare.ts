// The work-page state bench/dashboards.ts needs on top of bench/scorecard.ts's data set: clients
// older than their records, someone to own cases ("mine"), a signed-in session for the care inbox's "assigned to me", and — with
// BENCH_REOPEN=1 — every case open again (the board had ≈ 640 000 open cases).
import { sql } from 'kysely';
import { OPEN_CASE_STATUSES } from '../shared/domain/vocabulary.ts';
import type { Deps } from './scorecard-data.ts';

const OPEN = [...OPEN_CASE_STATUSES];

/** Gives the admin every tenth open case (by reference), once; returns how many they own. */
export async function assignSomeCases(deps: Deps, orgId: string, userId: string) {
  const owned = async () =>
    Number(
      (
        await deps.db
          .selectFrom('cases')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('org_id', '=', orgId)
          .where('owner_id', '=', userId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  if ((await owned()) > 0) return owned();
  await deps.db
    .updateTable('cases')
    .set({ owner_id: userId })
    .where('org_id', '=', orgId)
    .where('status', 'in', OPEN)
    .where('public_ref', 'like', '%7')
    .execute();
  return owned();
}

/**
 * The clients existed before their first record (the load stamps them with its own time, which
 * would leave the care inbox no client old enough to be silent): created 2024-11-01.
 */
export async function backdateClients(deps: Deps, orgId: string) {
  await deps.db
    .updateTable('clients')
    .set({ created_at: '2024-11-01T00:00:00.000Z' })
    .where('org_id', '=', orgId)
    .where('created_at', '>', '2024-11-01T00:00:00.000Z')
    .execute();
}

/**
 * Every resolved or closed case of the organisation back in progress (a plain UPDATE: no events,
 * no rollup — the work pages read the cases themselves). Returns the open count after.
 */
export async function reopenAllCases(deps: Deps, orgId: string) {
  await deps.db
    .updateTable('cases')
    .set({ status: 'in_progress', resolved_at: null, closed_at: null })
    .where('org_id', '=', orgId)
    .where('status', 'not in', OPEN)
    .execute();
  const row = await deps.db
    .selectFrom('cases')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', orgId)
    .where('status', 'in', OPEN)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Fresh planner statistics (a bulk load leaves none on SQLite; autovacuum may lag on PG). */
export async function analyze(deps: Deps) {
  await sql`analyze`.execute(deps.db);
}

/** Signs the bench admin in (bench/lib.ts createBenchOrg's password): the session's cookie. */
export async function signIn(base: string): Promise<Record<string, string>> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'bench@example.com', password: 'correct-horse-battery' }),
  });
  if (res.status !== 200) throw new Error(`login answered ${res.status}: ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error('login set no cookie');
  return { cookie };
}
