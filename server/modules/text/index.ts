// The text-analytics module: language, sentiment and topics for feedback texts, offline.
import type { ModuleDef } from '../module.ts';
import { textSweeps } from './sweep.ts';
import { textJobs } from './text.jobs.ts';
import { registerTextRoutes } from './text.routes.ts';

export { MODEL_VERSION } from '../../lib/text/version.ts';
export { topicCountsIn } from './topic-counts.ts';

export const textModule: ModuleDef = {
  name: 'text',
  routes: registerTextRoutes,
  jobs: textJobs,
  sweeps: textSweeps,
};
