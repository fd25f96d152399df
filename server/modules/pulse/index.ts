// The pulse module's public surface (loop): anonymous eNPS pulse surveys — personal invitations by
// e-mail and shared team links, server-rendered answer pages, results per team and period, the
// employee layer of the scorecard, and the early-tenure pulse of new hires (hourly schedule).
import type { ModuleDef } from '../module.ts';
export { employeeScorecard } from './pulse-results.ts';
export { stageEnpsCounts, type EnpsCounts } from './enps-counts.ts';
import { EARLY_TENURE_JOB, pulseJobs } from './early-tenure.ts';
import { registerPulsePages } from './pulse-page.ts';
import { registerPulseRoutes } from './pulse.routes.ts';
import { rewriteStageKey } from '../../db/stage-keys.ts';
import { stagesMerged } from '../stages/index.ts';

// Teams of invitations, links and answers follow a merge of stages (ADR 012); a stage that only
// past pulses name may still be deleted — the answers keep the key as history.
for (const table of ['pulse_invitations', 'pulse_links', 'pulse_answers'] as const)
  stagesMerged.subscribe(`pulse.${table}`, (s, e) => rewriteStageKey(s.db, table, s.orgId, e));

export const pulseModule: ModuleDef = {
  name: 'pulse',
  routes: registerPulseRoutes,
  publicRoutes: registerPulsePages,
  jobs: pulseJobs,
  schedules: [{ name: EARLY_TENURE_JOB, everyMs: 3_600_000 }],
};
