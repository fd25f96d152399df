// Every module of ClientLoop, in the order their routes and jobs are registered.
import type { ModuleDef } from './module.ts';
import { casesModule } from './cases/index.ts';
import { clientsModule } from './clients/index.ts';
import { feedbackModule } from './feedback/index.ts';
import { messagingModule } from './messaging/index.ts';
import { metricsModule } from './metrics/index.ts';
import { orgsModule } from './orgs/index.ts';
import { webhooksModule } from './webhooks/index.ts';
import { surveysModule } from './surveys/index.ts';
import { inboundModule } from './inbound/index.ts';
import { importsModule } from './imports/index.ts';
import { careModule } from './care/index.ts';
import { telephonyModule } from './telephony/index.ts';
import { textModule } from './text/index.ts';
import { economicsModule } from './economics/index.ts';
import { employeesModule } from './employees/index.ts';
import { stagesModule } from './stages/index.ts';
import { pulseModule } from './pulse/index.ts';
import { scorecardModule } from './scorecard/index.ts';
import { arbiterModule } from './arbiter/index.ts';
import { reportsModule } from './reports/index.ts';
import { portfolioModule } from './portfolio/index.ts';
import { opportunitiesModule } from './opportunities/index.ts';
import { strategyModule } from './strategy/index.ts';
import { competenciesModule } from './competencies/index.ts';
import { backlogModule } from './backlog/index.ts';
import { searchModule } from './search/index.ts';
import { notificationsModule } from './notifications/index.ts';

export const modules: ModuleDef[] = [
  orgsModule,
  clientsModule,
  employeesModule,
  stagesModule,
  feedbackModule,
  casesModule,
  messagingModule,
  metricsModule,
  webhooksModule,
  surveysModule,
  inboundModule,
  notificationsModule,
  importsModule,
  telephonyModule,
  textModule,
  careModule,
  pulseModule,
  competenciesModule,
  economicsModule,
  scorecardModule,
  arbiterModule,
  reportsModule,
  portfolioModule,
  opportunitiesModule,
  strategyModule,
  backlogModule,
  searchModule,
];
