// The metrics module's public surface: other modules import only from here.
export { metricsModule } from './metrics.module.ts';
export { getSatisfactionOverview, getSatisfactionReport } from './metrics.service.ts';
export { presentReport } from './metrics.present.ts';
export { stageSatisfaction, type StageSatisfaction } from './stage-satisfaction.ts';
export {
  negativeTextsIn,
  npsAnswersIn,
  feedbackArrivedSince,
  stageSpeakersIn,
  type NegativeText,
  type NpsAnswer,
} from './arbiter-facts.ts';
export {
  contactsTouchedIn,
  latestNpsAnswersBefore,
  type LatestNpsAnswer,
} from './portfolio-facts.ts';
export {
  computeCes,
  computeCsat,
  computeNps,
  computeSatisfaction,
  type ScoreCount,
} from './satisfaction.ts';
export { listStageScoreRecords, type StageScoreRecord } from './stage-records.ts';
