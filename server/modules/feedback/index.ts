// The feedback module's public surface: intake for every channel.
import { messageFilterNaming, messageSent } from '../messaging/index.ts';
import type { ModuleDef } from '../module.ts';
import { onMessageSent } from './feedback.effects.ts';
import { registerFeedbackRoutes } from './feedback.routes.ts';
import { registerFeedbackExport } from './feedback-export.routes.ts';
import { registerIntakeMetrics } from './intake-metrics.ts';
import { registerRatingPage } from './rating-page.ts';
import { registerStatusPage } from './status-page.ts';
import { rewriteStageKey, stageKeyUsed } from '../../db/stage-keys.ts';
import { stageDeleting, stageInUse, stagesMerged } from '../stages/index.ts';
import { clientsRegrouped } from '../clients/index.ts';
import { orgTimeZoneChanged } from '../orgs/index.ts';
import { mergeScoreGroups, rebuildScoreGroups, regroupScoreGroups } from './score-groups.ts';
import { mergeScoreMonths, rebuildScoreMonths } from './score-months.ts';
import { mergeReportCounts, rebuildReportCounts, regroupReportCounts } from './report-counts.ts';
import { clientDeleting, contactErasing, contactExporting } from '../clients/index.ts';
import { caseDeleting } from '../cases/index.ts';
import { detachCase, eraseFeedback, exportFeedback, refuseClientWithFeedback } from './privacy.ts';
import { registerFeedbackPrivacyRoutes } from './privacy.routes.ts';
import { retentionJobs, retentionSchedules } from './retention.ts';
import { findFeedbackRecord } from './feedback.lookups.ts';

export {
  recordFeedback,
  recordFeedbackBatch,
  recordFeedbackMany,
  type IntakeOutcome,
  type RecordOptions,
  type RecordResult,
} from './feedback.service.ts';
export { searchFeedback, SEARCH_RECENT_RECORDS, type FeedbackHit } from './search.ts';
export { presentFeedback } from './feedback.routes.ts';
export {
  feedbackDeleted,
  feedbackRecorded,
  type FeedbackDeleted,
  type FeedbackRecorded,
} from './feedback-recorded.ts';
export { retentionCutoff, sweepRetention } from './retention.ts';
export { registerStatusNotes, type StatusNote, type StatusNotesSource } from './status-notes.ts';
export { rebuildScoreMonths, scoreMonthsOf, type ScoreMonthRow } from './score-months.ts';
export { rebuildScoreGroups, scoreGroupsOf } from './score-groups.ts';
export {
  rebuildReportCounts,
  reportCountsOf,
  type ReportCountsGroup,
  type ReportCountsQuery,
  type ReportTable,
  type SummedCount,
} from './report-counts.ts';
export {
  dayAtOrAfter,
  dayLabel,
  dayOf,
  dayStart,
  firstDayOf,
  monthIndexOfDay,
} from './zone-days.ts';
export {
  clientFeedbackDates,
  findFeedbackRecord,
  findFeedbackRecords,
  latestNpsByClient,
  listFeedbackOfClient,
} from './feedback.lookups.ts';

// Upward event (ADR 008): when messaging sent an acknowledgement, the record and its case move on.
messageSent.subscribe('feedback.acknowledged', onMessageSent);
// The outbox list's feedbackId filter names one of this organisation's records, or it is a 404.
messageFilterNaming.subscribe('feedback.feedback', async (s, e) => {
  if (e.feedbackId !== undefined && (await findFeedbackRecord(s, e.feedbackId)))
    e.known.add('feedbackId');
});

// Stage keys on feedback follow a merge, and a stage still on one is not deleted (ADR 012).
stagesMerged.subscribe('feedback.feedback', async (s, e) => {
  await rewriteStageKey(s.db, 'feedback', s.orgId, e);
  await mergeScoreMonths(s, e);
  await mergeScoreGroups(s, e);
  await mergeReportCounts(s, e);
});
// The score rollups count months of the organisation's zone: a new zone counts them again (the
// groups after the months, which save the zone they are counted in).
orgTimeZoneChanged.subscribe('feedback.score_months', async (s) => {
  await rebuildScoreMonths(s);
  await rebuildScoreGroups(s);
  await rebuildReportCounts(s);
});
// The counts per client group follow a client to its new segment or manager (ADR 017).
clientsRegrouped.subscribe('feedback.score_groups', regroupScoreGroups);
// …and the report's monthly counts to its new segment (ADR 020).
clientsRegrouped.subscribe('feedback.report_counts', regroupReportCounts);
stageDeleting.subscribe('feedback.feedback', async (s, e) => {
  if (await stageKeyUsed(s.db, 'feedback', s.orgId, e.key)) throw stageInUse(e.key);
});

// Data-subject rights (issue 19): a contact's records in its export, their texts erased with it;
// a client with records is not deleted; a deleted case leaves its record without the link.
contactExporting.subscribe('feedback.feedback', exportFeedback);
contactErasing.subscribe('feedback.feedback', eraseFeedback);
clientDeleting.subscribe('feedback.feedback', (s, e) => refuseClientWithFeedback(s, e.clientId));
caseDeleting.subscribe('feedback.case_id', (s, e) => detachCase(s, e.caseId));

export const feedbackModule: ModuleDef = {
  name: 'feedback',
  routes: (app, deps) => {
    registerFeedbackRoutes(app, deps);
    registerFeedbackExport(app, deps);
    registerFeedbackPrivacyRoutes(app, deps);
  },
  jobs: retentionJobs,
  schedules: retentionSchedules,
  publicRoutes: async (app, deps) => {
    registerStatusPage(app, deps);
    await registerRatingPage(app, deps);
  },
  metrics: registerIntakeMetrics,
};
