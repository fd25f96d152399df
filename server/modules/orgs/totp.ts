// TOTP (RFC 6238: SHA-1, 6 digits, 30-second steps) through the otpauth library. The secret is
// sealed at rest (server/lib/secret-box.ts, purpose totp_secret; migration 0042).
import { Secret, TOTP } from 'otpauth';
import { randomToken, sha256 } from '../../lib/crypto.ts';

export const TOTP_PERIOD_S = 30;
const ISSUER = 'ClientLoop';

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
