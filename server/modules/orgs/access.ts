// Who is calling (issue 19): a session cookie — alive until its lifetime ends, it stays unused
// for the idle timeout, or it is revoked — or an API key, whose scopes, expiry and creator's
// role are checked on every request.
import type { Config } from '../../config.ts';
import type { DbOrTrx } from '../../db/types.ts';
import { AppError } from '../../http/errors.ts';
import type { Clock } from '../../lib/clock.ts';
import { sha256 } from '../../lib/crypto.ts';
import type { Actor } from '../../lib/permissions.ts';
import { requestMeta } from '../../lib/request-meta.ts';
import { API_SCOPES, roleAllowsScope, type ApiScope } from '../../../shared/domain/api-scopes.ts';
import { ROLE_RANK } from '../../../shared/domain/permissions.ts';
import * as access from './access.repo.ts';
import { cachedKey, rememberKey } from './api-key-cache.ts';

/** last_seen_at is written at most once a minute per session: reads do not write each time. */
const TOUCH_EVERY_MS = 60_000;

export interface AccessDeps {
  db: DbOrTrx;
  clock: Clock;
  config: Pick<Config, 'security'>;
}

export interface SessionActor {
  actor: Actor;
  csrfToken: string;
  /** The organisation (or an admin's reset) requires a second factor this person has not set up. */
  enrolmentRequired: boolean;
}

export async function authenticateSession(
  deps: AccessDeps,
  token: string,
): Promise<SessionActor | undefined> {
  const s = await access.findSessionWithUser(deps.db, sha256(token));
  const now = deps.clock.now();
  if (!s || s.disabledAt || s.expiresAt <= now.toISOString()) return undefined;
  const lastSeen = Date.parse(s.lastSeenAt ?? s.createdAt);
  const idleMs = deps.config.security.sessionIdleMinutes * 60_000;
  if (now.getTime() - lastSeen >= idleMs) {
    await access.deleteSession(deps.db, s.sessionId);
    return undefined;
  }
  if (now.getTime() - lastSeen >= TOUCH_EVERY_MS)
    await access.touchSession(deps.db, s.sessionId, now.toISOString());
  const mustEnrol = Number(s.requireTwoFactor) === 1 || s.totpResetAt != null;
  return {
    actor: { type: 'user', id: s.userId, orgId: s.orgId, role: s.role, sessionId: s.sessionId },
    csrfToken: s.csrfToken,
    enrolmentRequired: mustEnrol && !s.totpEnabledAt,
  };
}

/** The scopes of a stored key, in the order of API_SCOPES (unknown words are dropped). */
export function parseScopes(stored: string): ApiScope[] {
  const words = new Set(stored.split(' '));
  return API_SCOPES.filter((s) => words.has(s));
}

/**
 * The actor of an API key; undefined for a missing, wrong or revoked key. An expired key, or one
 * whose creator was disabled or now has a lower role than the key or its scopes need, is refused
 * with its own code (a key never outlives its creator's role).
 */
export async function authenticateApiKey(
  deps: Pick<AccessDeps, 'db' | 'clock'>,
  secret: string,
): Promise<Actor | undefined> {
  const { db, clock } = deps;
  const hash = sha256(secret);
  const now = clock.now();
  const cached = cachedKey(db, hash, now.getTime());
  if (cached) return cached;
  const key = await access.findActiveApiKeyByHash(db, hash);
  if (!key) return undefined;
  if (key.expires_at && key.expires_at <= now.toISOString())
    throw new AppError('api_key_expired', 'The API key has expired');
  const scopes = parseScopes(key.scopes);
  if (key.created_by) {
    const creator = key.creator_role;
    if (
      !creator ||
      key.creator_disabled_at ||
      ROLE_RANK[creator] < ROLE_RANK[key.role] ||
      scopes.some((s) => !roleAllowsScope(creator, s))
    )
      throw new AppError(
        'api_key_exceeds_creator',
        'The person who created this API key no longer has the rights it needs',
      );
  }
  // last_used_at at minute resolution is enough and keeps intake from writing on every request.
  if (!key.last_used_at || now.getTime() - Date.parse(key.last_used_at) > 60_000) {
    await db
      .updateTable('api_keys')
      .set({ last_used_at: now.toISOString() })
      .where('id', '=', key.id)
      .execute();
  }
  const actor: Actor = { type: 'api_key', id: key.id, orgId: key.org_id, role: key.role, scopes };
  rememberKey(db, hash, actor, now.getTime(), key.expires_at);
  return actor;
}

/** The request's address and user agent, as a new session keeps them. */
export function sessionOrigin(): { ip: string | null; user_agent: string | null } {
  const meta = requestMeta();
  return { ip: meta.ip, user_agent: meta.userAgent };
}
