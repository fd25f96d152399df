// The surveys module's public surface: NPS / CSAT / CES surveys with open and personal links.
import type { ModuleDef } from '../module.ts';
import { registerSurveyPages } from './survey-page.ts';
import { registerSurveyRoutes } from './surveys.routes.ts';

export { presentSurvey } from './surveys.routes.ts';

export const surveysModule: ModuleDef = {
  name: 'surveys',
  routes: registerSurveyRoutes,
  publicRoutes: registerSurveyPages,
};
