// The one-time set-up token (issue 19): an instance that listens beyond loopback and has no
// organisation yet must not be claimable by whoever reaches it first. Either the operator sets
// SETUP_TOKEN, or the first process to start makes one, keeps it in instance_settings (so every
// process of a PostgreSQL deployment prints the same) and prints it to the server log. First-run
// set-up then needs it; it is deleted when the set-up succeeds. On loopback nothing changes.
import type { Config } from '../../config.ts';
import type { DbOrTrx } from '../../db/types.ts';
import { AppError } from '../../http/errors.ts';
import { randomToken, safeEqual } from '../../lib/crypto.ts';
import * as repo from './orgs.repo.ts';
import { deleteInstanceSetting, instanceSetting } from './setup-token.repo.ts';
import type { SystemDeps } from './session-start.ts';

const TOKEN_KEY = 'setup_token';
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost', '[::1]']);

/** Whether the HTTP listener is reachable only from this machine. */
export function listensOnLoopbackOnly(host: string): boolean {
  return LOOPBACK.has(host.toLowerCase()) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export function setupTokenRequired(config: Config): boolean {
  return !listensOnLoopbackOnly(config.http.host);
}

/**
 * At start of the web role: on an empty instance beyond loopback without SETUP_TOKEN, make (or
 * reuse) the stored token and print it, so the operator can pass it to the set-up page.
 */
export async function announceSetupToken(sys: SystemDeps): Promise<void> {
  if (!setupTokenRequired(sys.config) || sys.config.security.setupToken) return;
  if ((await repo.countOrgs(sys.db)) > 0) return;
  const at = sys.clock.now().toISOString();
  await repo.claimInstanceSetting(sys.db, TOKEN_KEY, `st_${randomToken(24)}`, at);
  const token = await instanceSetting(sys.db, TOKEN_KEY);
  if (!token) return;
  // In the message, not in a field: the redaction of *.token fields must not hide this one.
  sys.log.warn(
    `First-run set-up is open to the network (HOST=${sys.config.http.host}). ` +
      `Set-up token: ${token} — enter it on the set-up page; it works once.`,
  );
}

/** Refuses a set-up beyond loopback without the right token; in the set-up's transaction. */
export async function checkSetupToken(
  sys: SystemDeps,
  trx: DbOrTrx,
  given: string | undefined,
): Promise<void> {
  if (!setupTokenRequired(sys.config)) return;
  const expected = sys.config.security.setupToken ?? (await instanceSetting(trx, TOKEN_KEY));
  if (!given || !expected || !safeEqual(given, expected))
    throw new AppError(
      'setup_token_invalid',
      'First-run set-up over the network needs the set-up token from the server log',
    );
  await deleteInstanceSetting(trx, TOKEN_KEY);
}
