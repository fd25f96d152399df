import type { ModuleDef } from '../module.ts';
import { registerAccessRoutes } from './access.routes.ts';
import { registerAuthRoutes, registerOrgRoutes } from './orgs.routes.ts';
import { announceSetupToken } from './setup-token.ts';
import { registerTwoFactorAuthRoutes, registerTwoFactorRoutes } from './two-factor.routes.ts';

export const orgsModule: ModuleDef = {
  name: 'orgs',
  publicRoutes: (app, deps) => {
    registerAuthRoutes(app, deps);
    registerTwoFactorAuthRoutes(app, deps);
  },
  // On an empty instance beyond loopback: print the one-time set-up token.
  start: async (deps) => {
    await announceSetupToken(deps);
    return async () => undefined;
  },
  routes: (app, deps) => {
    registerOrgRoutes(app, deps);
    registerTwoFactorRoutes(app, deps);
    registerAccessRoutes(app, deps);
  },
};
