import type { ModuleDef } from '../module.ts';
import { registerAccessRoutes } from './access.routes.ts';
import { registerAuthRoutes, registerOrgRoutes } from './orgs.routes.ts';
import { registerTwoFactorAuthRoutes, registerTwoFactorRoutes } from './two-factor.routes.ts';

export const orgsModule: ModuleDef = {
  name: 'orgs',
  publicRoutes: (app, deps) => {
    registerAuthRoutes(app, deps);
    registerTwoFactorAuthRoutes(app, deps);
  },
  routes: (app, deps) => {
    registerOrgRoutes(app, deps);
    registerTwoFactorRoutes(app, deps);
    registerAccessRoutes(app, deps);
  },
};
