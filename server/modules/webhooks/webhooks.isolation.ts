import { call } from '../../../tests/support/app.ts';
import type { IsolationFixtures } from '../../../tests/support/isolation.ts';
import { ctxFor } from '../../context.ts';
import { emitWebhookEvent } from './emit-event.ts';
import * as repo from './webhooks.repo.ts';

// A public documentation address (TEST-NET-3): passes the SSRF guard without DNS and is never
// called, because the isolation suite runs no worker.
const URL = 'https://203.0.113.10/clientloop';

export const isolationFixtures: IsolationFixtures = {
  '/api/v1/webhooks/:id': async (t, a) => {
    const hook = await call(t.app, a.apiKey, {
      method: 'POST',
      url: '/api/v1/webhooks',
      payload: { url: URL, events: ['case.updated'] },
    });
    return { params: { id: hook.json().id }, bodies: { PATCH: { active: false } } };
  },
  '/api/v1/webhooks/:id/deliveries': async (t, a) => {
    const hook = await call(t.app, a.apiKey, {
      method: 'POST',
      url: '/api/v1/webhooks',
      payload: { url: URL, events: ['case.updated'] },
    });
    return { params: { id: hook.json().id } };
  },
  '/api/v1/webhooks/:id/deliveries/:deliveryId/retry': async (t, a) => {
    const hook = await call(t.app, a.apiKey, {
      method: 'POST',
      url: '/api/v1/webhooks',
      payload: { url: URL, events: ['case.resolved'] },
    });
    const id: string = hook.json().id;
    await emitWebhookEvent(
      ctxFor(t.deps, { type: 'system', id: null, orgId: a.orgId, role: 'admin' }),
      'case.resolved',
      { caseId: 'iso' },
    );
    const [delivery] = await repo.listDeliveries(t.deps.db, a.orgId, id, undefined, 1);
    // A failed delivery, so only tenancy (not its status) decides B's answer.
    await repo.recordDeliveryAttempt(t.deps.db, a.orgId, delivery!.id, {
      status: 'failed',
      response_status: 500,
      last_error: 'test',
      delivered_at: null,
    });
    return { params: { id, deliveryId: delivery!.id } };
  },
};
