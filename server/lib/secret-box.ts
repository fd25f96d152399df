// Secrets at rest whose plaintext we must use again (issue 19): webhook signing secrets (to sign
// each delivery), TOTP secrets (to check a code) and personal survey links (shown again to the
// people who may send them). Each is sealed with AES-256-GCM: `s2.<key id>.<iv>.<ct>.<tag>`,
// base64url parts, the purpose (webhook_secret, totp_secret, survey_invite) as associated data so
// a sealed value cannot be moved to another column. Secrets we only need to recognise (session
// and API keys, reset and recovery codes, invitation tokens) are stored as SHA-256 instead.
//
// Keys: by default the random instance key 'secrets_key' (migration 0042; it is in the database,
// so it protects a copy of one table, not a copy of the database). SECRETS_KEYS (comma-separated,
// each ≥ 32 characters; `stored` names the instance key) keeps the key out of the database and its
// backups: the first key seals, every key listed opens. Rotation: `SECRETS_KEYS=<new>,<old>`;
// at start every sealed value is sealed again with the first key (rewrapSecrets), after which the
// old key may be removed. A value sealed with a key that is not listed stops the start.
//
// Migration 0042 writes this format itself (a migration does not import live code): change both.
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import type { Config } from '../config.ts';
import type { DbOrTrx } from '../db/types.ts';

export const SECRETS_KEY = 'secrets_key';
export type SecretPurpose = 'webhook_secret' | 'totp_secret' | 'survey_invite';

interface Key {
  id: string;
  aes: Buffer;
}

/** A key's id (8 hex characters, no secret) and its AES key, both derived from the raw key. */
export function deriveKey(raw: Buffer): Key {
  return {
    id: createHash('sha256')
      .update('clientloop secrets key id\0')
      .update(raw)
      .digest('hex')
      .slice(0, 8),
    aes: createHmac('sha256', raw).update('clientloop secrets enc v2').digest(),
  };
}

const rings = new WeakMap<object, Promise<readonly Key[]>>();

async function readRing(deps: { config: Config; db: DbOrTrx }): Promise<readonly Key[]> {
  const named = deps.config.security.secretsKeys;
  const list = named.length ? named : ['stored'];
  let stored: Buffer | undefined;
  if (list.includes('stored')) {
    const row = await deps.db
      .selectFrom('instance_settings')
      .select('value')
      .where('key', '=', SECRETS_KEY)
      .executeTakeFirst();
    if (!row) throw new Error(`instance setting ${SECRETS_KEY} is missing: run the migrations`);
    stored = Buffer.from(row.value, 'hex');
  }
  return list.map((k) => deriveKey(k === 'stored' ? stored! : Buffer.from(k, 'utf8')));
}

/** The keys of a Config, read once (the first caller's database handle reads the stored key). */
export function secretKeys(deps: { config: Config; db: DbOrTrx }): Promise<readonly Key[]> {
  let ring = rings.get(deps.config);
  if (!ring) {
    ring = readRing(deps);
    rings.set(deps.config, ring);
    ring.catch(() => rings.delete(deps.config));
  }
  return ring;
}

/** Forgets a Config's keys, as a restart would (after a test replaced the stored key). */
export function forgetSecretKeys(config: Config): void {
  rings.delete(config);
}

export function sealWith(keys: readonly Key[], purpose: SecretPurpose, plaintext: string): string {
  const key = keys[0]!;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key.aes, iv).setAAD(Buffer.from(purpose));
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['s2', key.id, ...[iv, ct, cipher.getAuthTag()].map((b) => b.toString('base64url'))].join(
    '.',
  );
}

/** The id of the key that sealed a value (undefined when it is not a sealed value). */
export function sealedKeyId(sealed: string): string | undefined {
  const m = /^s2\.([0-9a-f]{8})\./.exec(sealed);
  return m?.[1];
}

export function openWith(keys: readonly Key[], purpose: SecretPurpose, sealed: string): string {
  const [version, id, iv, ct, tag] = sealed.split('.');
  if (version !== 's2' || !iv || ct === undefined || !tag) throw new Error('not a sealed secret');
  const key = keys.find((k) => k.id === id);
  if (!key) throw new Error(`the key ${id} that sealed this secret is not in SECRETS_KEYS`);
  const decipher = createDecipheriv('aes-256-gcm', key.aes, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(purpose)).setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString(
    'utf8',
  );
}

export async function seal(
  deps: { config: Config; db: DbOrTrx },
  purpose: SecretPurpose,
  plaintext: string,
): Promise<string> {
  return sealWith(await secretKeys(deps), purpose, plaintext);
}

export async function open(
  deps: { config: Config; db: DbOrTrx },
  purpose: SecretPurpose,
  sealed: string,
): Promise<string> {
  return openWith(await secretKeys(deps), purpose, sealed);
}
