// The one place that builds links to public pages and to the app: the status page and its rating
// link (acknowledgements, case messages, API answers), survey links (invitations, open link, QR
// code), unsubscribe links, and app pages named in staff mail (escalations, digest). PUBLIC_URL has no trailing slash
// (config.ts strips it). The paths are also what the public routes are registered under.

import { statusLinkOf } from './status-link.ts';

/** The part of Config these need; Config itself fits (status links need its loaded keys). */
export interface PublicUrlConfig {
  http: { publicUrl: string };
}

/** `/status/{ref}`: the public status page of a feedback record or case. */
export const statusPath = (ref: string) => `/status/${ref}`;
/** `/status/{ref}/rate`: where a client rates how the case was resolved. */
export const ratePath = (ref: string) => `${statusPath(ref)}/rate`;
/** `/s/{token}`: the personal survey link of an invitation. */
export const surveyInvitePath = (token: string) => `/s/${token}`;
/** `/s/o/{openToken}`: the open survey link anyone may answer (QR code). */
export const surveyOpenPath = (openToken: string) => `/s/o/${openToken}`;

/** `/unsubscribe/{token}`: where a contact leaves our notifications (issue 15). */
export const unsubscribePath = (token: string) => `/unsubscribe/${token}`;
/** `/p/{token}`: the personal link of an eNPS pulse invitation (anonymous answer page). */
export const pulseInvitePath = (token: string) => `/p/${token}`;
/** `/p/t/{token}`: the shared eNPS pulse link of one team. */
export const pulseTeamPath = (token: string) => `/p/t/${token}`;

/** An absolute link to any path of the app or its public pages. */
export const publicUrl = (config: PublicUrlConfig, path: string) =>
  `${config.http.publicUrl}${path}`;

/** The status page of a reference, with the link's tag (status-link.ts: ≥ 96 bits). */
export const statusUrl = (config: PublicUrlConfig, ref: string) =>
  publicUrl(config, statusPath(statusLinkOf(config, ref)));
export const rateUrl = (config: PublicUrlConfig, ref: string) =>
  publicUrl(config, ratePath(statusLinkOf(config, ref)));
export const surveyInviteUrl = (config: PublicUrlConfig, token: string) =>
  publicUrl(config, surveyInvitePath(token));
export const surveyOpenUrl = (config: PublicUrlConfig, openToken: string) =>
  publicUrl(config, surveyOpenPath(openToken));
export const unsubscribeUrl = (config: PublicUrlConfig, token: string) =>
  publicUrl(config, unsubscribePath(token));
export const pulseInviteUrl = (config: PublicUrlConfig, token: string) =>
  publicUrl(config, pulseInvitePath(token));
export const pulseTeamUrl = (config: PublicUrlConfig, token: string) =>
  publicUrl(config, pulseTeamPath(token));
/** The staff page of a case in the app (escalation mail). */
export const caseUrl = (config: PublicUrlConfig, caseId: string) =>
  publicUrl(config, `/cases/${caseId}`);
