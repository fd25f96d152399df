// The event orgs emits when an organisation's time zone changes, inside the transaction that
// changes it (ADR 008): modules that keep counts per month of that zone count them again
// (feedback's score rollup, ADR 013).
import type { OrgScope } from '../../context.ts';
import { createHook } from '../../lib/hook.ts';

export interface OrgTimeZoneChanged {
  from: string;
  to: string;
}

export const orgTimeZoneChanged = createHook<OrgScope, OrgTimeZoneChanged>(
  'orgs.time_zone_changed',
);
