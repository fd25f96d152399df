// The phone normalisation lives in server/lib/phone.ts (employees match calls by it too).
export { hasNoDigits, normalisePhone } from '../../lib/phone.ts';
