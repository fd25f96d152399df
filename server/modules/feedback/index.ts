// The feedback module's public surface: intake for every channel.
import { messageSent } from '../messaging/index.ts';
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

export {
  recordFeedback,
  recordFeedbackBatch,
  recordFeedbackMany,
  type IntakeOutcome,
  type RecordOptions,
  type RecordResult,
} from './feedback.service.ts';
export { presentFeedback } from './feedback.routes.ts';
export { feedbackRecorded, type FeedbackRecorded } from './feedback-recorded.ts';
export { registerStatusNotes, type StatusNote, type StatusNotesSource } from './status-notes.ts';
export { rebuildScoreMonths, scoreMonthsOf, type ScoreMonthRow } from './score-months.ts';
export { rebuildScoreGroups, scoreGroupsOf } from './score-groups.ts';
export {
  clientFeedbackDates,
  findFeedbackRecord,
  findFeedbackRecords,
  latestNpsByClient,
  listFeedbackOfClient,
} from './feedback.lookups.ts';

// Upward event (ADR 008): when messaging sent an acknowledgement, the record and its case move on.
messageSent.subscribe('feedback.acknowledged', onMessageSent);

// Stage keys on feedback follow a merge, and a stage still on one is not deleted (ADR 012).
stagesMerged.subscribe('feedback.feedback', async (s, e) => {
  await rewriteStageKey(s.db, 'feedback', s.orgId, e);
  await mergeScoreMonths(s, e);
  await mergeScoreGroups(s, e);
});
// The score rollups count months of the organisation's zone: a new zone counts them again (the
// groups after the months, which save the zone they are counted in).
orgTimeZoneChanged.subscribe('feedback.score_months', async (s) => {
  await rebuildScoreMonths(s);
  await rebuildScoreGroups(s);
});
// The counts per client group follow a client to its new segment or manager (ADR 017).
clientsRegrouped.subscribe('feedback.score_groups', regroupScoreGroups);
stageDeleting.subscribe('feedback.feedback', async (s, e) => {
  if (await stageKeyUsed(s.db, 'feedback', s.orgId, e.key)) throw stageInUse(e.key);
});

export const feedbackModule: ModuleDef = {
  name: 'feedback',
  routes: (app, deps) => {
    registerFeedbackRoutes(app, deps);
    registerFeedbackExport(app, deps);
  },
  publicRoutes: async (app, deps) => {
    registerStatusPage(app, deps);
    await registerRatingPage(app, deps);
  },
  metrics: registerIntakeMetrics,
};
