import type { DbOrTrx } from '../db/types.ts';

/** Deletes finished jobs older than `beforeIso`; failed ones are kept for inspection. */
export async function pruneFinishedJobs(db: DbOrTrx, beforeIso: string): Promise<number> {
  const res = await db
    .deleteFrom('jobs')
    .where('status', '=', 'done')
    .where('finished_at', '<', beforeIso)
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}
