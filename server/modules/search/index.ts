// The search module's public surface (issue 21, finding things): the global search across the
// modules that own each kind, and each person's saved views of the lists.
import type { ModuleDef } from '../module.ts';
import { registerSavedViewRoutes } from './saved-views.routes.ts';
import { registerSearchRoutes } from './search.routes.ts';

export { searchEverything } from './search.service.ts';

export const searchModule: ModuleDef = {
  name: 'search',
  routes: (app, deps) => {
    registerSearchRoutes(app, deps);
    registerSavedViewRoutes(app, deps);
  },
};
