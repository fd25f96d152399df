// Background work of the text module: analysing one record, and walking an org's records in
// batches for re-analysis. Both re-check the organisation from the job row, never the payload.
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { defineJob } from '../../jobs/queue.ts';
import { ANALYSE_JOB, REANALYSE_BATCH_JOB, analyseFeedback, runReanalyseBatch } from './text.service.ts';

export function textJobs(deps: Deps) {
  return [
    defineJob({
      name: ANALYSE_JOB,
      payload: z.object({ feedbackId: z.uuid() }),
      handler: async (job, { feedbackId }) => {
        if (job.orgId) await analyseFeedback(deps, job.orgId, feedbackId);
      },
    }),
    defineJob({
      name: REANALYSE_BATCH_JOB,
      payload: z.object({ runId: z.string(), from: z.string().optional(), to: z.string().optional(), afterId: z.string().nullable() }),
      handler: async (job, payload) => {
        if (job.orgId) await runReanalyseBatch(deps, job.orgId, payload);
      },
    }),
  ];
}
