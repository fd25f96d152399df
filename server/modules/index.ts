// Every module of ClientLoop, in the order their routes and jobs are registered.
import type { ModuleDef } from './module.ts';
import { orgsModule } from './orgs/index.ts';

export const modules: ModuleDef[] = [orgsModule];
