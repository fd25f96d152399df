// Background jobs of the text module: walking an org's records in batches for re-analysis, and the
// retired per-record job. Both take the organisation from the job row, never the payload. The
// analysis itself is the sweep (sweep.ts), run by the worker every round.
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { defineJob } from '../../jobs/queue.ts';
import {
  ANALYSE_JOB,
  REANALYSE_BATCH_JOB,
  markAnalysisPending,
  runReanalyseBatch,
} from './text.service.ts';

export function textJobs(deps: Deps) {
  return [
    defineJob({
      name: ANALYSE_JOB,
      payload: z.object({ feedbackId: z.uuid() }),
      handler: async (job, { feedbackId }) => {
        if (job.orgId) await markAnalysisPending(deps, job.orgId, feedbackId);
      },
    }),
    defineJob({
      name: REANALYSE_BATCH_JOB,
      payload: z.object({
        runId: z.string(),
        from: z.string().optional(),
        to: z.string().optional(),
        afterId: z.string().nullable(),
      }),
      handler: async (job, payload) => {
        if (job.orgId) await runReanalyseBatch(deps, job.orgId, payload);
      },
    }),
  ];
}
