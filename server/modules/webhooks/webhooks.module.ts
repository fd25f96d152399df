import type { ModuleDef } from '../module.ts';
import { systemNetwork, type WebhookNetwork } from '../../lib/net/network.ts';
import { webhookJobs } from './webhooks.jobs.ts';
import { registerWebhookRoutes } from './webhooks.routes.ts';

/** The module over a given network; tests build one with a stub resolver and sender. */
export function createWebhooksModule(net: WebhookNetwork = systemNetwork): ModuleDef {
  return {
    name: 'webhooks',
    routes: (app, deps) => registerWebhookRoutes(app, deps, net),
    jobs: (deps) => webhookJobs(deps, net),
  };
}

export const webhooksModule: ModuleDef = createWebhooksModule();
