import type { ModuleDef } from '../module.ts';
import { registerAuthRoutes, registerOrgRoutes } from './orgs.routes.ts';

export const orgsModule: ModuleDef = {
  name: 'orgs',
  publicRoutes: registerAuthRoutes,
  routes: registerOrgRoutes,
};
