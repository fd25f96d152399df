// The cases module's public surface.
import type { ModuleDef } from '../module.ts';
import { registerCaseRoutes } from './cases.routes.ts';
import { caseJobs } from './escalation.ts';
import { statusMessageJobs } from './status-message.ts';

export { acknowledgeCase, getCase, openCaseForFeedback } from './cases.service.ts';
export {
  findCaseByRef,
  findCaseInOrg,
  listCasesOfClient,
  listEventsOfCase,
} from './cases.lookups.ts';
export { caseRuleFor, type CaseRule } from './rules.ts';
export { presentCase } from './cases.routes.ts';
export { emitCaseEvent } from './case-events.ts';
export { recordClientReply } from './client-reply.ts';

export const casesModule: ModuleDef = {
  name: 'cases',
  routes: registerCaseRoutes,
  jobs: (deps) => [...caseJobs(deps), ...statusMessageJobs(deps)],
  schedules: [{ name: 'cases.sla.sweep', everyMs: 60_000 }],
};
