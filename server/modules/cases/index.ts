// The cases module's public surface.
import type { ModuleDef } from '../module.ts';
import { registerCaseRoutes } from './cases.routes.ts';
import { registerCasesExport } from './cases-export.routes.ts';
import { registerCaseClosingRoutes } from './case-closing.routes.ts';
import { caseJobs } from './escalation.ts';
import { statusMessageJobs } from './status-message.ts';
import { rewriteStageKey, stageKeyUsed } from '../../db/stage-keys.ts';
import { stageDeleting, stageInUse, stagesMerged } from '../stages/index.ts';
import { orgTimeZoneChanged } from '../orgs/index.ts';
import { caseRollupSweeps, mergeCaseRollup, rebuildCaseRollup } from './case-rollup.service.ts';
import { clientDeleting, contactErasing, contactExporting } from '../clients/index.ts';
import { eraseCases, exportCases, refuseClientWithCases } from './privacy.ts';
import { registerCasePrivacyRoutes } from './privacy.routes.ts';
import { messageFilterNaming } from '../messaging/index.ts';
import { findCaseInOrg } from './cases.lookups.ts';

export { acknowledgeCase, getCase, openCaseForFeedback } from './cases.service.ts';
export { openCasesForFeedback, type CaseRequest } from './open-cases.ts';
export {
  findCaseByRef,
  findCaseInOrg,
  findCasesInOrg,
  listCasesOfClient,
  listEventsOfCase,
  listOpenCasesOwnedBy,
  openCasesByStage,
  orgHolidays,
} from './cases.lookups.ts';
export { caseRuleFor, type CaseRule } from './rules.ts';
export { caseOpenAt, caseStatusAt, listCaseFacts, type CaseFact } from './case-facts.ts';
export { median, reopenedAfter } from './case-rollup.ts';
export { localParts, zonedTimeToInstant } from './sla.ts';
export {
  monthIndex,
  monthIndexOf,
  monthLabel,
  monthOfInstant,
  monthStart,
  quarterLabel,
} from './zone-months.ts';
export { searchCases, SEARCH_RECENT_CASES, type CaseHit } from './search.ts';
export { presentCase } from './cases.routes.ts';
export {
  caseRollupFigures,
  rebuildCaseRollup,
  sweepCaseRollup,
  type CaseRollupFigures,
  type RollupPeriod,
} from './case-rollup.service.ts';
export { emitCaseEvent } from './case-events.ts';
export { caseNotices, type CaseNotice } from './case-notices.ts';
export { recordClientReply } from './client-reply.ts';
export { allowedNext } from './status-machine.ts';
export { anonymiseCaseRepliesBefore, caseDeleting, detachFeedbackFromCases } from './privacy.ts';

// Data-subject rights (issue 19): a contact's cases in its export and erased with it.
contactExporting.subscribe('cases.cases', exportCases);
contactErasing.subscribe('cases.cases', eraseCases);
clientDeleting.subscribe('cases.cases', (s, e) => refuseClientWithCases(s, e.clientId));

// Stage keys on cases follow a merge, and a stage still on one is not deleted (ADR 012).
stagesMerged.subscribe('cases.cases', async (s, e) => {
  await rewriteStageKey(s.db, 'cases', s.orgId, e);
  await mergeCaseRollup(s, e);
});
// The rollup's months follow the organisation's time zone (ADR 015).
orgTimeZoneChanged.subscribe('cases.rollup', (s) => rebuildCaseRollup(s));
stageDeleting.subscribe('cases.cases', async (s, e) => {
  if (await stageKeyUsed(s.db, 'cases', s.orgId, e.key)) throw stageInUse(e.key);
});

// The outbox list's caseId filter names one of this organisation's cases, or it is a 404.
messageFilterNaming.subscribe('cases.cases', async (s, e) => {
  if (e.caseId !== undefined && (await findCaseInOrg(s, e.caseId))) e.known.add('caseId');
});

export const casesModule: ModuleDef = {
  name: 'cases',
  routes: (app, deps) => {
    registerCaseRoutes(app, deps);
    registerCasesExport(app, deps);
    registerCaseClosingRoutes(app, deps);
    registerCasePrivacyRoutes(app, deps);
  },
  jobs: (deps) => [...caseJobs(deps), ...statusMessageJobs(deps)],
  schedules: [{ name: 'cases.sla.sweep', everyMs: 60_000 }],
  sweeps: caseRollupSweeps,
};
