// The token of an unsubscribe link (/unsubscribe/{token}): it names a contact and its
// organisation, can be made only with the instance key (migration 0018, instance_settings
// 'unsubscribe_key') and says nothing readable. The two ids (32 bytes) are encrypted with
// AES-256-CBC under a fixed IV — deterministic on purpose, so every message to a contact carries
// the same link and the send job can rebuild it for the List-Unsubscribe header — and an
// HMAC-SHA-256 tag (16 bytes) over the ciphertext is checked first, in constant time, so a forged
// or altered token is refused before anything is decrypted or read from the database.
import { createCipheriv, createDecipheriv, createHmac, timingSafeEqual } from 'node:crypto';

const TAG_BYTES = 16;
const IV = Buffer.alloc(16);
const TOKEN_RE = /^[A-Za-z0-9_-]{64}$/;

export interface UnsubscribeKeys {
  enc: Buffer;
  mac: Buffer;
}

/** The two keys derived from the instance secret (hex). */
export function unsubscribeKeys(secretHex: string): UnsubscribeKeys {
  const secret = Buffer.from(secretHex, 'hex');
  const derive = (label: string) => createHmac('sha256', secret).update(label).digest();
  return { enc: derive('clientloop unsubscribe enc'), mac: derive('clientloop unsubscribe mac') };
}

const uuidBytes = (id: string) => Buffer.from(id.replace(/-/g, ''), 'hex');
const uuidOf = (b: Buffer) => {
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};
const tagOf = (keys: UnsubscribeKeys, ct: Buffer) =>
  createHmac('sha256', keys.mac).update(ct).digest().subarray(0, TAG_BYTES);

export function makeUnsubscribeToken(
  keys: UnsubscribeKeys,
  orgId: string,
  contactId: string,
): string {
  const cipher = createCipheriv('aes-256-cbc', keys.enc, IV).setAutoPadding(false);
  const ct = Buffer.concat([
    cipher.update(Buffer.concat([uuidBytes(contactId), uuidBytes(orgId)])),
    cipher.final(),
  ]);
  return Buffer.concat([ct, tagOf(keys, ct)]).toString('base64url');
}

/** The contact and organisation a token names, or undefined for anything not made by us. */
export function readUnsubscribeToken(
  keys: UnsubscribeKeys,
  token: string,
): { orgId: string; contactId: string } | undefined {
  if (!TOKEN_RE.test(token)) return undefined;
  const raw = Buffer.from(token, 'base64url');
  if (raw.length !== 32 + TAG_BYTES) return undefined;
  const ct = raw.subarray(0, 32);
  if (!timingSafeEqual(raw.subarray(32), tagOf(keys, ct))) return undefined;
  const decipher = createDecipheriv('aes-256-cbc', keys.enc, IV).setAutoPadding(false);
  const plain = Buffer.concat([decipher.update(ct), decipher.final()]);
  return { contactId: uuidOf(plain.subarray(0, 16)), orgId: uuidOf(plain.subarray(16)) };
}
