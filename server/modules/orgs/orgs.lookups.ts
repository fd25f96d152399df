// Reads (and one housekeeping write) the modules above orgs need. Services without a role check:
// callers have checked. Every read is scoped by the organisation.
import type { OrgScope } from '../../context.ts';
import type { DbOrTrx, OrgsTable, UsersTable } from '../../db/types.ts';
import * as repo from './orgs.repo.ts';

/** A person of the organisation (disabled ones too); undefined for another org's id. */
export async function findOrgUser(s: OrgScope, userId: string): Promise<UsersTable | undefined> {
  return repo.findUser(s.db, s.orgId, userId);
}

/** The organisation's people among `ids` and with one of `emails` (lower-cased), in one query. */
export async function findOrgUsers(
  s: OrgScope,
  keys: { ids?: readonly string[]; emails?: readonly string[] },
): Promise<UsersTable[]> {
  return repo.listUsersByIdsOrEmails(s.db, s.orgId, keys.ids ?? [], keys.emails ?? []);
}

/** The organisation's row (name, time zone, language); throws not_found when it is gone. */
export async function orgOf(s: OrgScope): Promise<OrgsTable> {
  return repo.getOrg(s.db, s.orgId);
}

/**
 * The organisation's IANA time zone: the one its calendar days and months are counted in
 * (periods, local days). UTC for organisations that never set one.
 */
export async function orgTimeZone(s: OrgScope): Promise<string> {
  return (await repo.getOrg(s.db, s.orgId)).time_zone ?? 'UTC';
}

export async function listActiveAdminsOf(s: OrgScope): Promise<UsersTable[]> {
  return repo.listActiveAdmins(s.db, s.orgId);
}

/** Instance-wide housekeeping run by the worker; returns how many sessions it removed. */
export async function pruneExpiredSessions(db: DbOrTrx, nowIso: string): Promise<number> {
  return repo.deleteExpiredSessions(db, nowIso);
}

/** Every organisation's id, for instance-wide schedules that work per organisation. */
export async function listOrgIds(db: DbOrTrx): Promise<string[]> {
  return repo.listOrgIds(db);
}
