// The messaging module's public surface: the outbox other modules queue messages into.
import type { ModuleDef } from '../module.ts';
import { passwordResetRequested } from '../orgs/index.ts';
import { queueMessage } from './messaging.service.ts';
import { messagingJobs } from './messaging.jobs.ts';
import { registerMessagingRoutes } from './messaging.routes.ts';
import { registerUnsubscribePage } from './unsubscribe-page.ts';
import { contactErasing, contactExporting } from '../clients/index.ts';
import { eraseMessages, exportMessages } from './privacy.ts';
export { eraseMessagesAbout } from './privacy.ts';

// Data-subject rights (issue 19): messages to a contact in its export, erased with it.
contactExporting.subscribe('messaging.messages', exportMessages);
contactErasing.subscribe('messaging.messages', eraseMessages);

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
export { messageFilterNaming, type MessageFilterIds } from './message-filter.ts';
export { attachFilesTo, type AttachmentRequest } from './message-attachments.ts';

// The password reset mail (issue 19): orgs stores the token, the outbox carries the link.
passwordResetRequested.subscribe('messaging.password_reset', async (ctx, e) => {
  await queueMessage(ctx, {
    kind: 'password_reset',
    to: e.email,
    language: e.language,
    vars: { name: e.name, resetUrl: e.resetUrl, validMinutes: String(e.validMinutes) },
    dedupeKey: `password_reset:${e.resetId}`,
  });
});

export const messagingModule: ModuleDef = {
  name: 'messaging',
  routes: registerMessagingRoutes,
  publicRoutes: registerUnsubscribePage,
  jobs: messagingJobs,
};
