// The orgs module's public surface: other modules import only from here.
import { listExported } from '../../http/list-export.ts';
import { recordAudit } from './audit.ts';
export {
  authenticateApiKey,
  authenticateSession,
  bootstrapFromConfig,
  createOrganisation,
  isSetupRequired,
  login,
  logout,
  setupInstance,
  type SystemDeps,
} from './auth.service.ts';
export { recordAudit } from './audit.ts';
export {
  passwordResetRequested,
  type PasswordResetRequested,
  type ResetCtx,
} from './password-reset.service.ts';
export { authenticate, authorizeScope } from './authenticate.ts';
export {
  findOrgUser,
  findOrgUsers,
  listActiveAdminsOf,
  listOrgIds,
  orgOf,
  orgTimeZone,
  pruneExpiredSessions,
} from './orgs.lookups.ts';
export { orgsModule } from './orgs.module.ts';
export { orgTimeZoneChanged, type OrgTimeZoneChanged } from './time-zone-changed.ts';

// Every list export is audited (issue 19).
listExported.subscribe('orgs.audit', (ctx, e) =>
  recordAudit(ctx, 'list.exported', undefined, { list: e.list, format: e.format, rows: e.rows }),
);
