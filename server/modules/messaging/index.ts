// The messaging module's public surface: the outbox other modules queue messages into.
import type { ModuleDef } from '../module.ts';
import { messagingJobs } from './messaging.jobs.ts';
import { registerMessagingRoutes } from './messaging.routes.ts';

export {
  queueMessage,
  queueMessages,
  templateFor,
  type QueueMessageInput,
} from './messaging.service.ts';
export { presentMessage } from './messaging.routes.ts';
/** One of our sent messages (replies name it in In-Reply-To); undefined for another org's id. */
export { findMessage, listMessages as listMessagesForOrg } from './messaging.repo.ts';

export const messagingModule: ModuleDef = {
  name: 'messaging',
  routes: registerMessagingRoutes,
  jobs: messagingJobs,
};
