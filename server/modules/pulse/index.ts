// The pulse module's public surface (loop): anonymous eNPS pulse surveys — personal invitations by
// e-mail and shared team links, server-rendered answer pages, results per team and period, the
// employee layer of the scorecard, and the early-tenure pulse of new hires (hourly schedule).
import type { ModuleDef } from '../module.ts';
import { EARLY_TENURE_JOB, pulseJobs } from './early-tenure.ts';
import { registerPulsePages } from './pulse-page.ts';
import { registerPulseRoutes } from './pulse.routes.ts';

export const pulseModule: ModuleDef = {
  name: 'pulse',
  routes: registerPulseRoutes,
  publicRoutes: registerPulsePages,
  jobs: pulseJobs,
  schedules: [{ name: EARLY_TENURE_JOB, everyMs: 3_600_000 }],
};
