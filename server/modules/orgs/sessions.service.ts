// A person's own sign-ins (issue 19): the list of their open sessions, ending one of them, and
// signing out everywhere; and an admin's reset of another person's second factor. Sessions are
// read from the database on every request (never cached), so an ended session is refused at once.
import type { Ctx } from '../../context.ts';
import { inTransaction } from '../../context.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { assertCan } from '../../lib/permissions.ts';
import * as access from './access.repo.ts';
import { recordAudit } from './audit.ts';
import * as credentials from './credentials.repo.ts';
import * as repo from './orgs.repo.ts';

function signedInPerson(ctx: Ctx): string {
  if (ctx.actor.type !== 'user' || !ctx.actor.id)
    throw forbidden('Only a signed-in person has sessions');
  return ctx.actor.id;
}

export async function listMySessions(ctx: Ctx) {
  const userId = signedInPerson(ctx);
  const rows = await access.listUserSessions(
    ctx.db,
    ctx.orgId,
    userId,
    ctx.clock.now().toISOString(),
  );
  return rows.map((s) => ({
    id: s.id,
    createdAt: s.created_at,
    lastSeenAt: s.last_seen_at ?? s.created_at,
    expiresAt: s.expires_at,
    ip: s.ip,
    userAgent: s.user_agent,
    current: s.id === ctx.actor.sessionId,
  }));
}

/** Ends one of the caller's sessions (404 for anyone else's). */
export async function revokeMySession(ctx: Ctx, id: string): Promise<void> {
  const userId = signedInPerson(ctx);
  await inTransaction(ctx, async (tx) => {
    if (!(await access.deleteUserSession(tx.db, tx.orgId, userId, id))) throw notFound('Session');
    await recordAudit(tx, 'session.revoked', { type: 'user', id: userId }, { session: id });
  });
}

/** Ends every session of the caller, this one included. */
export async function signOutEverywhere(ctx: Ctx): Promise<void> {
  const userId = signedInPerson(ctx);
  await inTransaction(ctx, async (tx) => {
    await repo.deleteUserSessions(tx.db, tx.orgId, userId);
    await recordAudit(tx, 'session.revoked_all', { type: 'user', id: userId });
  });
}

/**
 * An admin switches another person's second factor off (a lost phone): the secret and recovery
 * codes go, their sessions and sign-in challenges end, and they must set it up again at their
 * next sign-in (users.totp_reset_at), whether or not the organisation requires it.
 */
export async function resetTwoFactor(ctx: Ctx, userId: string) {
  assertCan(ctx.actor, 'users.manage');
  return inTransaction(ctx, async (tx) => {
    await repo.getUser(tx.db, tx.orgId, userId);
    await credentials.resetTotp(tx.db, tx.orgId, userId, tx.clock.now().toISOString());
    await credentials.replaceRecoveryCodes(tx.db, tx.orgId, userId, []);
    await credentials.deleteUserChallenges(tx.db, tx.orgId, userId);
    await repo.deleteUserSessions(tx.db, tx.orgId, userId);
    await recordAudit(tx, 'user.two_factor_reset', { type: 'user', id: userId });
    return repo.getUser(tx.db, tx.orgId, userId);
  });
}
