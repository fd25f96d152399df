// The surveys module's public surface: NPS / CSAT / CES surveys with open and personal links.
import type { ModuleDef } from '../module.ts';
import { registerSurveyPages } from './survey-page.ts';
import { registerSurveyRoutes } from './surveys.routes.ts';
import {
  clientsRegrouped,
  contactDeleting,
  contactErasing,
  contactExporting,
} from '../clients/index.ts';
import { orgTimeZoneChanged } from '../orgs/index.ts';
import {
  countInvitesOf,
  mergeInviteGroups,
  rebuildInviteGroups,
  regroupInviteGroups,
} from './invite-groups.ts';
import { eraseInvites, exportInvites } from './privacy.ts';

// Data-subject rights (issue 19): a contact's invitations in its export; erasure expires them.
contactExporting.subscribe('surveys.invites', exportInvites);
contactErasing.subscribe('surveys.invites', eraseInvites);
import { rewriteStageKey, stageKeyUsed } from '../../db/stage-keys.ts';
import { stageDeleting, stageInUse, stagesMerged } from '../stages/index.ts';

export { presentSurvey } from './surveys.routes.ts';
export { stageResponseRates, type InviteCount } from './response-rates.ts';
export { inviteGroupsOf, rebuildInviteGroups } from './invite-groups.ts';
export { listStageInvites, type StageInvite } from './stage-invites.ts';

// Stage keys on surveys follow a merge, and a stage still on one is not deleted (ADR 012).
stagesMerged.subscribe('surveys.surveys', (s, e) => rewriteStageKey(s.db, 'surveys', s.orgId, e));
// The response rate's counts per client group (ADR 018) follow their invitations.
stagesMerged.subscribe('surveys.invite_groups', mergeInviteGroups);
clientsRegrouped.subscribe('surveys.invite_groups', regroupInviteGroups);
contactDeleting.subscribe('surveys.invite_groups', (s, e) =>
  countInvitesOf(s, { contactIds: [e.contactId] }, -1),
);
orgTimeZoneChanged.subscribe('surveys.invite_groups', (s, e) => rebuildInviteGroups(s, e.to));
stageDeleting.subscribe('surveys.surveys', async (s, e) => {
  if (await stageKeyUsed(s.db, 'surveys', s.orgId, e.key)) throw stageInUse(e.key);
});

export const surveysModule: ModuleDef = {
  name: 'surveys',
  routes: registerSurveyRoutes,
  publicRoutes: registerSurveyPages,
};
