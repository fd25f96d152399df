// The reports module: the layered scorecard and the arbiter report rendered to bytes — PDF (A4,
// Cyrillic embedded) and XLSX. Pure functions of the API shapes (ScorecardOut, ArbiterOut): the
// services that compute those objects live in scorecard and arbiter; reports.routes.ts serves the
// files with the same query parameters as their JSON endpoints.
export { renderArbiterPdf } from './arbiter-pdf.ts';
export { renderArbiterXlsx } from './arbiter-xlsx.ts';
export type { ReportOptions } from './pdf-doc.ts';
export { renderScorecardPdf } from './scorecard-pdf.ts';
export { renderScorecardXlsx } from './scorecard-xlsx.ts';

import { z } from 'zod';
import { defineJob } from '../../jobs/queue.ts';
import type { ModuleDef } from '../module.ts';
import { attachFilesTo } from '../messaging/index.ts';
import { MONTHLY_REPORT_JOB, monthlyReportFiles, sendMonthlyReports } from './monthly-report.ts';
import { registerReportRoutes } from './reports.routes.ts';

export { sendMonthlyReports } from './monthly-report.ts';

// The monthly report e-mail carries the arbiter report of its month as a PDF.
attachFilesTo('monthly_report', monthlyReportFiles);

export const reportsModule: ModuleDef = {
  name: 'reports',
  routes: registerReportRoutes,
  jobs: (deps) => [
    defineJob({
      name: MONTHLY_REPORT_JOB,
      payload: z.object({}),
      handler: async (job) => {
        const queued = await sendMonthlyReports(deps);
        if (queued) job.log.info({ queued }, 'monthly reports queued');
      },
    }),
  ],
  schedules: [{ name: MONTHLY_REPORT_JOB, everyMs: 3_600_000 }],
};
