// The feedback module's public surface: intake for every channel.
import { messageSent } from '../messaging/index.ts';
import type { ModuleDef } from '../module.ts';
import { onMessageSent } from './feedback.effects.ts';
import { registerFeedbackRoutes } from './feedback.routes.ts';
import { registerIntakeMetrics } from './intake-metrics.ts';
import { registerRatingPage } from './rating-page.ts';
import { registerStatusPage } from './status-page.ts';

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
export {
  clientFeedbackDates,
  findFeedbackRecord,
  latestNpsByClient,
  listFeedbackOfClient,
} from './feedback.lookups.ts';

// Upward event (ADR 008): when messaging sent an acknowledgement, the record and its case move on.
messageSent.subscribe('feedback.acknowledged', onMessageSent);

export const feedbackModule: ModuleDef = {
  name: 'feedback',
  routes: registerFeedbackRoutes,
  publicRoutes: async (app, deps) => {
    registerStatusPage(app, deps);
    await registerRatingPage(app, deps);
  },
  metrics: registerIntakeMetrics,
};
