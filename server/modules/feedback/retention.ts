// Retention of free texts per organisation (issue 19): feedback texts (and the raw request) and
// case reply texts older than N months are anonymised by the worker's hourly `feedback.retention`
// job (a schedule, not a sweep: finding nothing left to do costs a scan of the old records, too
// much for every worker round); scores, stages and times stay, so every rollup reads the same.
// Off (null) by default.
import { sql } from 'kysely';
import { inTransaction, systemCtx, type Ctx, type OrgScope } from '../../context.ts';
import type { Deps } from '../../deps.ts';
import { assertCan } from '../../lib/permissions.ts';
import { z } from 'zod';
import { defineJob, type JobDefinition } from '../../jobs/queue.ts';
import type { Schedule } from '../module.ts';
import { anonymiseCaseRepliesBefore } from '../cases/index.ts';
import { recordAudit } from '../orgs/index.ts';

export const RETENTION_BATCH = 500;

export interface RetentionView {
  textMonths: number | null;
  updatedAt: string | null;
}

export async function getRetention(ctx: Ctx): Promise<RetentionView> {
  assertCan(ctx.actor, 'org.read');
  const row = await ctx.db
    .selectFrom('retention_settings')
    .selectAll()
    .where('org_id', '=', ctx.orgId)
    .executeTakeFirst();
  return { textMonths: row?.text_months ?? null, updatedAt: row?.updated_at ?? null };
}

export async function setRetention(
  ctx: Ctx,
  input: { textMonths: number | null },
): Promise<RetentionView> {
  assertCan(ctx.actor, 'org.manage');
  return inTransaction(ctx, async (tx) => {
    const now = tx.clock.now().toISOString();
    await tx.db
      .insertInto('retention_settings')
      .values({ org_id: tx.orgId, text_months: input.textMonths, updated_at: now })
      .onConflict((oc) =>
        oc.column('org_id').doUpdateSet({ text_months: input.textMonths, updated_at: now }),
      )
      .execute();
    await recordAudit(tx, 'retention.updated', undefined, { textMonths: input.textMonths });
    return { textMonths: input.textMonths, updatedAt: now };
  });
}

/** The first instant kept: `months` calendar months before now (UTC). */
export function retentionCutoff(now: Date, months: number): string {
  const d = new Date(now.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d.toISOString();
}

/** One bounded batch of one organisation's feedback texts received before `cutoff`. */
async function anonymiseFeedbackBefore(s: OrgScope, cutoff: string, limit: number) {
  const ids = (
    await s.db
      .selectFrom('feedback')
      .select('id')
      .where('org_id', '=', s.orgId)
      .where('received_at', '<', cutoff)
      .where((w) => w.or([w('text', 'is not', null), w('raw', 'is not', null)]))
      .limit(limit)
      .execute()
  ).map((r) => r.id);
  if (ids.length === 0) return 0;
  await s.db
    .updateTable('feedback')
    .set({ text: null, raw: null })
    .where('org_id', '=', s.orgId)
    .where('id', 'in', ids)
    .execute();
  return ids.length;
}

/** One round over every organisation with a retention period; returns the texts anonymised. */
export async function sweepRetention(deps: Deps, limit = RETENTION_BATCH): Promise<number> {
  const orgs = await deps.db
    .selectFrom('retention_settings')
    .select(['org_id', 'text_months'])
    .where('text_months', 'is not', null)
    .where(sql<boolean>`text_months > 0`)
    .execute();
  let done = 0;
  for (const o of orgs) {
    const cutoff = retentionCutoff(deps.clock.now(), o.text_months!);
    done += await inTransaction(systemCtx(deps, o.org_id), async (tx) => {
      const feedback = await anonymiseFeedbackBefore(tx, cutoff, limit);
      const replies = await anonymiseCaseRepliesBefore(tx, cutoff, limit);
      if (feedback + replies > 0)
        await recordAudit(tx, 'retention.applied', undefined, { cutoff, feedback, replies });
      return feedback + replies;
    });
  }
  return done;
}

export const RETENTION_JOB = 'feedback.retention';
export const retentionSchedules: Schedule[] = [{ name: RETENTION_JOB, everyMs: 3_600_000 }];

/** The hourly job: batches until nothing older than the period is left. */
export function retentionJobs(deps: Deps): JobDefinition[] {
  return [
    defineJob({
      name: RETENTION_JOB,
      payload: z.object({}),
      handler: async (job) => {
        let total = 0;
        for (let n = await sweepRetention(deps); n > 0; n = await sweepRetention(deps)) total += n;
        job.log.info({ anonymised: total }, 'retention applied');
      },
    }),
  ];
}
