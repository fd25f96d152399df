// TOTP (RFC 6238: SHA-1, 6 digits, 30-second steps) through the otpauth library, and the secret's
// encryption at rest: AES-256-GCM with a random IV under a key derived from the instance secret
// 'totp_key' (migration 0024), so a copy of the users table alone does not give anyone's codes.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { randomToken, sha256 } from '../../lib/crypto.ts';

export const TOTP_PERIOD_S = 30;
const ISSUER = 'ClientLoop';

function keyOf(instanceSecretHex: string): Buffer {
  return createHmac('sha256', Buffer.from(instanceSecretHex, 'hex'))
    .update('clientloop totp enc')
    .digest();
}

/** `v1.<iv>.<ciphertext>.<tag>`, base64url parts. */
export function encryptSecret(instanceSecretHex: string, base32: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(instanceSecretHex), iv);
  const ct = Buffer.concat([cipher.update(base32, 'utf8'), cipher.final()]);
  return ['v1', iv, ct, cipher.getAuthTag()]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

export function decryptSecret(instanceSecretHex: string, stored: string): string {
  const [version, iv, ct, tag] = stored.split('.');
  if (version !== 'v1' || !iv || !ct || !tag) throw new Error('unknown TOTP secret format');
  const decipher = createDecipheriv(
    'aes-256-gcm',
    keyOf(instanceSecretHex),
    Buffer.from(iv, 'base64url'),
  );
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString(
    'utf8',
  );
}

export function newSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totpOf(base32: string, account = ''): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label: account,
    algorithm: 'SHA1',
    digits: 6,
    period: TOTP_PERIOD_S,
    secret: Secret.fromBase32(base32),
  });
}

/** The otpauth:// URI an authenticator app reads (from the QR code). */
export function otpauthUri(base32: string, account: string): string {
  return totpOf(base32, account).toString();
}

/** The code of a moment (tests compute codes with it and a fixed clock). */
export function codeAt(base32: string, at: Date): string {
  return totpOf(base32).generate({ timestamp: at.getTime() });
}

/**
 * The time step a code belongs to when it is valid now (±1 step for clock drift), else undefined.
 * The caller must still claim the step so that no code is accepted twice.
 */
export function stepOfCode(base32: string, code: string, at: Date): number | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  const delta = totpOf(base32).validate({ token: code, timestamp: at.getTime(), window: 1 });
  if (delta === null) return undefined;
  return Math.floor(at.getTime() / 1000 / TOTP_PERIOD_S) + delta;
}

/** Ten one-time recovery codes, `xxxxx-xxxxx` (50 bits each), shown once and stored as SHA-256. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: 10 }, () => {
    const raw = randomToken(16)
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '')
      .slice(0, 10)
      .padEnd(10, '0');
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
}

/** Recovery codes are compared without case, spaces or dashes. */
export function recoveryHash(code: string): string {
  return sha256(`recovery:${code.toLowerCase().replace(/[^a-z0-9]/g, '')}`);
}
