// The webhooks module's public surface: other modules import only from here.
export { emitWebhookEvent, emitWebhookEvents } from './emit-event.ts';
export { webhooksModule } from './webhooks.module.ts';
export { eraseCaseDeliveries } from './privacy.ts';
export type { WebhookEvent } from '../../../shared/api/webhooks.ts';
