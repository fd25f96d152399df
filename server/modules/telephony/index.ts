// The telephony module's public surface: the call log, missed calls awaiting a call-back (the
// care inbox shows them as reminders) and the phone-line metrics for the scorecard.
import type { ModuleDef } from '../module.ts';
import { registerTelephonyRoutes } from './telephony.routes.ts';

export {
  getCallbackTargetMinutes,
  listClientCalls,
  missedCallsWithoutCallback,
} from './telephony.service.ts';
export { presentCall } from './telephony.routes.ts';
export { normalisePhone } from './phone.ts';

export const telephonyModule: ModuleDef = { name: 'telephony', routes: registerTelephonyRoutes };
