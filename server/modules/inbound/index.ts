// The inbound module's public surface: e-mail in through the built-in SMTP receiver.
import type { ModuleDef } from '../module.ts';
import { registerInboundRoutes } from './inbound.routes.ts';
import { startReceiver } from './smtp-receiver.ts';
import { contactErasing, contactExporting } from '../clients/index.ts';
import { caseDeleting } from '../cases/index.ts';
import { detachCase, eraseInbound, exportInbound } from './privacy.ts';

// Data-subject rights (issue 19): mail from a contact in its export and erased with it.
contactExporting.subscribe('inbound.messages', exportInbound);
contactErasing.subscribe('inbound.messages', eraseInbound);
caseDeleting.subscribe('inbound.case_id', (s, e) => detachCase(s, e.caseId));

export { startReceiver, type RunningReceiver } from './smtp-receiver.ts';

export const inboundModule: ModuleDef = {
  name: 'inbound',
  routes: registerInboundRoutes,
  // Listens only when INBOUND_SMTP_PORT is set.
  start: async (deps) => {
    const port = deps.config.mail.inboundPort;
    if (port === undefined) return async () => undefined;
    const { maxBytes, maxBufferedBytes, maxClients, maxClientsPerAddress } = deps.config.mail;
    const receiver = await startReceiver(deps, {
      port,
      host: deps.config.http.host,
      maxBytes,
      maxBufferedBytes,
      maxClients,
      maxClientsPerAddress,
    });
    return receiver.stop;
  },
};
