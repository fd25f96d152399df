// The telephony module's public surface: the call log, missed calls awaiting a call-back (the
// care inbox shows them as reminders) and the phone-line metrics for the scorecard.
import type { ModuleDef } from '../module.ts';
import { registerTelephonyRoutes } from './telephony.routes.ts';
import { rewriteStageKey, stageKeyUsed } from '../../db/stage-keys.ts';
import { stageDeleting, stageInUse, stagesMerged } from '../stages/index.ts';
import { orgTimeZoneChanged } from '../orgs/index.ts';
import { mergeCallRollup, rebuildCallRollup } from './call-rollup.ts';
import { clientDeleting, contactErasing, contactExporting } from '../clients/index.ts';
import { eraseCalls, exportCalls, refuseClientWithCalls } from './privacy.ts';

// Data-subject rights (issue 19): a contact's calls in its export, its phone erased from them.
contactExporting.subscribe('telephony.calls', exportCalls);
contactErasing.subscribe('telephony.calls', eraseCalls);
clientDeleting.subscribe('telephony.calls', (s, e) => refuseClientWithCalls(s, e.clientId));

export {
  getCallbackTargetMinutes,
  getOperationsMetrics,
  listClientCalls,
  missedCallsWithoutCallback,
} from './telephony.service.ts';
export { phoneMetricsByPeriod, rebuildCallRollup, type PhoneFigures } from './call-rollup.ts';
export { presentCall } from './telephony.routes.ts';
export { listStageCalls, type StageCall } from './stage-calls.ts';
export { normalisePhone } from './phone.ts';

// Stage keys on calls follow a merge, and a stage still on one is not deleted (ADR 012).
stagesMerged.subscribe('telephony.calls', async (s, e) => {
  await rewriteStageKey(s.db, 'calls', s.orgId, e);
  await mergeCallRollup(s, e);
});
// The phone rollup counts periods of the organisation's zone: a new zone counts them again.
orgTimeZoneChanged.subscribe('telephony.call_rollups', (s) => rebuildCallRollup(s));
stageDeleting.subscribe('telephony.calls', async (s, e) => {
  if (await stageKeyUsed(s.db, 'calls', s.orgId, e.key)) throw stageInUse(e.key);
});

export const telephonyModule: ModuleDef = { name: 'telephony', routes: registerTelephonyRoutes };
