// The stages module's public surface (core layer, ADR 012): the journey-stage registry, the
// write-time helpers the loop calls (ensureStageKeys in its transaction, a stage's owner for case
// routing) and the events modules with a `stage` column subscribe to (merge, delete).
import type { ModuleDef } from '../module.ts';
import { registerStageRoutes } from './stages.routes.ts';

export {
  ensureStageKeys,
  listStageTargets,
  stageInUse,
  stageKeysOwnedBy,
  stageNamesOf,
  stageOwnerOf,
  unknownStageKeys,
  type StageTargetsView,
} from './stages.lookups.ts';
export {
  stageDeleting,
  stagesMerged,
  type StageDeleting,
  type StagesMerged,
} from './stage-events.ts';
export { presentStage } from './stages.routes.ts';

export const stagesModule: ModuleDef = { name: 'stages', routes: registerStageRoutes };
