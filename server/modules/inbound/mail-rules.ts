// What the receiver decides from addresses and headers alone: which organisation a recipient
// names, whether a message is machine-made (never answered, so two robots cannot loop), and which
// of our own messages or references a reply points at. Pure, no I/O.
import { randomBytes } from 'node:crypto';

/** Local part prefix of the documented address form feedback+<token>@host. */
export const ADDRESS_PREFIX = 'feedback+';

// Lower-case letters and digits only: local parts are case-insensitive in practice, and people
// retype addresses. 14 characters from 32 symbols is 70 bits, not guessable.
const TOKEN_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';
const TOKEN_RE = /^[a-z2-9]{14}$/;

export function newInboundToken(): string {
  let out = '';
  for (const b of randomBytes(14)) out += TOKEN_ALPHABET[b & 31];
  return out;
}

/** The token a recipient names (feedback+<token>@… or <token>@…), or null when it names none. */
export function tokenOfRecipient(address: string): string | null {
  const at = address.lastIndexOf('@');
  let local = (at >= 0 ? address.slice(0, at) : address).trim().toLowerCase();
  if (local.startsWith(ADDRESS_PREFIX)) local = local.slice(ADDRESS_PREFIX.length);
  return TOKEN_RE.test(local) ? local : null;
}

export function inboundAddressOf(token: string, publicUrl: string): string {
  let host = 'localhost';
  try {
    host = new URL(publicUrl).hostname || host;
  } catch {
    // config validated PUBLIC_URL; keep a usable address anyway
  }
  return `${ADDRESS_PREFIX}${token}@${host}`;
}

/** Header values as mailparser gives them: strings, arrays, or structured objects. */
export type HeaderLookup = { get(name: string): unknown };

function headerText(headers: HeaderLookup, name: string): string {
  const v = headers.get(name);
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && 'value' in (v as object))
    return String((v as { value: unknown }).value ?? '');
  return String(v);
}

/**
 * Out-of-office replies, bounces and bulk mail (RFC 3834): acknowledging them would start a mail
 * loop or thank a robot. `envelopeFrom` is the SMTP MAIL FROM ('' for the null sender of bounces).
 */
export function isAutomatedMail(
  headers: HeaderLookup,
  envelopeFrom: string,
  fromAddress: string,
): boolean {
  const autoSubmitted = headerText(headers, 'auto-submitted').trim().toLowerCase();
  if (autoSubmitted && autoSubmitted !== 'no') return true;
  if (headers.get('x-autoreply') !== undefined || headers.get('x-autorespond') !== undefined)
    return true;
  if (/^(bulk|junk|auto_reply)$/i.test(headerText(headers, 'precedence').trim())) return true;
  if (envelopeFrom.trim() === '') return true;
  const sender = (fromAddress || envelopeFrom).toLowerCase();
  return /^(mailer-daemon|postmaster)@/.test(sender) || /^(mailer-daemon|postmaster)$/.test(sender);
}

/** Our outgoing Message-IDs are <message id@clientloop>; these are the message ids a reply names. */
export function sentMessageIdsIn(
  inReplyTo: string | undefined,
  references: string | string[] | undefined,
): string[] {
  const all = [
    inReplyTo ?? '',
    ...(Array.isArray(references) ? references : [references ?? '']),
  ].join(' ');
  const ids = [
    ...all.matchAll(
      /<([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})@clientloop>/gi,
    ),
  ].map((m) => m[1]!.toLowerCase());
  return [...new Set(ids)];
}

/** Public references (CL-XXXXXXXXXX) in a subject such as "Re: We received your feedback — CL-…". */
export function publicRefsIn(subject: string): string[] {
  return [...new Set([...subject.matchAll(/\bCL-[A-HJ-NP-Z2-9]{10}\b/g)].map((m) => m[0]))];
}
