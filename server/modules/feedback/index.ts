// The feedback module's public surface: intake for every channel.
import type { ModuleDef } from '../module.ts';
import { registerFeedbackRoutes } from './feedback.routes.ts';
import { registerIntakeMetrics } from './intake-metrics.ts';
import { registerStatusPage } from './status-page.ts';

export {
  recordFeedback,
  recordFeedbackBatch,
  recordFeedbackMany,
  type IntakeOutcome,
  type RecordOptions,
  type RecordResult,
} from './feedback.service.ts';
export { onAcknowledgementSent } from './feedback.effects.ts';
export { presentFeedback } from './feedback.routes.ts';
export {
  findFeedback,
  findFeedbackByPublicRef,
  setTextAnalysis,
  type TextAnalysis,
} from './feedback.repo.ts';
export { listFeedback } from './feedback.repo.ts';

export const feedbackModule: ModuleDef = {
  name: 'feedback',
  routes: registerFeedbackRoutes,
  publicRoutes: registerStatusPage,
  metrics: registerIntakeMetrics,
};
