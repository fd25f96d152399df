// The messaging module's public surface: the outbox other modules queue messages into.
import type { ModuleDef } from '../module.ts';
import { messagingJobs } from './messaging.jobs.ts';
import { registerMessagingRoutes } from './messaging.routes.ts';
import { registerUnsubscribePage } from './unsubscribe-page.ts';

export {
  queueMessage,
  queueMessages,
  templateFor,
  type QueueMessageInput,
} from './messaging.service.ts';
export { presentMessage } from './messaging.routes.ts';
export {
  findOwnMessage,
  lastDeliveryError,
  listSentMessagesOfClient,
} from './messaging.lookups.ts';
export { messageSent, type MessageSent, type SentCtx } from './message-sent.ts';

export const messagingModule: ModuleDef = {
  name: 'messaging',
  routes: registerMessagingRoutes,
  publicRoutes: registerUnsubscribePage,
  jobs: messagingJobs,
};
