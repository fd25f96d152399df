// The competencies module's public surface (loop layer, issue 18; docs/competencies.md): the
// competency model per position, assessments (360 anonymous below a threshold), gaps, training
// plan items and onboarding checklists. The scorecard reads coverage and stage gaps; the
// strategy map reads training items.
import type { ModuleDef } from '../module.ts';
import { employeeCreated } from '../employees/index.ts';
import { registerCompetencyRoutes } from './competencies.routes.ts';
import { onEmployeeCreated } from './onboarding.service.ts';
import { registerTrainingExport } from './training-export.routes.ts';
import { registerTrainingRoutes } from './training.routes.ts';

export {
  competencyCoverage,
  coverageByStage,
  stageCompetencyGaps,
  type Coverage,
  type StageCompetencyGap,
} from './gaps.service.ts';
export { trainingItemRefs, trainingItemsByIds, type TrainingItemRef } from './training.service.ts';

// A new hire gets the onboarding checklist in the transaction that adds them.
employeeCreated.subscribe('competencies.onboarding', onEmployeeCreated);

export const competenciesModule: ModuleDef = {
  name: 'competencies',
  routes: (app, deps) => {
    registerCompetencyRoutes(app, deps);
    registerTrainingRoutes(app, deps);
    registerTrainingExport(app, deps);
  },
};
